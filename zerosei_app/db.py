"""One SQLAlchemy engine per process, built from the settings, and the one way event handlers
run blocking work (database, argon2) off the event loop."""

from __future__ import annotations

import asyncio
import contextvars
import functools
import threading
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from typing import TypeVar

from sqlalchemy import event
from sqlalchemy.engine import Engine, make_url
from sqlmodel import Session, create_engine

from zerosei_app.settings import get_limits, get_settings

T = TypeVar("T")

# A connection that is not free within this time means the pool is exhausted: answer "busy"
# at once instead of letting the request wait (SQLAlchemy's default is 30 s).
POOL_TIMEOUT_SECONDS = get_limits().db_pool_timeout
# Threads for blocking work of event handlers. Bounded so that a burst of heavy events (argon2
# takes 64 MiB and tens of ms each) queues here instead of exhausting memory or the pool.
WORKERS = get_limits().blocking_threads
# Past this many waiting jobs, a new one is refused at once ("server busy, retry").
MAX_WAITING = get_limits().blocking_queue


class Busy(Exception):
    """Too much work is already waiting: the caller tells the user to retry in a moment."""


def make_engine(url: str) -> Engine:
    if url.startswith("sqlite"):
        db_file = make_url(url).database
        pool = {} if not db_file or db_file == ":memory:" else {"pool_timeout": POOL_TIMEOUT_SECONDS}
        engine = create_engine(url, connect_args={"check_same_thread": False, "timeout": 15}, **pool)

        @event.listens_for(engine, "connect")
        def _sqlite_pragmas(dbapi_conn, _record):  # pragma: no cover - trivial
            cur = dbapi_conn.cursor()
            # WAL lets parents read while staff write; FKs are off by default in SQLite.
            cur.execute("PRAGMA journal_mode=WAL")
            cur.execute("PRAGMA foreign_keys=ON")
            cur.execute("PRAGMA busy_timeout=15000")
            cur.close()

        return engine
    return create_engine(url, pool_pre_ping=True, pool_size=10, max_overflow=20, pool_timeout=POOL_TIMEOUT_SECONDS)


@functools.cache
def get_engine() -> Engine:
    return make_engine(get_settings().database_url)


@contextmanager
def session_scope() -> Iterator[Session]:
    with Session(get_engine()) as session:
        yield session


# Two lanes, so that a burst of staff work (argon2) never delays parents' pages, nor the reverse.
LANES = {"staff": WORKERS, "public": get_limits().public_threads}
_executors: dict[str, ThreadPoolExecutor] = {}
_waiting = dict.fromkeys(LANES, 0)
_lock = threading.Lock()


def _get_executor(lane: str) -> ThreadPoolExecutor:
    with _lock:
        if lane not in _executors:
            _executors[lane] = ThreadPoolExecutor(max_workers=LANES[lane], thread_name_prefix=f"zerosei-{lane}")
        return _executors[lane]


async def off_loop(fn: Callable[..., T], *args, lane: str = "staff") -> T:
    """Run fn(*args) in the blocking-work threads and await it: the event loop stays free for
    every other tab (and /ping) meanwhile. Raises Busy at once when too much is already waiting."""
    with _lock:
        if _waiting[lane] >= MAX_WAITING:
            raise Busy()
        _waiting[lane] += 1
    try:
        ctx = contextvars.copy_context()
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(_get_executor(lane), functools.partial(ctx.run, fn, *args))
    finally:
        with _lock:
            _waiting[lane] -= 1
