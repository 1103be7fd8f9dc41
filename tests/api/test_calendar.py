"""Calendars for parents: the entry's .ics and the path feed parse with `icalendar`, and a second,
independent reader (`recurring_ical_events`) expands the same occurrences the page shows,
across the October daylight-saving change and with a cancelled date."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest
import recurring_ical_events
import reflex as rx
from icalendar import Calendar
from reflex.istate.data import RouterData
from sqlmodel import Session, select

from tests.api.test_api_served import served  # noqa: F401 - the app as Reflex serves it
from tests.hsds_schemas import errors
from tests.percorso_support import path_out
from zerosei_app.commands.sessions import add_session
from zerosei_app.db import make_engine
from zerosei_app.domain import clock
from zerosei_app.domain.hsds_ids import hsds_id
from zerosei_app.domain.link import parse_query_string
from zerosei_app.domain.sessions import ROME, SessionChoice, cancel, validate
from zerosei_app.models import AuditRecord, CardEntry, EntrySession, EntryStatus
from zerosei_app.state.entry_sessions import EntrySessionsState

NOW = datetime(2026, 10, 10, 8, 0, tzinfo=ROME)
PATH = "comune=001255&nascita=2025-05"


@pytest.fixture
def fixed_now(monkeypatch):
    monkeypatch.setattr(clock, "now", lambda: NOW)


def _rule(**kw):
    full = {"repeat": "once", "day": "2026-10-06", "start": "09:30", "end": "11:30", **kw}
    rule, problems = validate(SessionChoice(**full), date(2026, 10, 1))
    assert problems == []
    return rule


@pytest.fixture
def sessions(app_database, fixed_now):
    """A weekly Tuesday session on a service of the path (one date after the change to winter
    time cancelled), and a session on a service the path does not show."""
    engine = make_engine(f"sqlite:///{app_database}")
    with Session(engine) as db:
        path = path_out(db, parse_query_string(PATH).query, NOW.date())
        shown = {v.id for f in path.figli for v in [*f.adesso, *f.prossimi]}
        entry = db.get(CardEntry, path.figli[0].adesso[0].id)
        other = db.exec(
            select(CardEntry).where(
                CardEntry.status == EntryStatus.PUBLISHED,
                CardEntry.id.not_in(shown),  # type: ignore[union-attr]
            )
        ).first()
        weekly = cancel(
            _rule(repeat="weekly", weekdays=(1,), until="2026-11-10"), datetime(2026, 10, 27, 9, 30, tzinfo=ROME)
        )
        add_session(db, entry, weekly, None, NOW)
        add_session(db, other, _rule(day="2026-10-15", start="17:00", end="18:00"), None, NOW)
        db.commit()
        ids = (entry.id, other.id)
    yield ids
    with Session(engine) as db:
        for row in db.exec(select(EntrySession)).all():
            db.delete(row)
        for row in db.exec(select(AuditRecord).where(AuditRecord.entity == "entry_session")).all():
            db.delete(row)
        db.commit()
    engine.dispose()


def _page(query: str) -> EntrySessionsState:
    root = rx.State(_reflex_internal_init=True)
    state = root.get_substate(EntrySessionsState.get_full_name().split(".")[1:])
    root.router = RouterData.from_router_data(
        {
            "pathname": "/percorso",
            "asPath": f"/percorso?{query}",
            "query": {},
            "headers": {"origin": "http://testserver"},
        }
    )
    type(state)._load_path(state)  # the handler's work, as its worker thread runs it
    return state


def _expand(body: bytes, start: datetime, end: datetime) -> list[datetime]:
    cal = Calendar.from_ical(body)  # parses (raises on a broken file)
    return sorted(e.start for e in recurring_ical_events.of(cal).between(start, end))


def test_path_feed_and_page_show_the_same_occurrences(client, sessions):
    entry_id, other_id = sessions
    page = _page(PATH)
    assert [(i.day, i.hours) for i in page.items] == [
        ("martedì 13 ottobre", "09:30–11:30"),
        ("martedì 20 ottobre", "09:30–11:30"),
        ("martedì 3 novembre", "09:30–11:30"),  # 27 October was cancelled
    ]
    assert page.webcal_href == f"webcal://testserver/percorso.ics?{PATH}"
    assert page.feed_href == f"http://testserver/percorso.ics?{PATH}"

    r = client.get(f"/percorso.ics?{PATH}")
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/calendar")
    starts = _expand(r.content, NOW, NOW + timedelta(days=30))
    assert [(f"{s:%d/%m}", f"{s:%H:%M}") for s in starts] == [
        ("13/10", "09:30"),
        ("20/10", "09:30"),
        ("03/11", "09:30"),
    ]
    # The whole series, by the second reader: wall-clock 9:30 on both sides of 25 October.
    every = _expand(r.content, datetime(2026, 10, 1, tzinfo=ROME), datetime(2026, 12, 31, tzinfo=ROME))
    assert [s.date() for s in every] == [
        date(2026, 10, 6),
        date(2026, 10, 13),
        date(2026, 10, 20),
        date(2026, 11, 3),
        date(2026, 11, 10),
    ]
    assert {(s.hour, s.minute) for s in every} == {(9, 30)}
    assert [s.utcoffset() for s in every] == [timedelta(hours=2)] * 3 + [timedelta(hours=1)] * 2
    # Only the path's services: the other entry's session is not in the feed.
    uids = {str(e["UID"]) for e in Calendar.from_ical(r.content).walk("VEVENT")}
    assert (
        len({u for u in uids if not u.startswith("tappa-")}) == 1
    )  # tappe reminders: tests/api/test_calendar_tappe.py


def test_the_feed_updates_when_a_centre_adds_a_session(client, sessions, app_database):
    entry_id, _ = sessions
    before = client.get(f"/percorso.ics?{PATH}").content
    engine = make_engine(f"sqlite:///{app_database}")
    with Session(engine) as db:
        add_session(db, db.get(CardEntry, entry_id), _rule(day="2026-10-24", start="10:00", end="12:00"), None, NOW)
        db.commit()
    engine.dispose()
    after = client.get(f"/percorso.ics?{PATH}").content
    assert len(Calendar.from_ical(after).walk("VEVENT")) == len(Calendar.from_ical(before).walk("VEVENT")) + 1
    assert datetime(2026, 10, 24, 10, 0, tzinfo=ROME) in _expand(after, NOW, NOW + timedelta(days=30))
    assert "sabato 24 ottobre" in [i.day for i in _page(PATH).items]


def test_entry_ics_add_to_calendar(client, sessions):
    entry_id, other_id = sessions
    r = client.get(f"/calendario/voce/{entry_id}.ics")
    assert r.status_code == 200 and "attachment" in r.headers["content-disposition"]
    cal = Calendar.from_ical(r.content)
    (event,) = cal.walk("VEVENT")
    assert event["RRULE"]["FREQ"] == ["WEEKLY"] and event["DTSTART"].dt.tzinfo is not None
    assert [tz["TZID"] for tz in cal.walk("VTIMEZONE")] == ["Europe/Rome"]
    assert datetime(2026, 10, 27, 9, 30, tzinfo=ROME) not in _expand(r.content, NOW, NOW + timedelta(days=60))
    one = _expand(client.get(f"/calendario/voce/{other_id}.ics").content, NOW, NOW + timedelta(days=30))
    assert one == [datetime(2026, 10, 15, 17, 0, tzinfo=ROME)]


def test_hsds_schedules_carry_the_same_sessions(client, sessions):
    entry_id, _ = sessions
    body = client.get(f"/api/v1/hsds/services/{hsds_id('service', entry_id)}").json()
    assert errors("service", body) == []
    (dated,) = [s for s in body["schedules"] if s.get("freq")]
    assert (dated["freq"], dated["byday"], dated["dtstart"], dated["until"]) == (
        "WEEKLY",
        "TU",
        "2026-10-06",
        "2026-11-10",
    )
    assert (dated["opens_at"], dated["closes_at"], dated["timezone"]) == ("09:30", "11:30", 2)
    assert "2026-10-27" in dated["notes"]
    assert dated["schedule_link"].endswith(f"/calendario/voce/{entry_id}.ics")


@pytest.mark.parametrize(
    ("url", "status", "words"),
    [
        ("/percorso.ics?comune=999999&nascita=2025-05", 404, "999999"),
        ("/percorso.ics?comune=001255&nascita=2099-01", 422, "futuro"),
        ("/percorso.ics?comune=001255&nascita=2099-01&lang=en", 422, "future"),
        ("/calendario/voce/abc.ics", 404, "abc"),
        ("/calendario/voce/999999.ics", 404, "999999"),
    ],
)
def test_bad_calendar_links_say_why(client, url, status, words):
    r = client.get(url)
    assert r.status_code == status
    assert words in r.text and "Traceback" not in r.text


def test_a_draft_entry_has_no_calendar(client, app_database):
    engine = make_engine(f"sqlite:///{app_database}")
    with Session(engine) as db:
        draft = db.exec(select(CardEntry).where(CardEntry.status != EntryStatus.PUBLISHED)).first()
    engine.dispose()
    if draft is not None:
        assert client.get(f"/calendario/voce/{draft.id}.ics").status_code == 404


def test_calendar_and_hsds_routes_reach_the_served_app(served):  # noqa: F811
    """Through the app as Reflex assembles it (frontend mounted behind): not the frontend's 404."""
    r = served.get(f"/percorso.ics?{PATH}")
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/calendar")
    Calendar.from_ical(r.content)
    assert served.get("/api/v1/hsds/").json()["version"] == "3.0"
    assert served.get("/api/v1/hsds/datapackage.zip").headers["content-type"] == "application/zip"


def test_hsds_metadata_says_a_session_changed(client, sessions):
    entry_id, _ = sessions
    body = client.get(f"/api/v1/hsds/services/{hsds_id('service', entry_id)}").json()
    (meta,) = [m for m in body["metadata"] if m["last_action_type"] != "provenance"]
    assert meta["last_action_type"] == "schedule_add" and meta["field_name"] == "schedules"
    assert meta["last_action_date"] == NOW.date().isoformat()
    assert body["last_modified"].startswith("2026-10-10")
