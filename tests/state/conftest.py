"""Build states without a browser (see /work/shared/REFLEX_NOTES.md): the parents' on the run's seeded DB, the
staff's on `staff_db`, a seeded database of the test's own with one account per persona."""

from __future__ import annotations

from datetime import timedelta

import pytest
import reflex as rx
from reflex.istate.data import RouterData
from sqlalchemy import text
from sqlmodel import Session

from zerosei_app.auth.accounts import create_account
from zerosei_app.auth.sessions import create_session
from zerosei_app.db import make_engine
from zerosei_app.domain import clock
from zerosei_app.state import staff_base

from .staff_support import CENTRO_A, CENTRO_B, PASSWORD, Personas


def make_state(state_cls, url: str, ip: str = "10.9.9.9", origin: str = "http://test.local"):
    """A fresh state tree whose router says the browser is at `url` (path + query)."""
    root = rx.State(_reflex_internal_init=True)
    sub = root.get_substate(state_cls.get_full_name().split(".")[1:])
    navigate(root, url, ip=ip, origin=origin)
    return sub


def navigate(state, url: str, ip: str = "10.9.9.9", origin: str = "http://test.local") -> None:
    """What a page change does to the router (the on_load that follows is called by the test)."""
    root = state
    while root.parent_state is not None:
        root = root.parent_state
    path = url.partition("?")[0]
    root.router = RouterData.from_router_data(
        {"headers": {"origin": origin}, "pathname": path, "asPath": url, "ip": ip}
    )


def run_async(result):
    """The value of a handler that may be async (awaited here) or plain."""
    import inspect

    from tests.coroutines import run_coroutine

    return run_coroutine(result) if inspect.iscoroutine(result) else result


def event_name(spec) -> str:
    return spec.handler.fn.__qualname__ if hasattr(spec.handler.fn, "__qualname__") else str(spec.handler)


def arg(spec, name: str):
    for key, value in spec.args:
        if key._js_expr == name:
            return getattr(value, "_var_value", value)
    raise KeyError(name)


def redirect_target(spec) -> tuple[str, bool]:
    """(path, replace) of an rx.redirect EventSpec (or of the redirect among a list of events)."""
    if isinstance(spec, list):
        spec = next(s for s in spec if s.handler.fn.__qualname__ == "_redirect")
    assert spec.handler.fn.__qualname__ == "_redirect", spec
    return arg(spec, "path"), arg(spec, "replace")


def script_of(spec) -> str:
    assert spec.handler.fn.__qualname__ == "_call_script", spec
    code = arg(spec, "javascript_code")
    return code if isinstance(code, str) else str(code)


@pytest.fixture
def state():
    return make_state


@pytest.fixture
def staff_db(db_url, monkeypatch, fast_hashing) -> Personas:
    """A fresh seeded database that the staff states use (patched into state/staff_base.open_db), with two
    operatori (centres A=1 and B=2), a Regione account and a disabled operatore, each with a live session token;
    op_a also has an expired and a revoked session."""
    engine = make_engine(db_url)
    monkeypatch.setattr(staff_base, "open_db", lambda: Session(engine))
    now = clock.now()
    tokens, ids = {}, {}
    with Session(engine) as db:
        for key, role, centri in (
            ("op_a", "operatore", [CENTRO_A]),
            ("op_b", "operatore", [CENTRO_B]),
            ("regione", "regione", []),
            ("disabled", "operatore", [CENTRO_A]),
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
