"""`/carta/mappa.svg`: the comuni of the map as one cached SVG image (view/carta_map.py draws it).

Generated once and kept for a minute (coverage changes when the Regione edits it), with an ETag,
so the directory page costs one small cached image instead of 1,180 elements in the app's state.
"""

from __future__ import annotations

import gzip
import hashlib
import threading
import time

from fastapi import APIRouter, Request
from fastapi.responses import Response

from zerosei_app.db import session_scope
from zerosei_app.queries.carta import map_points
from zerosei_app.view.carta_map import comuni_svg
from zerosei_app.view.urls import CARTA_MAPPA as MAP_PATH

TTL_SECONDS = 60.0

router = APIRouter()
_lock = threading.Lock()
_cache: dict[str, tuple[float, bytes, bytes, str]] = {}


def map_svg() -> tuple[bytes, bytes, str]:
    """The SVG, gzipped once too (155 KB → about 20 KB), and its ETag; rebuilt at most once a minute."""
    now = time.monotonic()
    with _lock:
        hit = _cache.get("svg")
        if hit and now - hit[0] < TTL_SECONDS:
            return hit[1], hit[2], hit[3]
    with session_scope() as db:
        points, _ = map_points(db)
    body = comuni_svg(points).encode("utf-8")
    packed = gzip.compress(body, mtime=0)
    etag = '"' + hashlib.sha256(body).hexdigest()[:20] + '"'
    with _lock:
        _cache["svg"] = (now, body, packed, etag)
    return body, packed, etag


def clear_cache() -> None:
    with _lock:
        _cache.clear()


@router.api_route(MAP_PATH, methods=["GET", "HEAD"], include_in_schema=False)
def carta_map(request: Request) -> Response:
    body, packed, etag = map_svg()
    headers = {
        "ETag": etag,
        "Cache-Control": "public, max-age=300",
        "X-Content-Type-Options": "nosniff",
        "Vary": "Accept-Encoding",
    }
    if request.headers.get("if-none-match") == etag:
        return Response(status_code=304, headers=headers)
    if "gzip" in request.headers.get("accept-encoding", ""):
        return Response(packed, media_type="image/svg+xml", headers={**headers, "Content-Encoding": "gzip"})
    return Response(body, media_type="image/svg+xml", headers=headers)
