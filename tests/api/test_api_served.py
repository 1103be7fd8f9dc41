"""The API as Reflex serves it: App.__call__ assembles the ASGI app exactly as `reflex run`
does (our FastAPI app in front, Reflex's backend and the compiled frontend mounted behind it,
CORS layers added by Reflex), with only the page compilation skipped and a stand-in frontend.

The other API tests drive the bare FastAPI app, where an unknown /api/v1 path can't fall
through to the frontend's HTML 404; here it could, so this is where that is checked.
"""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient
from reflex.environment import environment

from zerosei_app.api.app import api

HTML_404 = "<!DOCTYPE html><html><body>frontend 404</body></html>"
ORIGIN = {"Origin": "https://elsewhere.example"}


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    mp = pytest.MonkeyPatch()
    web = tmp_path_factory.mktemp("web")
    static = web / "build" / "client"
    static.mkdir(parents=True)
    (static / "index.html").write_text("<!DOCTYPE html><html><body>shell</body></html>")
    (static / "404.html").write_text(HTML_404)
    mp.setenv("REFLEX_WEB_WORKDIR", str(web))
    # As `reflex run --env prod` does (exec.run_backend_prod): the backend serves the frontend too.
    mp.setenv(environment.REFLEX_MOUNT_FRONTEND_COMPILED_APP.name, "true")
    routes, middleware = list(api.router.routes), list(api.user_middleware)
    api.middleware_stack = None  # earlier tests started the bare app; Reflex adds to it as at startup

    from zerosei_app.zerosei_app import app

    mp.setattr(app, "_compile", lambda **kwargs: None)
    try:
        with TestClient(app(), raise_server_exceptions=False, follow_redirects=False) as client:
            yield client
    finally:
        # App.__call__ mounted Reflex behind our app and added middleware: undo it for other tests.
        api.router.routes[:] = routes
        api.user_middleware[:] = middleware
        api.middleware_stack = None
        mp.undo()


def test_the_frontend_is_really_behind(served):
    r = served.get("/no-such-page")
    assert r.status_code == 404 and "frontend 404" in r.text


@pytest.mark.parametrize(
    "path", ["/api/v1/nope", "/api/v1", "/api/v1/", "/api/v1/CENTRI", "/api/v1/centri/1/x", "/api/v1/nope/"]
)
def test_unknown_api_paths_are_json_404(served, path):
    r = served.get(path)
    assert r.status_code == 404
    assert r.headers["content-type"] == "application/json"
    assert r.json()["detail"][0]["codice"] == "not_found"


@pytest.mark.parametrize(
    ("path", "target"),
    [
        ("/api/v1/centri/", "/api/v1/centri"),
        ("/api/v1/centri/1/", "/api/v1/centri/1"),
        ("/api/v1/comuni/?q=alba", "/api/v1/comuni?q=alba"),
    ],
)
def test_trailing_slash_redirects_to_the_endpoint(served, path, target):
    r = served.get(path)
    assert r.status_code == 308 and r.headers["location"] == target
    assert served.get(target).status_code == 200


def test_head_answers_like_get_without_a_body(served):
    get = served.get("/api/v1/centri")
    head = served.head("/api/v1/centri")
    assert head.status_code == 200 and head.content == b""
    assert head.headers["content-type"] == "application/json"
    assert head.headers["content-length"] == get.headers["content-length"]
    assert served.head("/api/v1/nope").status_code == 404


@pytest.mark.parametrize("method", ["POST", "PUT", "PATCH", "DELETE"])
def test_other_methods_are_json_405(served, method):
    r = served.request(method, "/api/v1/percorso")
    assert r.status_code == 405
    assert r.headers["allow"] == "GET, HEAD, OPTIONS"
    assert r.json()["detail"][0]["codice"] == "method_not_allowed"


def test_cors_is_public_without_credentials(served):
    r = served.get("/api/v1/comuni?q=alba", headers=ORIGIN)
    assert r.headers["access-control-allow-origin"] == "*"
    assert "access-control-allow-credentials" not in r.headers
    assert r.headers["vary"] == "Origin"  # once, not once per Reflex layer
    assert r.headers["x-content-type-options"] == "nosniff"
    pages = served.get("/api/v1/voci?limit=1", headers=ORIGIN)
    assert {"x-total-count", "link"} <= {
        h.strip().lower() for h in pages.headers["access-control-expose-headers"].split(",")
    }


def test_cors_preflight_allows_reading_only(served):
    r = served.options("/api/v1/percorso", headers={**ORIGIN, "Access-Control-Request-Method": "GET"})
    assert r.status_code == 200
    assert r.headers["access-control-allow-origin"] == "*"
    assert r.headers["access-control-allow-methods"] == "GET, HEAD, OPTIONS"
    assert "access-control-allow-credentials" not in r.headers
    refused = served.options("/api/v1/percorso", headers={**ORIGIN, "Access-Control-Request-Method": "DELETE"})
    assert refused.status_code == 400


def test_errors_carry_the_same_headers(served):
    r = served.get("/api/v1/centri/999999", headers=ORIGIN)
    assert r.status_code == 404
    assert r.headers["access-control-allow-origin"] == "*" and r.headers["x-content-type-options"] == "nosniff"
    assert r.headers["cache-control"] == "no-store"


def test_reflex_keeps_its_own_cors_elsewhere(served):
    # Outside /api/v1 Reflex's setting applies as before (the websocket's), but once per response.
    r = served.get("/ping", headers=ORIGIN)
    assert r.status_code == 200
    # Since issue 20 the default (no ZEROSEI_CORS_ORIGINS) grants no other site anything.
    assert r.headers.get("vary", "Origin") == "Origin"
    assert "access-control-allow-origin" not in r.headers


@pytest.mark.parametrize("path", ["/", "/ping", "/api/v1/comuni?q=tor", "/percorso?comune=001272", "/_upload"])
def test_a_forged_host_gets_400_before_anything_runs(served, path):
    r = served.get(path, headers={"host": "evil.example"})
    assert r.status_code == 400 and r.headers["x-content-type-options"] == "nosniff"
    assert "evil.example" not in r.text


@pytest.mark.parametrize("path", ["/", "/ping", "/percorso.ics?comune=001272&nascita=2025-05", "/api/v1/nope"])
def test_every_answer_says_nosniff(served, path):
    assert served.get(path).headers["x-content-type-options"] == "nosniff"


@pytest.mark.parametrize(
    "path",
    [
        "/api/v1/comuni%0A?q=alba",  # a trailing line feed used to be answered as /api/v1/comuni
        "/api/v1/com%0Auni?q=alba",  # and one inside got a plain-text 404
        "/api/v1/centri/1%0A",
        "/api/v1/hsds/services%0A",
        "/api/v1/comuni%09?q=alba",
        "/api/v1%0D",
    ],
)
def test_control_characters_in_api_paths_get_the_json_404(served, path):
    r = served.get(path, headers=ORIGIN)
    assert r.status_code == 404 and r.headers["content-type"] == "application/json"
    assert r.json()["detail"][0]["codice"] == "not_found"
    assert r.headers["x-content-type-options"] == "nosniff" and r.headers["access-control-allow-origin"] == "*"
