"""HTTP behaviour of /api/v1 as a whole: CORS, HEAD, security headers, last-resort errors.

The data are public and read-only, so any site may read them without credentials:
`Access-Control-Allow-Origin: *`, never `Allow-Credentials`, methods GET/HEAD/OPTIONS.
ZEROSEI_CORS_ORIGINS (Reflex's `cors_allowed_origins`) is for the websocket and the pages.

Reflex 0.10 wraps its own backend, every Starlette app given as `api_transformer` and the
top-level app each in a CORS middleware built from `cors_allowed_origins` with credentials
(`App._add_cors`): three layers, so `Vary: Origin, Origin, Origin`, a reflected origin with
`Allow-Credentials: true` when the setting is `*`, and preflights answered before any request
reaches the API. `scope_reflex_cors()` keeps Reflex's policy exactly as Reflex builds it, but
(1) not on /api/v1, which has its own, and (2) once per request (the outermost layer) instead
of once per layer. tests/api/test_api_served.py checks this on the app as Reflex assembles it,
so a Reflex upgrade that changes the mechanism fails a test rather than the API.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable
from typing import Any
from urllib.parse import unquote_plus

from starlette.middleware.cors import CORSMiddleware
from starlette.requests import Request
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from zerosei_app.domain.errors import FieldError
from zerosei_app.view import share
from zerosei_app.web import reflex_patches

log = logging.getLogger(__name__)

PREFIX = "/api/v1"
API_METHODS = ("GET", "HEAD", "OPTIONS")
EXPOSED_HEADERS = ("X-Total-Count", "Link")
_CORS_DONE = "zerosei.cors_applied"


def public_base(request: Request) -> str:
    """The base of the absolute addresses in API answers (view/share.site_base, from the request's Host)."""
    return share.site_base(scheme=request.url.scheme, host=request.headers.get("host"))


def has_control_characters(path: str) -> bool:
    return any(ord(c) < 0x20 or 0x7F <= ord(c) < 0xA0 for c in path)


def has_api_path_with_control_characters(scope: Scope) -> bool:
    path = scope.get("path", "")
    return has_control_characters(path) and is_api_path("".join(c for c in path if not has_control_characters(c)))


async def control_character_404(scope: Scope, receive: Receive, send: Send) -> None:
    """No endpoint has a control character in its path, and routing mishandles them (Starlette's
    route regexes: `$` matches before a final line feed, `.` stops at one, so `/api/v1/comuni%0A`
    answered as `/api/v1/comuni` and `/api/v1/com%0Auni` got a plain-text 404): the API's own 404."""
    from zerosei_app.api.errors import error_response, request_lang

    async def send_nosniff(message: Message) -> None:
        if message["type"] == "http.response.start":
            message["headers"] = [*message.get("headers", []), (b"x-content-type-options", b"nosniff")]
        await send(message)

    response = error_response(404, [FieldError("path", "not_found", {})], request_lang(_query_lang(scope)))
    await CORSMiddleware(response, allow_origins=["*"], allow_methods=API_METHODS)(scope, receive, send_nosniff)


def is_api_path(path: str) -> bool:
    return path == PREFIX or path.startswith(PREFIX + "/")


def _path(scope: Scope) -> str:
    path = scope.get("path", "")
    root = scope.get("root_path", "")
    return path[len(root) :] if root and path.startswith(root) else path


class PublicApiMiddleware:
    """Around the API's routes (and only for /api/v1 paths): public CORS, HEAD answered as GET
    without a body, `X-Content-Type-Options: nosniff`, and a JSON 500 if a handler fails."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app
        self.cors = CORSMiddleware(
            self._api,
            allow_origins=["*"],
            allow_credentials=False,
            allow_methods=API_METHODS,
            expose_headers=EXPOSED_HEADERS,
            max_age=86400,
        )

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or not is_api_path(_path(scope)):
            await self.app(scope, receive, send)
            return

        async def send_nosniff(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = [(k, v) for k, v in message.get("headers", []) if k.lower() != b"x-content-type-options"]
                message["headers"] = [*headers, (b"x-content-type-options", b"nosniff")]
            await send(message)

        if has_control_characters(_path(scope)):
            await control_character_404(scope, receive, send)
            return
        await self.cors(scope, receive, send_nosniff)

    async def _api(self, scope: Scope, receive: Receive, send: Send) -> None:
        scope = {**scope, "query_string": lowercase_keys(scope.get("query_string", b""))}
        if scope["method"] == "HEAD":
            # FastAPI's GET routes don't answer HEAD: run the GET, send its headers only.
            scope = {**scope, "method": "GET"}
            send = _without_body(send)
        started = False

        async def tracking_send(message: Message) -> None:
            nonlocal started
            started = started or message["type"] == "http.response.start"
            await send(message)

        try:
            await self.app(scope, receive, tracking_send)
        except Exception:
            # Last resort: the trace for us, a clean JSON answer (never a stack trace) for the client.
            log.exception("API error on %s", scope.get("path"))
            if started:
                raise
            from zerosei_app.api.errors import error_response, request_lang

            await error_response(500, [FieldError("", "internal", {})], request_lang(_query_lang(scope)))(
                scope, receive, tracking_send
            )


_KEY = re.compile(r"[a-z_]+")


def lowercase_keys(query: bytes) -> bytes:
    """Query keys are case-insensitive in the whole API (`LANG=en`, `Limit=5`, as in the path's
    links): a key that is a parameter's name in another case or with spaces around it is written
    as that name, so FastAPI finds it. Values are left exactly as they came."""
    parts = query.decode("latin-1").split("&")
    for i, part in enumerate(parts):
        key, eq, value = part.partition("=")
        name = unquote_plus(key).strip().lower()
        if name != key and _KEY.fullmatch(name):
            parts[i] = f"{name}{eq}{value}"
    return "&".join(parts).encode("latin-1")


def _query_lang(scope: Scope) -> str | None:
    query = scope.get("query_string", b"").decode("latin-1")
    return next((v for k, _, v in (p.partition("=") for p in query.split("&")) if k == "lang"), None)


def _without_body(send: Send) -> Send:
    async def wrapped(message: Message) -> None:
        if message["type"] == "http.response.body":
            message = {"type": "http.response.body", "body": b"", "more_body": message.get("more_body", False)}
        await send(message)

    return wrapped


class _OutsideApiOnce:
    """Reflex's CORS middleware, skipped on /api/v1 and applied by the outermost layer only."""

    def __init__(self, app: ASGIApp, middleware: type, args: tuple, kwargs: dict[str, Any]) -> None:
        self.app = app
        self.with_cors = middleware(app, *args, **kwargs)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and not scope.get(_CORS_DONE) and has_api_path_with_control_characters(scope):
            # The outermost layer (Reflex's top-level app) sees the path before any route regex does.
            await control_character_404(scope, receive, send)
            return
        if scope["type"] != "http" or is_api_path(_path(scope)) or scope.get(_CORS_DONE):
            await self.app(scope, receive, send)
            return
        scope[_CORS_DONE] = True
        await self.with_cors(scope, receive, send)


class _Recorder:
    """Stands in for a Starlette app to record what Reflex's `_add_cors` would add."""

    def __init__(self) -> None:
        self.calls: list[tuple[type, tuple, dict[str, Any]]] = []

    def add_middleware(self, middleware: type, *args: Any, **kwargs: Any) -> None:
        self.calls.append((middleware, args, kwargs))


def _scoped(original: Callable[[Any], None]) -> Callable[[Any], None]:
    """Reflex's `_add_cors(app)` as it is, but outside /api/v1 and once per request."""

    def _add_cors(app: Any) -> None:
        recorder = _Recorder()
        original(recorder)
        for middleware, args, kwargs in recorder.calls:
            app.add_middleware(_OutsideApiOnce, middleware=middleware, args=args, kwargs=kwargs)

    return _add_cors


def scope_reflex_cors() -> bool:
    """Install the wrapper described above on Reflex's `App._add_cors` (idempotent).
    Must run before the rx.App is created. Returns False if Reflex no longer has the hook."""
    if reflex_patches.wrap_add_cors(_scoped):
        return True
    log.warning("reflex.app.App._add_cors not found: /api/v1 gets Reflex's CORS headers as well")
    return False
