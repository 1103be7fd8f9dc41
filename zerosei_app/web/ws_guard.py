"""Bounds on the websocket (/_event): who may open it, how many, and how large its messages are.

The touches of Reflex's (and python-socketio's) internals for this are in web/reflex_patches.py, and
tests/unit/test_ws_guard.py fails loudly if one of them is gone after an upgrade:
- `app.sio.eio.cors_allowed_origins` becomes a check: the site's own origin (the request's
  Host), the ZEROSEI_CORS_ORIGINS list, or anything only when that list is "*";
- `app.sio.eio.max_http_buffer_size` becomes ZEROSEI_WS_MAX_MESSAGE_BYTES;
- `app.event_namespace.on_event` first bounds an event's `router_data`: a URL longer than a
  real page's (8 KB, as HTTP answers 414) is cut back to its bare page, never stored nor echoed.

`websocket_limits` (an ASGI wrapper, api_transformer) answers a message over the size limit with
a small refusal and closes the socket (1009) before Reflex parses it, and refuses a client
address's socket beyond ZEROSEI_WS_MAX_PER_ADDRESS open ones (counted in Redis across workers
when Redis is configured).
"""

from __future__ import annotations

import json
import logging
import time
import uuid
from typing import Any

from zerosei_app.auth.http_headers import ASGIApp, Message, Scope
from zerosei_app.domain.client_address import throttle_key
from zerosei_app.domain.hosts import origin_allowed
from zerosei_app.settings import get_settings
from zerosei_app.web import reflex_patches

log = logging.getLogger(__name__)

EVENT_PATH = "/_event"
MAX_URL = 8192  # a path link is under 1 KB; HTTP servers refuse far less than Reflex's socket
MAX_QUERY_ITEMS = 64
NS = "/_event"
# engine.io "message" + socket.io packets, as the client library reads them.
_CONNECT_ERROR = '4{ns},{{"message":"{why}"}}'
_EVENT = '2{ns},["zerosei_refused",{{"reason":"{why}"}}]'
_REDIS_KEY = "zerosei_ws_open:"
_REDIS_KEEP = 6 * 3600  # a record of a worker killed mid-connection stops counting after this


def cut(value: Any, limit: int = 200) -> str:
    """A client-sent value for the log: at most `limit` characters, control characters escaped."""
    text = value if isinstance(value, str) else repr(value)
    text = text.encode("unicode_escape", "backslashreplace").decode("ascii", "replace")
    return text if len(text) <= limit else f"{text[:limit]}… ({len(text)} chars)"


# -- Reflex's socket server ---------------------------------------------------------------------


def bounded_router_data(router_data: Any) -> tuple[dict, bool]:
    """(router_data fit for a page, whether it was cut). An oversized URL becomes its bare page."""
    if not isinstance(router_data, dict):
        return {}, True
    path = router_data.get("pathname")
    as_path = router_data.get("asPath")
    query = router_data.get("query")
    path = path if isinstance(path, str) and len(path) <= 2048 else "/"
    too_long = (
        not isinstance(as_path, str)
        or len(as_path) > MAX_URL
        or not isinstance(query, dict)
        or len(query) > MAX_QUERY_ITEMS
        or sum(len(str(k)) + len(str(v)) for k, v in query.items()) > MAX_URL
    )
    if not too_long:
        return router_data, False
    return {"pathname": path, "asPath": path, "query": {}}, True


_last_logged: dict[str, float] = {}


def _log_now(kind: str, every: float = 60.0) -> bool:
    """At most one log line per kind and minute: a flood of refusals must not flood the log."""
    now = time.monotonic()
    if now - _last_logged.get(kind, -every) < every:
        return False
    if len(_last_logged) > 1000:
        _last_logged.clear()
    _last_logged[kind] = now
    return True


def _origin_check(origin: str | None, environ: dict) -> bool:
    ok = origin_allowed(origin, environ.get("HTTP_HOST"), get_settings().cors_allowed_origins)
    if not ok and _log_now("origin"):
        log.warning(
            "websocket refused: Origin %s is not this site's (Host %s)", cut(origin), cut(environ.get("HTTP_HOST"))
        )
    return ok


def _bounded_event(sid: str, data: Any) -> Any:
    """The event with an oversized URL cut to its bare page (every time; only the log is rate-limited)."""
    if not isinstance(data, dict):
        return data
    sent = data.get("router_data", {})
    router_data, was_cut = bounded_router_data(sent)
    if not was_cut:
        return data
    if _log_now("url"):
        log.warning(
            "websocket event with an oversized URL, served as %s: %s",
            router_data["pathname"],
            cut(sent.get("asPath") if isinstance(sent, dict) else sent),
        )
    return {**data, "router_data": router_data}


def install(app) -> None:
    """Apply the bounds above to the rx.App's socket server (call once, after rx.App())."""
    settings = get_settings()
    reflex_patches.bound_socket(app, _origin_check, settings.ws_max_message_bytes)
    if "*" in settings.cors_allowed_origins:
        log.warning("ZEROSEI_CORS_ORIGINS=*: pages of ANY site may open this site's websocket and drive its tabs")
    reflex_patches.filter_events(app, _bounded_event)


