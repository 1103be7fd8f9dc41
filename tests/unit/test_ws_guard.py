"""The websocket's bounds (web/ws_guard.py): the Reflex internals it relies on, the URL cut, the
message size and the per-address cap (an ASGI test app stands in for Reflex's socket server)."""

from __future__ import annotations

import inspect

import pytest
from starlette.applications import Starlette
from starlette.routing import WebSocketRoute
from starlette.testclient import TestClient
from starlette.websockets import WebSocketDisconnect

from tests.coroutines import run_coroutine
from zerosei_app.web import ws_guard


def test_reflex_internals_are_still_where_ws_guard_touches_them():
    """Fails loudly when a Reflex / python-socketio upgrade moves what ws_guard.install changes."""
    from reflex.app import EventNamespace

    from zerosei_app.settings import get_settings
    from zerosei_app.zerosei_app import app

    eio = app.sio.eio
    assert eio.cors_allowed_origins is ws_guard._origin_check
    assert eio.max_http_buffer_size == get_settings().ws_max_message_bytes
    assert getattr(app.event_namespace.on_event, "_zerosei_bounded", False)
    # engine.io still asks a callable about each Origin, and refuses what it says no to
    own = {"HTTP_ORIGIN": "http://127.0.0.1:3000", "HTTP_HOST": "127.0.0.1:3000"}
    assert eio._cors_allowed_origins(own) == ["http://127.0.0.1:3000"]
    assert eio._cors_allowed_origins({**own, "HTTP_ORIGIN": "http://evil.example"}) == []
    assert eio._cors_allowed_origins({**own, "HTTP_ORIGIN": "null"}) == []
    assert "is not an accepted origin" in inspect.getsource(type(eio).handle_request)
    # Reflex still routes the hydrate of the CONNECT packet through self.on_event, which reads router_data
    assert "self.on_event(sid, boot_event)" in inspect.getsource(EventNamespace.on_connect)
    assert "event.router_data" in inspect.getsource(EventNamespace.on_event)


def test_an_oversized_url_becomes_its_bare_page():
    small = {
        "pathname": "/percorso",
        "asPath": "/percorso?comune=001272&nascita=2025-05",
        "query": {"comune": "001272"},
    }
    assert ws_guard.bounded_router_data(small) == (small, False)
    big = {"pathname": "/percorso", "asPath": "/percorso?x=" + "Z" * 20_000, "query": {"x": "Z" * 20_000}}
    assert ws_guard.bounded_router_data(big) == ({"pathname": "/percorso", "asPath": "/percorso", "query": {}}, True)
    many = {"pathname": "/", "asPath": "/", "query": {str(i): "1" for i in range(500)}}
    assert ws_guard.bounded_router_data(many)[1]
    assert ws_guard.bounded_router_data("junk") == ({}, True)


def test_log_values_are_cut_and_escaped():
    out = ws_guard.cut("a\nb" + "x" * 5000)
    assert "\n" not in out and len(out) < 260 and out.startswith("a\\nb")


async def _echo(websocket):
    await websocket.accept()
    while True:
        try:
            text = await websocket.receive_text()
        except WebSocketDisconnect:
            return
        await websocket.send_text("ok:" + text[:10])


@pytest.fixture
def guarded(monkeypatch):
    from zerosei_app import settings

    monkeypatch.setenv("ZEROSEI_WS_MAX_PER_ADDRESS", "3")
    monkeypatch.setenv("ZEROSEI_WS_MAX_MESSAGE_BYTES", "8192")
    settings.get_settings.cache_clear()
    try:
        app = ws_guard.websocket_limits(Starlette(routes=[WebSocketRoute("/_event/", _echo)]))
        yield TestClient(app)
    finally:
        settings.get_settings.cache_clear()


def test_a_message_over_the_limit_gets_a_small_answer_and_the_socket_closes(guarded):
    with guarded.websocket_connect("/_event/") as ws:
        ws.send_text("42/_event,small")
        assert ws.receive_text() == "ok:42/_event,"
        ws.send_text("40/_event," + "Z" * 480_000)
        answer = ws.receive_text()
        assert answer.startswith("44/_event,") and "too large" in answer and len(answer) < 100
        with pytest.raises(WebSocketDisconnect) as closed:
            ws.receive_text()
        assert closed.value.code == 1009


def test_one_address_opens_at_most_the_configured_sockets(guarded):
    opened = [guarded.websocket_connect("/_event/") for _ in range(3)]
    for ws in opened:
        ws.__enter__()
    with pytest.raises(WebSocketDisconnect) as refused, guarded.websocket_connect("/_event/") as ws:
        ws.receive_text()
    assert refused.value.code == 1008
    opened[0].__exit__(None, None, None)
    with guarded.websocket_connect("/_event/") as ws:  # one closed: room for one more
        ws.send_text("hi")
        assert ws.receive_text() == "ok:hi"
    for ws in opened[1:]:
        ws.__exit__(None, None, None)


def test_the_count_is_shared_through_redis_across_workers():
    import os
    import uuid

    url = os.environ.get("ZEROSEI_TEST_REDIS_URL")
    if not url:
        pytest.skip("ZEROSEI_TEST_REDIS_URL not set")

    async def run():
        a, b = ws_guard.OpenSockets(url), ws_guard.OpenSockets(url)  # two workers
        address = f"test-{uuid.uuid4().hex}"
        t1 = await a.acquire(address, 2)
        t2 = await b.acquire(address, 2)
        assert t1 and t2 and await a.acquire(address, 2) is None
        await b.release(t2)
        t3 = await a.acquire(address, 2)
        assert t3
        for t in (t1, t3):
            await a.release(t)
        await a.redis.aclose()
        await b.redis.aclose()

    run_coroutine(run())


def test_every_oversized_url_is_cut_not_only_the_first_logged_one():
    """The log line is rate-limited (one a minute); the bound applies to every event."""
    from types import SimpleNamespace

    from zerosei_app.web import ws_guard

    seen: list[dict] = []

    async def on_event(sid, data):
        seen.append(data["router_data"])

    app = SimpleNamespace(
        sio=SimpleNamespace(eio=SimpleNamespace()), event_namespace=SimpleNamespace(on_event=on_event)
    )
    ws_guard.install(app)
    huge = {"pathname": "/percorso", "asPath": "/percorso?x=" + "Q" * 20_000, "query": {"x": "Q" * 20_000}}
    for _ in range(3):
        run_coroutine(app.event_namespace.on_event("sid", {"name": "hydrate", "router_data": huge}))
    assert seen == [{"pathname": "/percorso", "asPath": "/percorso", "query": {}}] * 3
