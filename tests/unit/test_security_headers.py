"""The CSP on HTML pages and the upload size limit, on a tiny ASGI app (Starlette's test client)."""

from __future__ import annotations

from starlette.applications import Starlette
from starlette.responses import HTMLResponse, JSONResponse
from starlette.routing import Route
from starlette.testclient import TestClient

from zerosei_app.web.security_headers import content_security_policy
from zerosei_app.web.upload_limit import LIMIT, upload_limit

reached: list[int] = []


async def page(_request):
    return HTMLResponse("<p>ok</p>")


async def data(_request):
    return JSONResponse({"ok": True})


async def upload(request):
    body = await request.body()
    reached.append(len(body))
    return JSONResponse({"size": len(body)})


inner = Starlette(
    routes=[
        Route("/percorso", page),
        Route("/staff/voce", page),
        Route("/api/v1/comuni", data),
        Route("/_upload", upload, methods=["POST"]),
    ]
)
client = TestClient(upload_limit(content_security_policy(inner)))


def test_every_html_page_has_a_policy_without_third_party_origins():
    parents = client.get("/percorso").headers["content-security-policy"]
    staff = client.get("/staff/voce").headers["content-security-policy"]
    assert "default-src 'self'" in parents and "object-src 'none'" in parents
    assert "frame-ancestors 'none'" in staff and "frame-ancestors 'self'" in parents
    # The offline path's service worker and manifest come from our own origin only.
    assert "worker-src 'self';" in parents and "manifest-src 'self';" in parents
    assert "ws://testserver" in parents  # the websocket of this site only
    for policy in (parents, staff):
        assert "http://" not in policy and "https://" not in policy and "*" not in policy
    assert "content-security-policy" not in client.get("/api/v1/comuni").headers


def test_a_forged_host_cannot_widen_the_policy():
    policy = client.get("/percorso", headers={"host": "evil; script-src *"}).headers["content-security-policy"]
    assert "evil" not in policy and "*" not in policy


def test_uploads_over_the_limit_are_refused_before_being_read():
    reached.clear()
    r = client.post("/_upload", content=b"x" * (LIMIT + 1), headers={"content-type": "application/octet-stream"})
    assert r.status_code == 413 and "troppo grande" in r.json()["detail"] and reached == []
    ok = client.post("/_upload", content=b"x" * 1000)
    assert ok.status_code == 200 and reached == [1000]


def test_allowed_origins_always_include_the_public_site():
    from zerosei_app.settings import allowed_origins

    assert allowed_origins("*", "https://zerosei.example.it") == ["*"]
    assert allowed_origins("", None) == []  # unset: the site's own origin only (web/ws_guard.py)
    assert allowed_origins("https://a.example, https://b.example/", "https://zerosei.example.it/app") == [
        "https://a.example",
        "https://b.example",
        "https://zerosei.example.it",
    ]
