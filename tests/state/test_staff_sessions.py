"""The editor's "Appuntamenti" panel through its state, as the page drives it (no browser)."""

from __future__ import annotations

from datetime import datetime

import pytest
from sqlmodel import select

from zerosei_app.auth.guard import NOT_YOURS
from zerosei_app.domain import clock
from zerosei_app.domain.sessions import ROME
from zerosei_app.models import AuditRecord, CardEntry, EntrySession
from zerosei_app.state.staff_sessions import StaffSessionsState

from .staff_support import (
    CENTRO_A,
    CENTRO_B,
    call,
    db_fingerprint,
    make_state,
)

NOW = datetime(2026, 10, 1, 8, 0, tzinfo=ROME)


@pytest.fixture(autouse=True)
def fixed_now(monkeypatch):
    monkeypatch.setattr(clock, "now", lambda: NOW)


def _entry(p, centro=CENTRO_A) -> int:
    with p.session() as db:
        return db.exec(select(CardEntry.id).where(CardEntry.centro_id == centro).order_by(CardEntry.id)).first()


def _panel(p, persona="op_a", centro=CENTRO_A):
    s = make_state(StaffSessionsState, p.tokens[persona], "/staff/voce", {"id": str(_entry(p, centro))})
    call(s, "load")
    assert s.flash_error == "" and s.entry_ready
    return s


WEEKLY = {
    "sess_repeat": "weekly",
    "sess_day": "2026-10-06",
    "sess_start": "09:30",
    "sess_end": "11:30",
    "wd_1": "on",
    "sess_until": "2026-11-10",
}


def test_seeded_entries_have_no_sessions(staff_db):
    with staff_db.session() as db:
        assert db.exec(select(EntrySession)).all() == []
    assert _panel(staff_db).rows == []


def test_add_a_weekly_session_then_cancel_one_date(staff_db):
    s = _panel(staff_db)
    call(s, "set_repeat", "weekly")
    assert s.repeat == "weekly"
    call(s, "add", WEEKLY)
    assert s.flash_error == "" and s.errors == {}
    assert s.rows[0].text == "Ogni settimana il martedì, 09:30–11:30, dal 06/10/2026 al 10/11/2026"
    assert [o.label for o in s.next_dates][:4] == [
        "06/10/2026 09:30",
        "13/10/2026 09:30",
        "20/10/2026 09:30",
        "27/10/2026 09:30",
    ]
    with staff_db.session() as db:
        row = db.exec(select(EntrySession)).one()
        assert row.dtstart == "20261006T093000" and row.tzid == "Europe/Rome"
        assert row.rrule == "FREQ=WEEKLY;BYDAY=TU;WKST=MO;UNTIL=20261110T225959Z"
    after_dst = s.next_dates[3]
    call(s, "cancel_occurrence", after_dst.session_id, after_dst.start)
    assert s.flash_error == "" and "27/10/2026 alle 09:30 annullato" in s.flash_ok
    assert "27/10/2026 09:30" not in [o.label for o in s.next_dates]
    with staff_db.session() as db:
        assert db.exec(select(EntrySession)).one().exdates == ["20261027T093000"]
        actions = [a.action for a in db.exec(select(AuditRecord).where(AuditRecord.entity == "entry_session"))]
        assert actions == ["create", "cancel_occurrence"]
    series = s.rows[0].id
    call(s, "delete", series)  # not without asking first
    assert s.flash_error and len(s.rows) == 1
    call(s, "ask_delete", series)
    assert s.confirm_delete_id == series and "Eliminare «" in s.confirm_delete_text
    assert "date future" in s.confirm_delete_text
    call(s, "cancel_delete")
    assert s.confirm_delete_id == 0 and len(s.rows) == 1
    call(s, "ask_delete", series)
    call(s, "delete", series)
    assert s.rows == [] and s.next_dates == [] and s.undo_audit_id
    call(s, "undo_delete")  # the whole series comes back, with its cancelled date
    assert s.flash_error == "" and "ripristinati" in s.flash_ok and s.undo_audit_id == 0
    assert "27/10/2026 09:30" not in [o.label for o in s.next_dates] and len(s.next_dates) == 5
    with staff_db.session() as db:
        assert db.exec(select(EntrySession)).one().exdates == ["20261027T093000"]
    call(s, "undo_delete")  # nothing left to undo
    assert s.flash_error and len(s.rows) == 1


def test_cancelling_the_only_date_removes_the_session(staff_db):
    s = _panel(staff_db)
    call(s, "add", {"sess_repeat": "once", "sess_day": "2026-12-05", "sess_start": "10:00", "sess_end": "12:00"})
    (only,) = s.next_dates
    call(s, "cancel_occurrence", only.session_id, only.start)
    assert s.rows == []
    with staff_db.session() as db:
        assert db.exec(select(EntrySession)).all() == []


@pytest.mark.parametrize(
    ("form", "field", "words"),
    [
        ({**WEEKLY, "sess_start": "11:30", "sess_end": "09:30"}, "sess_end", "dopo l'ora di inizio"),
        ({k: v for k, v in WEEKLY.items() if k != "wd_1"}, "sess_weekdays", "almeno un giorno della settimana"),
        ({**WEEKLY, "sess_until": "2031-10-02"}, "sess_until", "al massimo 5 anni"),
        (
            {"sess_repeat": "once", "sess_day": "2031-10-02", "sess_start": "10:00", "sess_end": "11:00"},
            "sess_day",
            "5 anni",
        ),
        ({**WEEKLY, "sess_day": "x" * 500}, "sess_day", "Troppo lungo"),
    ],
)
def test_bad_input_gets_a_clear_message_and_nothing_is_saved(staff_db, form, field, words):
    s = _panel(staff_db)
    before = db_fingerprint(staff_db)
    call(s, "add", form)
    assert words in s.errors[field]
    assert s.flash_error.startswith("Appuntamento non salvato") and s.note.startswith("Appuntamento non salvato")
    assert db_fingerprint(staff_db) == before


def test_another_centres_session_cannot_be_touched(staff_db):
    mine = _panel(staff_db, "op_b", CENTRO_B)
    call(mine, "add", {"sess_repeat": "once", "sess_day": "2026-12-05", "sess_start": "10:00", "sess_end": "12:00"})
    (occ,) = mine.next_dates
    before = db_fingerprint(staff_db)
    # op_a on her own entry's page, aiming at B's session id: refused, nothing changes.
    other = _panel(staff_db, "op_a", CENTRO_A)
    call(other, "cancel_occurrence", occ.session_id, occ.start)
    assert other.flash_error
    call(other, "delete", occ.session_id)
    assert other.flash_error
    # and on B's entry's page: not hers.
    on_b = make_state(
        StaffSessionsState, staff_db.tokens["op_a"], "/staff/voce", {"id": str(_entry(staff_db, CENTRO_B))}
    )
    call(on_b, "delete", occ.session_id)
    assert on_b.flash_error == NOT_YOURS
    assert db_fingerprint(staff_db) == before
