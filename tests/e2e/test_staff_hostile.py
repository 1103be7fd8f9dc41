"""A hostile client talks to the real app's websocket (/_event) and calls staff handlers directly,
without a session or with another centre's ids. Everything must be refused and nothing change.

The client speaks the frontend's protocol (python-socketio, namespace "/_event", events shaped
{name, payload, router_data}); a positive control at the end proves the harness can write.
"""

from __future__ import annotations

import hashlib
import json
import time
import uuid
from contextlib import contextmanager

import pytest
import socketio
from reflex.state import UpdateVarsInternalState
from sqlalchemy import text
from sqlmodel import Session, select

from zerosei_app.auth.accounts import create_account
from zerosei_app.auth.guard import LOGIN_NEEDED, NOT_YOURS, REGIONE_ONLY
from zerosei_app.auth.sessions import create_session
from zerosei_app.db import make_engine
from zerosei_app.domain import clock
from zerosei_app.models import CardEntry, ErrorReport
from zerosei_app.state.staff_accounts import StaffAccountsState
from zerosei_app.state.staff_base import StaffState
from zerosei_app.state.staff_centro import StaffCentroState
from zerosei_app.state.staff_coverage import StaffCoverageState
from zerosei_app.state.staff_entry import StaffEntryState
from zerosei_app.state.staff_import import StaffImportState
from zerosei_app.state.staff_reports import StaffReportsState

pytestmark = pytest.mark.e2e

NS = "/_event"
QUIET_SECONDS = 0.6
TABLES = (
    "card_entry",
    "centro",
    "copertura",
    "error_report",
    "audit_record",
    "staff_user",
    "staff_membership",
    "review_confirmation",
)


class HostileClient:
    def __init__(self, url: str):
        self.updates: list[dict] = []
        self.sio = socketio.Client(reconnection=False)
        self.sio.on("event", self.updates.append, namespace=NS)
        self.sio.connect(
            f"{url}?token={uuid.uuid4()}", socketio_path="/_event", transports=["websocket"], namespaces=[NS]
        )

    def send(self, handler: str, payload: dict | None = None, path: str = "/staff", query: dict | None = None) -> str:
        """Emit one event; return everything the server sent back for it (as JSON text)."""
        self.updates.clear()
        qs = "&".join(f"{k}={v}" for k, v in (query or {}).items())
        self.sio.emit(
            "event",
            {
                "name": handler,
                "payload": payload or {},
                "router_data": {"pathname": path, "asPath": path + (f"?{qs}" if qs else ""), "query": query or {}},
            },
            namespace=NS,
        )
        # Reflex 0.10 no longer marks the last update of an event ("final" is deprecated), so an
        # event is done when its updates have started and then stopped for a quiet moment.
        deadline = time.monotonic() + 15
        seen, quiet_since = 0, time.monotonic()
        while time.monotonic() < deadline:
            if len(self.updates) != seen:
                seen, quiet_since = len(self.updates), time.monotonic()
            elif seen and time.monotonic() - quiet_since > QUIET_SECONDS:
                break
            time.sleep(0.05)
        return json.dumps(self.updates, ensure_ascii=False)

    def set_cookie(self, token: str) -> None:
        """What the browser does on hydrate: hand the session cookie's value to the state."""
        name = UpdateVarsInternalState.get_full_name() + ".update_vars_internal"
        self.send(name, {"vars": {f"{StaffState.get_full_name()}.session_token": token}})

    def close(self) -> None:
        self.sio.disconnect()


def h(cls, name: str) -> str:
    return f"{cls.get_full_name()}.{name}"


def fingerprint(engine) -> str:
    digest = hashlib.sha256()
    with engine.connect() as conn:
        for table in TABLES:
            for row in conn.execute(text(f"SELECT * FROM {table} ORDER BY 1")):  # noqa: S608 - fixed names
                digest.update(repr(tuple(row)).encode())
    return digest.hexdigest()


@pytest.fixture(scope="module")
def world(served_database_url):
    """An operatore of centre A (1) with a live session, and ids that belong to centre B (2)."""
    engine = make_engine(served_database_url)
    now = clock.now()
    with Session(engine) as db:
        user, _ = create_account(
            db,
            email=f"hostile-{uuid.uuid4().hex[:6]}@example.org",
            name="Operatore A",
            role="operatore",
            centro_ids=[1],
            actor_id=None,
            now=now,
            password="girasole azzurro 2026",
        )
        token = create_session(db, user.id, now)
        regione, _ = create_account(
            db,
            email=f"regione-{uuid.uuid4().hex[:6]}@example.org",
            name="Ufficio regionale",
            role="regione",
            centro_ids=[],
            actor_id=None,
            now=now,
            password="girasole azzurro 2026",
        )
        regione_token = create_session(db, regione.id, now)
        entry_b = db.exec(select(CardEntry).where(CardEntry.centro_id == 2).order_by(CardEntry.id)).first()
        entry_a = db.exec(
            select(CardEntry).where(CardEntry.centro_id == 1, CardEntry.status == "published").order_by(CardEntry.id)
        ).first()
        report_b = ErrorReport(centro_id=2, entry_id=entry_b.id, kind="chiuso", client_hash="0" * 64)
        db.add(report_b)
        db.commit()
        ids = {
            "token": token,
            "regione_token": regione_token,
            "entry_b": entry_b.id,
            "entry_a": entry_a.id,
            "report_b": report_b.id,
            "user_id": user.id,
        }
    yield engine, ids
    engine.dispose()


