"""`/i18n/ui.<lang>.js`: one language's interface texts (i18n/ui_script.py says why).

Served by the app itself, so no third-party origin and nothing for the CSP to allow beyond 'self'.
The URL in the pages carries `?v=<version>`: a matching version is cached for a year, any other
request is revalidated (an old page after a deploy still gets today's texts).
"""

from __future__ import annotations

import gzip

from starlette.responses import Response
from starlette.types import ASGIApp, Receive, Scope, Send

from zerosei_app.i18n.ui_script import lang_of_path, script_body, version


class UiScriptMiddleware:
    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and scope["method"] in ("GET", "HEAD"):
            lang = lang_of_path(scope["path"])
            if lang is not None:
                await ui_script_response(scope, lang)(scope, receive, send)
                return
        await self.app(scope, receive, send)


def ui_script_response(scope: Scope, lang: str) -> Response:
    body = script_body(lang)
    query = scope.get("query_string", b"").decode("latin-1")
    current = query == f"v={version()}"
    headers = {
        "Cache-Control": "public, max-age=31536000, immutable" if current else "public, max-age=0, must-revalidate",
        "ETag": f'"{version()}-{lang}"',
        "X-Content-Type-Options": "nosniff",
        "Vary": "Accept-Encoding",
    }
    request_headers = {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope.get("headers", [])}
    if request_headers.get("if-none-match") == headers["ETag"]:
        return Response(status_code=304, headers=headers)
    if "gzip" in request_headers.get("accept-encoding", ""):
        body = gzip.compress(body, mtime=0)
        headers["Content-Encoding"] = "gzip"
    return Response(body, media_type="text/javascript; charset=utf-8", headers=headers)
