"""HTTP headers for the staff pages: never cached, never framed, no referrer (setup links carry a token)."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
ASGIApp = Callable[[Scope, Callable[[], Awaitable[Message]], Callable[[Message], Awaitable[None]]], Awaitable[None]]

STAFF_PREFIX = "/staff"
_HEADERS = {
    b"cache-control": b"no-store",
    b"pragma": b"no-cache",
    b"x-frame-options": b"DENY",
    b"referrer-policy": b"no-referrer",
    b"x-content-type-options": b"nosniff",
}


def _is_staff(path: str) -> bool:
    return path == STAFF_PREFIX or path.startswith(STAFF_PREFIX + "/") or path.startswith(STAFF_PREFIX + ".")


def staff_no_store(app: ASGIApp) -> ASGIApp:
    """ASGI wrapper (an `api_transformer`): sets the headers above on every /staff… response."""

    async def wrapped(scope: Scope, receive, send) -> None:
        if scope.get("type") != "http" or not _is_staff(scope.get("path", "")):
            await app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message.get("type") == "http.response.start":
                headers = [(k, v) for k, v in message.get("headers", []) if k.lower() not in _HEADERS]
                headers.extend(_HEADERS.items())
                message["headers"] = headers
            await send(message)

        await app(scope, receive, send_with_headers)

    return wrapped
