"""`/percorso/qr.svg?<path query>`: the path's QR code as an image of its own.

Making a QR code costs more than the rest of the path page (segno tries all eight masks in pure
Python, ~4 ms). Inside the page's state it was computed on every load and sent in the hydrate
as a data URI; as a lazily loaded image it is made only when a parent scrolls to the share
section or prints, and the browser may cache it. The link it encodes is rebuilt here from the
valid parts of the query, on the public base URL, exactly as the page's share field shows it.
"""

from __future__ import annotations

from starlette.concurrency import run_in_threadpool
from starlette.responses import Response
from starlette.types import ASGIApp, Receive, Scope, Send

from zerosei_app.domain.link import parse_query_string
from zerosei_app.view import share, urls


class PathQrMiddleware:
    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and scope["method"] in ("GET", "HEAD") and scope["path"] == urls.PERCORSO_QR:
            response = await run_in_threadpool(qr_response, scope)  # CPU-bound: keep the event loop free
            await response(scope, receive, send)
            return
        await self.app(scope, receive, send)


def qr_response(scope: Scope) -> Response:
    q = parse_query_string(scope.get("query_string", b"").decode("latin-1")).query
    if q.comune is None:  # the page shows no QR code without a comune either
        return Response(status_code=404, headers={"Cache-Control": "no-store"})
    headers = {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope.get("headers", [])}
    base = share.site_base(scheme=scope.get("scheme"), host=headers.get("host"))
    svg = share.qr_svg(share.absolute(base, urls.link(urls.PERCORSO, q)))
    # The image depends on the query (and the host) only: cacheable; nosniff keeps it an image.
    return Response(
        svg,
        media_type="image/svg+xml",
        headers={"Cache-Control": "public, max-age=86400", "X-Content-Type-Options": "nosniff"},
    )