VALID_FORM = {
    "title": "Scritta da un intruso",
    "summary": "x",
    "category": "prevenzione",
    "age_min_months": "0",
    "age_max_months": "12",
    "location": "qui",
    "cost_free": "si",
}


@contextmanager
def hostile(app_url, token: str | None = None):
    """A connected client (with that session cookie, if any), closed afterwards."""
    client = HostileClient(app_url)
    try:
        if token is not None:
            client.set_cookie(token)
        yield client
    finally:
        client.close()


def attacks(ids):
    """(handler, payload, path, query) aimed at centre B or at the Regione's powers."""
    return [
        (h(StaffEntryState, "load_entry"), {}, "/staff/voce", {"id": ids["entry_b"]}),
        (h(StaffEntryState, "change_status"), {"action": "archive"}, "/staff/voce", {"id": ids["entry_b"]}),
        (h(StaffEntryState, "save"), {"form": VALID_FORM}, "/staff/voce", {"id": ids["entry_b"]}),
        (h(StaffEntryState, "review"), {}, "/staff/voce", {"id": ids["entry_b"]}),
        (h(StaffEntryState, "load_new"), {}, "/staff/voce/nuova", {"centro": 2}),
        (
            h(StaffReportsState, "set_report_status"),
            {"report_id": ids["report_b"], "status": "risolta"},
            "/staff/segnalazioni",
            {},
        ),
        (h(StaffCentroState, "load"), {}, "/staff/centro", {"id": 2}),
        (h(StaffCentroState, "set_open"), {"open_": False}, "/staff/centro", {"id": 2}),
        (h(StaffCoverageState, "add"), {"codice_istat": "004003"}, "/staff/comuni", {"centro": 2}),
        (h(StaffImportState, "load"), {}, "/staff/importa", {"centro": 2}),
        (
            h(StaffAccountsState, "invite"),
            {"form": {"email": "intruso@example.org", "name": "Intruso", "role": "regione"}},
            "/staff/utenti",
            {},
        ),
        (h(StaffAccountsState, "set_user_active"), {"user_id": ids["user_id"], "active": False}, "/staff/utenti", {}),
        (
            h(StaffAccountsState, "invite_many"),
            {"form": {"righe": "intruso.csv@example.org;Intruso Csv;regione;"}},
            "/staff/utenti",
            {},
        ),
        (h(StaffCentroState, "confirm_contacts"), {}, "/staff/centro", {"id": 2}),
    ]


def test_without_a_session_every_call_is_refused(app_url, world):
    engine, ids = world
    before = fingerprint(engine)
    with hostile(app_url) as client:
        for handler, payload, path, query in attacks(ids):
            answer = client.send(handler, payload, path, query)
            assert LOGIN_NEEDED in answer or "/staff/login" in answer, f"{handler}: {answer[:300]}"
        client.set_cookie("forged-token-" + uuid.uuid4().hex)
        for handler, payload, path, query in attacks(ids):
            answer = client.send(handler, payload, path, query)
            assert LOGIN_NEEDED in answer or "/staff/login" in answer, f"{handler}: {answer[:300]}"
    assert fingerprint(engine) == before


def test_an_operatore_cannot_reach_another_centre_over_the_websocket(app_url, world):
    engine, ids = world
    before = fingerprint(engine)
    with hostile(app_url, ids["token"]) as client:
        for handler, payload, path, query in attacks(ids):
            answer = client.send(handler, payload, path, query)
            assert NOT_YOURS in answer or REGIONE_ONLY in answer, f"{handler}: {answer[:400]}"
            assert LOGIN_NEEDED not in answer  # the session itself is fine: the refusal is about permissions
        # Arguments of the wrong type or shape are refused too, without a change.
        for payload in (
            {"report_id": "1 OR 1=1", "status": "risolta"},
            {"report_id": ids["report_b"], "status": "cancellata"},
            {"report_id": ids["report_b"], "status": "risolta", "extra": 1},
        ):
            client.send(h(StaffReportsState, "set_report_status"), payload, "/staff/segnalazioni")
    assert fingerprint(engine) == before


def test_positive_control_the_same_client_can_change_its_own_centre(app_url, world):
    """Proves the harness reaches the handlers: the same calls on centre A do write."""
    engine, ids = world
    with hostile(app_url, ids["token"]) as client:
        answer = client.send(h(StaffEntryState, "load_entry"), {}, "/staff/voce", {"id": ids["entry_a"]})
        assert NOT_YOURS not in answer and LOGIN_NEEDED not in answer
        answer = client.send(
            h(StaffEntryState, "change_status"), {"action": "archive"}, "/staff/voce", {"id": ids["entry_a"]}
        )
        assert "Voce archiviata" in answer
    with Session(engine) as db:
        assert db.get(CardEntry, ids["entry_a"]).status == "archived"


def test_the_regione_reaches_every_centre_over_the_websocket(app_url, world):
    engine, ids = world
    with hostile(app_url, ids["regione_token"]) as client:
        answer = client.send(h(StaffEntryState, "load_entry"), {}, "/staff/voce", {"id": ids["entry_b"]})
        assert NOT_YOURS not in answer and LOGIN_NEEDED not in answer
        answer = client.send(
            h(StaffReportsState, "set_report_status"),
            {"report_id": ids["report_b"], "status": "in_lavorazione"},
            "/staff/segnalazioni",
        )
        assert "in lavorazione" in answer
    with Session(engine) as db:
        assert db.get(ErrorReport, ids["report_b"]).status == "in_lavorazione"
