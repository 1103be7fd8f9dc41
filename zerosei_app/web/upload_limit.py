"""A size limit on Reflex's upload endpoint (/_upload), before Reflex reads the body: the staff CSV
import never needs more than the CSV limit, and nobody may fill the disk or memory with uploads.

A request without Content-Length is refused (411): browsers always send it for a form upload, and
the server then never reads more than the declared length."""

from __future__ import annotations

import json

from zerosei_app.auth.http_headers import ASGIApp, Scope
from zerosei_app.domain.csv_common import MAX_BYTES
from zerosei_app.settings import get_limits

UPLOAD_PATH = "/_upload"
# ZEROSEI_UPLOAD_MAX_BYTES: by default the CSV limit plus room for the multipart envelope.
LIMIT = get_limits().upload_max_bytes
TOO_LARGE = (
    f"Il file è troppo grande (massimo {MAX_BYTES // 1_000_000} MB): niente è stato caricato. "
    f"/ The file is too large (at most {MAX_BYTES // 1_000_000} MB): nothing was uploaded."
)
NO_LENGTH = "Richiesta senza lunghezza: niente è stato caricato. / Request without a length: nothing was uploaded."


async def _refuse(send, status: int, text: str) -> None:
    body = json.dumps({"detail": text}, ensure_ascii=False).encode()
    await send(
        {
            "type": "http.response.start",
            "status": status,
            "headers": [
                (b"content-type", b"application/json; charset=utf-8"),
                (b"content-length", str(len(body)).encode()),
            ],
        }
    )
    await send({"type": "http.response.body", "body": body})


def upload_limit(app: ASGIApp) -> ASGIApp:
    async def wrapped(scope: Scope, receive, send) -> None:
        if (
            scope.get("type") == "http"
            and scope.get("method") == "POST"
            and scope.get("path", "").endswith(UPLOAD_PATH)
        ):
            length = next((v for k, v in scope.get("headers", []) if k.lower() == b"content-length"), None)
            if length is None or not length.strip().isdigit():
                await _refuse(send, 411, NO_LENGTH)
                return
            if int(length) > LIMIT:
                await _refuse(send, 413, TOO_LARGE)
                return
        await app(scope, receive, send)

    return wrapped