# -- The ASGI side: message size and sockets per address ----------------------------------------


def client_address(scope: Scope, hops: int) -> str:
    """The client's address as Reflex reads it (X-Forwarded-For only through trusted proxies)."""
    address = (scope.get("client") or ("?",))[0]
    if hops:
        forwarded = next((v for k, v in scope.get("headers", []) if k.lower() == b"x-forwarded-for"), b"")
        ips = [ip.strip() for ip in forwarded.decode("latin-1").split(",") if ip.strip()]
        if len(ips) >= hops:
            address = ips[-hops]
    return throttle_key(address)


class OpenSockets:
    """Open websockets per client address: in this process, or in Redis across workers."""

    def __init__(self, redis_url: str | None) -> None:
        self.local: dict[str, int] = {}
        self.redis = None
        if redis_url:
            import redis.asyncio as aioredis

            self.redis = aioredis.from_url(redis_url)

    async def acquire(self, address: str, limit: int) -> str | None:
        """A ticket if one more socket from `address` is allowed, else None."""
        if self.redis is None:
            if self.local.get(address, 0) >= limit:
                return None
            self.local[address] = self.local.get(address, 0) + 1
            return address
        key, ticket, now = _REDIS_KEY + address, uuid.uuid4().hex, time.time()
        try:
            async with self.redis.pipeline(transaction=True) as pipe:
                pipe.zremrangebyscore(key, 0, now - _REDIS_KEEP)
                pipe.zadd(key, {ticket: now})
                pipe.zcard(key)
                pipe.expire(key, _REDIS_KEEP)
                _, _, count, _ = await pipe.execute()
            if count > limit:
                await self.redis.zrem(key, ticket)
                return None
            return f"{address}\n{ticket}"
        except Exception:  # Redis trouble: count in this process rather than refuse everyone
            log.warning("websocket count in Redis failed; counting in this worker", exc_info=True)
            self.redis = None
            return await self.acquire(address, limit)

    async def release(self, ticket: str) -> None:
        if "\n" not in ticket:
            left = self.local.get(ticket, 1) - 1
            if left > 0:
                self.local[ticket] = left
            else:
                self.local.pop(ticket, None)
            return
        address, member = ticket.split("\n", 1)
        if self.redis is None:  # Redis failed since: its record expires on its own (_REDIS_KEEP)
            return
        try:
            await self.redis.zrem(_REDIS_KEY + address, member)
        except Exception:
            log.warning("websocket count in Redis: release failed", exc_info=True)


def _too_large_answer(first: str | bytes | None) -> str:
    head = first[:2] if isinstance(first, str) else ""
    why = "message too large"
    # The hydrate rides in the CONNECT packet ("40"): refuse the connection itself.
    return (_CONNECT_ERROR if head == "40" else _EVENT).format(ns=NS, why=why)


def websocket_limits(app: ASGIApp) -> ASGIApp:
    settings = get_settings()
    sockets = OpenSockets(settings.redis_url)
    limit_bytes = settings.ws_max_message_bytes

    async def wrapped(scope: Scope, receive, send) -> None:
        if scope.get("type") != "websocket" or not scope.get("path", "").rstrip("/").endswith(EVENT_PATH):
            await app(scope, receive, send)
            return
        address = client_address(scope, settings.trusted_proxy_hops)
        ticket = await sockets.acquire(address, settings.ws_max_per_address)
        if ticket is None:
            if _log_now("count:" + address):
                log.warning("websocket refused: %s already has %d open", cut(address), settings.ws_max_per_address)
            await receive()  # websocket.connect
            await send({"type": "websocket.close", "code": 1008, "reason": "too many connections"})
            return
        refused = False

        async def bounded_receive() -> Message:
            nonlocal refused
            message = await receive()
            if message.get("type") != "websocket.receive" or refused:
                return message
            data = message.get("text") if message.get("text") is not None else message.get("bytes")
            if data is not None and len(data) > limit_bytes:
                refused = True
                if _log_now("size:" + address):
                    log.warning(
                        "websocket message of %d bytes refused (limit %d) from %s", len(data), limit_bytes, cut(address)
                    )
                answer = _too_large_answer(data)
                del data, message
                try:
                    await send({"type": "websocket.send", "text": "4" + answer})
                    await send({"type": "websocket.close", "code": 1009, "reason": "message too large"})
                except Exception:  # the client went away first
                    pass
                return {"type": "websocket.disconnect", "code": 1009}
            return message

        try:
            await app(scope, bounded_receive, send)
        finally:
            await sockets.release(ticket)

    return wrapped


def refusal_size() -> int:
    """Bytes of the largest refusal sent (for tests: a refused message gets a small answer)."""
    return len(json.dumps(_CONNECT_ERROR)) + 32
