"""The outermost HTTP layer: a Host header the site does not answer to gets 400 before anything is
built or cached (pages, API, websocket, /ping, uploads), and every answer says `nosniff`.

ZEROSEI_ALLOWED_HOSTS (default: the host of ZEROSEI_PUBLIC_URL, else localhost, 127.0.0.1, ::1).
"""

from __future__ import annotations

from zerosei_app.auth.http_headers import ASGIApp, Message, Scope
from zerosei_app.domain.hosts import host_allowed
from zerosei_app.settings import get_settings

BAD_HOST = b"Host non valido / invalid Host header\n"
_NOSNIFF = (b"x-content-type-options", b"nosniff")


def _host(scope: Scope) -> str | None:
    return next((v.decode("latin-1") for k, v in scope.get("headers", []) if k.lower() == b"host"), None)


async def _bad_host(scope: Scope, receive, send) -> None:
    if scope["type"] == "websocket":
        await receive()  # websocket.connect; closing before accepting answers 403
        await send({"type": "websocket.close", "code": 1008})
        return
    await send(
        {
            "type": "http.response.start",
            "status": 400,
            "headers": [
                (b"content-type", b"text/plain; charset=utf-8"),
                (b"content-length", str(len(BAD_HOST)).encode()),
                (b"cache-control", b"no-store"),
                _NOSNIFF,
            ],
        }
    )
    await send({"type": "http.response.body", "body": BAD_HOST})


def allowed_hosts(app: ASGIApp) -> ASGIApp:
    hosts = tuple(get_settings().allowed_hosts)

    async def wrapped(scope: Scope, receive, send) -> None:
        if scope.get("type") not in ("http", "websocket"):
            await app(scope, receive, send)
            return
        if not host_allowed(_host(scope), hosts):
            await _bad_host(scope, receive, send)
            return
        if scope["type"] == "websocket":
            await app(scope, receive, send)
            return

        async def send_nosniff(message: Message) -> None:
            if message.get("type") == "http.response.start":
                headers = [(k, v) for k, v in message.get("headers", []) if k.lower() != _NOSNIFF[0]]
                message["headers"] = [*headers, _NOSNIFF]
            await send(message)

        await app(scope, receive, send_nosniff)

    return wrapped
