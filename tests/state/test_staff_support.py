"""Support for the staff tests (fixtures and helpers; no tests in this module).

- `fast_hashing`: argon2 with tiny costs, so building many accounts stays quick
  (test_staff_auth.py checks the real parameters separately).
- `staff_db`: a fresh seeded database that the staff states use (patched into
  state/staff_base.open_db), with two operatori (centres A=1 and B=2), a Regione
  account and a disabled operatore, each with a live session token.
- `make_state(cls, token, path, query)`: a state built as in REFLEX_NOTES, with the
  session cookie set as the browser would send it.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import hashlib
import inspect
from dataclasses import dataclass
from datetime import timedelta

import pytest
import reflex as rx
from argon2 import PasswordHasher
from reflex.istate.data import RouterData
from sqlalchemy import text
from sqlmodel import Session

from zerosei_app.auth import clock, passwords
from zerosei_app.auth.accounts import create_account
from zerosei_app.auth.sessions import create_session
from zerosei_app.db import make_engine
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
)


@pytest.fixture
def fast_hashing(monkeypatch):
    cheap = PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1)
    monkeypatch.setattr(passwords, "hasher", lambda: cheap)
    passwords._dummy_hash.cache_clear()
    yield
    passwords._dummy_hash.cache_clear()


@dataclass
class Personas:
    engine: object
    tokens: dict[str, str]
    user_ids: dict[str, int]

    def session(self) -> Session:
        return Session(self.engine)


@pytest.fixture
def staff_db(db_url, monkeypatch, fast_hashing) -> Personas:
    engine = make_engine(db_url)
    monkeypatch.setattr(staff_base, "open_db", lambda: Session(engine))
    now = clock.now()
    tokens, ids = {}, {}
    with Session(engine) as db:
        for key, role, centri, active in (
            ("op_a", "operatore", [CENTRO_A], True),
            ("op_b", "operatore", [CENTRO_B], True),
            ("regione", "regione", [], True),
            ("disabled", "operatore", [CENTRO_A], True),
        ):
            user, _ = create_account(
                db,
                email=f"{key}@example.org",
                name=f"Persona {key}",
                role=role,
                centro_ids=centri,
                actor_id=None,
                now=now,
                password=PASSWORD,
            )
            tokens[key] = create_session(db, user.id, now)
            ids[key] = user.id
        db.commit()
        # The disabled operatore still has a (formerly valid) token: it must not work.
        db.execute(text("UPDATE staff_user SET is_active = 0 WHERE id = :id"), {"id": ids["disabled"]})
        # An expired session and a revoked one for op_a.
        expired = create_session(db, ids["op_a"], now - timedelta(days=2))
        revoked = create_session(db, ids["op_a"], now)
        db.commit()
        db.execute(
            text(
                "UPDATE staff_session SET revoked_at = :now WHERE user_id = :id AND id = (SELECT max(id) FROM staff_session)"
            ),
            {"now": now, "id": ids["op_a"]},
        )
        db.commit()
    tokens["expired"] = expired
    tokens["revoked"] = revoked
    tokens["anonymous"] = ""
    tokens["forged"] = "not-a-real-token"
    yield Personas(engine, tokens, ids)
    engine.dispose()


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
    """asyncio.run, also when this thread already has a running loop (Playwright's sync API leaves one)."""
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return asyncio.run(coro)
    with concurrent.futures.ThreadPoolExecutor(1) as pool:
        return pool.submit(asyncio.run, coro).result()


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
