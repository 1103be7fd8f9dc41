"""Helpers for the staff state tests (the fixtures `staff_db` and `fast_hashing` are in conftest.py).

- `Personas`: what `staff_db` gives (the engine, each persona's session token and user id).
- `make_state(cls, token, path, query)`: a state built as in REFLEX_NOTES, with the
  session cookie set as the browser would send it.
"""

from __future__ import annotations

import hashlib
import inspect
from dataclasses import dataclass

import reflex as rx
from reflex.istate.data import RouterData
from sqlalchemy import text
from sqlmodel import Session

from tests.coroutines import run_coroutine
from zerosei_app.state import staff_base

CENTRO_A = 1
CENTRO_B = 2
PASSWORD = "girasole azzurro 2026"
# Every table a staff handler can write (a refused call must leave all of them unchanged).
WATCHED_TABLES = (
    "card_entry",
    "centro",
    "copertura",
    "error_report",
    "audit_record",
    "staff_user",
    "staff_membership",
    "ente_gestore",
    "entry_session",
    "tappa",
    "comune_ente_gestore",
    "comune_ente_gestore_proposta",
    "chiusura",
    "comune_ente_gestore",
)


@dataclass
class Personas:
    engine: object
    tokens: dict[str, str]
    user_ids: dict[str, int]

    def session(self) -> Session:
        return Session(self.engine)


def make_state(cls, token: str = "", path: str = "/staff", query: dict | None = None, ip: str = "192.0.2.10"):
    root = rx.State(_reflex_internal_init=True)
    state = root.get_substate(cls.get_full_name().split(".")[1:])
    qs = "&".join(f"{k}={v}" for k, v in (query or {}).items())
    root.router = RouterData.from_router_data(
        {
            "pathname": path,
            "asPath": path + (f"?{qs}" if qs else ""),
            "query": query or {},
            "headers": {"origin": "http://testserver"},
            "ip": ip,
        }
    )
    base = root.get_substate(staff_base.StaffState.get_full_name().split(".")[1:])
    base.session_token = token
    return state


def _run(coro):
    return run_coroutine(coro)


def call(state, name: str, *args):
    """Call a handler as Reflex would (sync, async, generator or async generator); returns what it emitted."""
    fn = getattr(type(state), name).fn
    result = fn(state, *args)
    if inspect.iscoroutine(result):
        result = _run(result)
    if inspect.isgenerator(result):
        return [x for x in result if x is not None]
    if inspect.isasyncgen(result):

        async def drain():
            return [x async for x in result if x is not None]

        return _run(drain())
    return result


def db_fingerprint(p: Personas) -> str:
    """A digest of every row of every table staff can write."""
    h = hashlib.sha256()
    with p.engine.connect() as conn:
        for table in WATCHED_TABLES:
            for row in conn.execute(text(f"SELECT * FROM {table} ORDER BY 1")):  # noqa: S608 - fixed names
                h.update(repr(tuple(row)).encode())
    return h.hexdigest()


def is_redirect_to_login(events) -> bool:
    items = events if isinstance(events, list) else [events]
    return any("/staff/login" in repr(e) for e in items if e is not None)
