"""Start-up of each backend worker, before it serves anyone: the comune index and the public
snapshot are built in a thread (the first parent would otherwise wait for them, and the event
loop with them), then the garbage collector is tuned for a long-lived server."""

from __future__ import annotations

import asyncio
import logging
from contextlib import asynccontextmanager

from zerosei_app.db import session_scope
from zerosei_app.queries import snapshot
from zerosei_app.queries.comuni import comune_index
from zerosei_app.web import gc_tuning

log = logging.getLogger(__name__)


def _build() -> None:
    with session_scope() as db:
        comune_index(db)
        snapshot.public_data(db)


@asynccontextmanager
async def warm_up():
    try:
        await asyncio.to_thread(_build)
    except Exception:  # e.g. a database not migrated yet: the first request will say so
        log.exception("warm-up failed; the index and snapshot will be built on first use")
    gc_tuning.tune()
    yield
