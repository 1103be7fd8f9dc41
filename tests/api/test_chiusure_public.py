"""A temporary closure changes what families get exactly within its dates, on Italy's calendar: the
path (API and page), HSDS `status` and the .ics feed; tested around midnight in Europe/Rome."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
import recurring_ical_events
from icalendar import Calendar
from sqlmodel import Session, select

from tests.percorso_support import path_out
from zerosei_app.commands import chiusure
from zerosei_app.commands.sessions import add_session
from zerosei_app.db import make_engine
from zerosei_app.domain import clock
from zerosei_app.domain.chiusure import ChiusuraInput
from zerosei_app.domain.hsds_ids import hsds_id
from zerosei_app.domain.link import parse_query_string
from zerosei_app.domain.sessions import ROME, SessionChoice, validate
from zerosei_app.models import AuditRecord, CardEntry, Chiusura, EntrySession
from zerosei_app.view.percorso_view import centri_views, services_view

PATH = "comune=001255&nascita=2025-05"
# The centre closes on Tuesday 20 October 2026 only; its weekly session is on Tuesdays.
CLOSED = date(2026, 10, 20)
EVE_2359 = datetime(2026, 10, 19, 21, 59, tzinfo=UTC)  # 23:59 on the 19th in Turin
DAY_0000 = datetime(2026, 10, 19, 22, 0, tzinfo=UTC)  # 00:00 on the 20th in Turin
AFTER = datetime(2026, 10, 20, 22, 0, tzinfo=UTC)  # 00:00 on the 21st


@pytest.fixture
def closed(app_database):
    engine = make_engine(f"sqlite:///{app_database}")
    now = datetime(2026, 10, 1, 8, 0, tzinfo=UTC)
    with Session(engine) as db:
        path = path_out(db, parse_query_string(PATH).query, date(2026, 10, 1))
        entry = db.get(CardEntry, path.figli[0].adesso[0].id)
        rule, problems = validate(
            SessionChoice(
                repeat="weekly", day="2026-10-06", start="09:30", end="11:30", weekdays=(1,), until="2026-11-03"
            ),
            date(2026, 10, 1),
        )
        assert problems == []
        add_session(db, entry, rule, None, now)
        row = chiusure.add(
            db,
            entry.centro_id,
            ChiusuraInput(starts_on=CLOSED, ends_on=CLOSED, reason="assemblea"),
            None,
            now,
            date(2026, 10, 1),
        )
        db.commit()
        ids = (entry.id, entry.centro_id, row.id)
    yield ids
    with Session(engine) as db:
        for model in (EntrySession, Chiusura):
            for r in db.exec(select(model)).all():
                db.delete(r)
        for r in db.exec(select(AuditRecord).where(AuditRecord.entity.in_(["entry_session", "chiusura"]))).all():
            db.delete(r)
        db.commit()
    engine.dispose()


def _at(monkeypatch, moment: datetime) -> None:
    monkeypatch.setattr(clock, "now", lambda: moment)


def _centro(client, centro_id):
    body = client.get(f"/api/v1/percorso?{PATH}").json()
    return next(c for c in body["centri"] if c["id"] == centro_id)


def test_the_path_announces_it_from_fourteen_days_before(client, closed, monkeypatch):
    _, centro_id, _ = closed
    _at(monkeypatch, datetime(2026, 10, 5, 12, 0, tzinfo=UTC))  # 15 days before
    assert _centro(client, centro_id)["chiusura"] is None
    _at(monkeypatch, datetime(2026, 10, 6, 12, 0, tzinfo=UTC))  # 14 days before
    assert _centro(client, centro_id)["chiusura"] == {
        "dal": "2026-10-20",
        "al": "2026-10-20",
        "motivo": "assemblea",
        "in_corso": False,
    }


def test_midnight_in_italy_opens_and_ends_the_window(client, closed, monkeypatch):
    _, centro_id, _ = closed
    _at(monkeypatch, EVE_2359)
    assert _centro(client, centro_id)["chiusura"]["in_corso"] is False
    _at(monkeypatch, DAY_0000)
    assert _centro(client, centro_id)["chiusura"]["in_corso"] is True
    _at(monkeypatch, AFTER)
    assert _centro(client, centro_id)["chiusura"] is None


def test_the_page_says_it_in_words(closed, app_database):
    _, centro_id, _ = closed
    engine = make_engine(f"sqlite:///{app_database}")
    with Session(engine) as db:
        p = path_out(db, parse_query_string(PATH).query, CLOSED)
    engine.dispose()
    card = next(v for v in centri_views(p.centri, p.ente_gestore, "it") if v.id == centro_id)
    assert card.chiusura == "Centro chiuso oggi, 20 ottobre 2026 (assemblea)"
    en = next(v for v in centri_views(p.centri, p.ente_gestore, "en") if v.id == centro_id)
    assert en.chiusura == "The centre is closed today, October 20, 2026 (assemblea)"
    assert services_view(p, "it").now  # the services stay listed: the closure is temporary


def test_hsds_status_is_temporarily_closed_only_within_the_window(client, closed, monkeypatch):
    entry_id, _, _ = closed
    url = f"/api/v1/hsds/services/{hsds_id('service', entry_id)}"
    _at(monkeypatch, EVE_2359)
    assert client.get(url).json()["status"] == "active"
    _at(monkeypatch, DAY_0000)
    assert client.get(url).json()["status"] == "temporarily closed"
    _at(monkeypatch, AFTER)
    assert client.get(url).json()["status"] == "active"


def test_no_session_of_the_feed_falls_in_it(client, closed, monkeypatch):
    entry_id, _, _ = closed
    _at(monkeypatch, datetime(2026, 10, 1, 8, 0, tzinfo=UTC))
    for url in (f"/percorso.ics?{PATH}", f"/calendario/voce/{entry_id}.ics"):
        body = client.get(url).content
        cal = Calendar.from_ical(body)
        start = datetime(2026, 10, 1, tzinfo=ROME)
        days = sorted(e.start.date() for e in recurring_ical_events.of(cal).between(start, start + timedelta(days=60)))
        assert days == [date(2026, 10, 6), date(2026, 10, 13), date(2026, 10, 27), date(2026, 11, 3)], url


def test_an_entrys_own_closure_suspends_that_entry_only(client, closed, app_database, monkeypatch):
    entry_id, centro_id, chiusura_id = closed
    engine = make_engine(f"sqlite:///{app_database}")
    with Session(engine) as db:
        chiusure.remove(db, centro_id, chiusura_id, None, datetime(2026, 10, 2, tzinfo=UTC))
        chiusure.add(
            db,
            centro_id,
            ChiusuraInput(starts_on=date(2026, 10, 10), ends_on=date(2026, 10, 25), entry_id=entry_id),
            None,
            datetime(2026, 10, 2, tzinfo=UTC),
            date(2026, 10, 2),
        )
        db.commit()
        audit = db.exec(select(AuditRecord.action).where(AuditRecord.entity == "chiusura")).all()
    engine.dispose()
    assert sorted(audit) == ["create", "create", "delete"]
    _at(monkeypatch, datetime(2026, 10, 12, 8, 0, tzinfo=UTC))
    body = client.get(f"/api/v1/percorso?{PATH}").json()
    assert next(c for c in body["centri"] if c["id"] == centro_id)["chiusura"] is None
    voce = next(v for f in body["figli"] for v in f["adesso"] if v["id"] == entry_id)
    assert voce["chiusura"]["in_corso"] is True
    assert client.get(f"/api/v1/hsds/services/{hsds_id('service', entry_id)}").json()["status"] == "temporarily closed"


def test_the_path_card_shows_its_next_dates_compactly_skipping_closed_days(closed, monkeypatch):
    from tests.state.conftest import make_state, run_async
    from zerosei_app.state.percorso import PercorsoState

    entry_id, _, _ = closed
    _at(monkeypatch, datetime(2026, 10, 12, 8, 0, tzinfo=UTC))
    s = make_state(PercorsoState, f"/percorso?{PATH}")
    run_async(s.on_load())
    (card,) = [e for lst in s.now_lists for e in lst.cards if e.id == entry_id]
    # 13 and 27 October, 3 November: the 20th is a closed day; one line, inside the card.
    assert card.dates == "mar 13 ott 09:30 · mar 27 ott 09:30 · mar 3 nov 09:30"
    assert card.ics_href == f"/calendario/voce/{entry_id}.ics"
    others = [e for lst in s.now_lists for e in lst.cards if e.id != entry_id]
    assert all(e.dates == "" for e in others)


def test_the_carta_and_its_print_edition_say_it(closed, app_database):
    from zerosei_app.queries.carta import carte
    from zerosei_app.view.carta_print import print_sections
    from zerosei_app.view.carta_view import carta_view

    _, centro_id, _ = closed
    engine = make_engine(f"sqlite:///{app_database}")
    with Session(engine) as db:
        (data,) = carte(db, [centro_id])
    engine.dispose()
    assert carta_view(data, "it", today=CLOSED).chiusura == "Centro chiuso oggi, 20 ottobre 2026 (assemblea)"
    assert carta_view(data, "it", today=date(2026, 10, 5)).chiusura == ""  # 15 days before: not yet
    assert carta_view(data, "it", today=date(2026, 10, 21)).chiusura == ""  # over
    _, sections = print_sections([data], "it", lambda path: "https://example.it" + path, today=CLOSED)
    assert sections[0].carta.chiusura.startswith("Centro chiuso oggi")


def test_the_plain_copy_for_slow_phones_says_it_too(closed):
    from zerosei_app.web.path_preview import render

    assert '<p class="closure">Centro chiuso oggi, 20 ottobre 2026 (assemblea)</p>' in render(PATH, CLOSED)
    assert 'class="closure"' not in render(PATH, date(2026, 10, 21))
