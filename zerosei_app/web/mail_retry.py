"""While the app runs, e-mail that failed (server down, network) is tried again every few minutes.

Settings are read first, so a bad ZEROSEI_SMTP_* value stops the start with a message naming it.
Several workers may each run this: the outbox's claims make sure a message goes out once.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from contextlib import asynccontextmanager

from zerosei_app.db import session_scope
from zerosei_app.mail.outbox import flush
from zerosei_app.settings import get_mail_settings

log = logging.getLogger(__name__)
EVERY_SECONDS = 300


def _flush_once() -> None:
    with session_scope() as db:
        flush(db)


async def _loop() -> None:
    while True:
        await asyncio.sleep(EVERY_SECONDS)
        try:
            await asyncio.to_thread(_flush_once)
        except Exception:  # e.g. the database briefly unavailable: the next round tries again
            log.exception("e-mail retry failed; messages stay queued")


@asynccontextmanager
async def retry_mail():
    get_mail_settings()
    task = asyncio.create_task(_loop())
    try:
        yield
    finally:
        task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await task
