"""The in-memory snapshot behind parents' paths: every staff write reaches the next path at once."""

from __future__ import annotations

from datetime import date

import pytest
from sqlmodel import Session, select

from tests.coroutines import run_coroutine
from tests.percorso_support import path_out
from zerosei_app.commands.staff_coverage import add_link
from zerosei_app.commands.staff_entries import change_status, save_entry
from zerosei_app.db import make_engine
from zerosei_app.domain import clock
from zerosei_app.domain.entry_form import FIELDS, EntryInput
from zerosei_app.domain.link import parse_query_string
from zerosei_app.models import CardEntry, Centro, Copertura, ErrorReport
from zerosei_app.queries.snapshot import current_version, fresh, public_data

pytestmark = pytest.mark.both_databases

TODAY = date(2026, 11, 25)
# Sant'Ambrogio di Torino, a 14-month-old and a pregnancy: the example path.
PATH = "comune=001255&nascita=2025-09&attesa=2027-03"


def titles(engine, qs: str = PATH) -> set[str]:
    with Session(engine) as s:
        p = path_out(s, parse_query_string(qs).query, TODAY)
    return {v.titolo for f in p.figli for v in [*f.adesso, *f.prossimi]}


def centre_names(engine, qs: str = PATH) -> list[str]:
    with Session(engine) as s:
        return [c.nome for c in path_out(s, parse_query_string(qs).query, TODAY).centri]


def an_entry_on_the_path(engine) -> CardEntry:
    with Session(engine) as s:
        p = path_out(s, parse_query_string(PATH).query, TODAY)
        return s.get(CardEntry, p.figli[0].adesso[0].id)


@pytest.fixture
def engine(db_url):
    e = make_engine(db_url)
    yield e
    e.dispose()


def test_a_staff_edit_shows_on_the_next_path(engine):
    before = titles(engine)
    entry = an_entry_on_the_path(engine)
    with Session(engine) as s:
        entry = s.get(CardEntry, entry.id)
        data = EntryInput.model_validate({k: getattr(entry, k) for k in FIELDS} | {"title": "Titolo appena cambiato"})
        assert save_entry(s, entry, entry.version, data, user_id=None, now=clock.now())
        s.commit()
    after = titles(engine)
    assert "Titolo appena cambiato" in after and "Titolo appena cambiato" not in before


def test_archiving_removes_the_entry_from_the_next_path(engine):
    entry = an_entry_on_the_path(engine)
    title = entry.title
    assert title in titles(engine)
    with Session(engine) as s:
        entry = s.get(CardEntry, entry.id)
        change_status(s, entry, entry.version, "archive", user_id=None, now=clock.now())
        s.commit()
    assert title not in titles(engine)


def test_plain_orm_writes_and_coverage_changes_bump_the_version(engine):
    with Session(engine) as s:
        v0 = current_version(s)
        centro = s.exec(select(Centro).where(Centro.name.contains("Novara"))).first()
        assert centro is not None and centro.name not in centre_names(engine)
        name, centro_id = centro.name, centro.id
        add_link(s, centro, "001255", user_id=None, now=clock.now())
        s.commit()
    assert name in centre_names(engine)
    with Session(engine) as s:
        assert current_version(s) > v0
        c = s.get(Centro, centro_id)
        c.name = "Centro rinominato"
        s.add(c)
        s.commit()
    assert "Centro rinominato" in centre_names(engine)


def test_a_rolled_back_write_changes_nothing(engine):
    with Session(engine) as s:
        v0 = current_version(s)
        link = s.exec(select(Copertura).where(Copertura.codice_istat == "001255")).first()
        link.note = "Una nota che non resta"
        s.add(link)
        s.flush()
        s.rollback()
        assert current_version(s) == v0


def test_writes_parents_never_see_keep_the_snapshot(engine):
    with Session(engine) as s:
        snap = public_data(s)
        s.add(ErrorReport(centro_id=1, kind="altro", text="Una segnalazione", client_hash="x" * 64))
        s.commit()
    with Session(engine) as s:
        assert public_data(s) is snap


def test_the_snapshot_is_shared_until_the_version_changes(engine):
    with Session(engine) as s:
        first = public_data(s)
    with Session(engine) as s:
        assert public_data(s) is first
        e = s.exec(select(CardEntry)).first()
        e.summary = "Sintesi nuova"
        s.add(e)
        s.commit()
    with Session(engine) as s:
        again = public_data(s)
    assert again is not first and again.version > first.version


def test_fresh_rebuilds_off_the_event_loop_and_public_data_then_finds_it(engine):
    with Session(engine) as s:
        old = public_data(s)
        e = s.exec(select(CardEntry).where(CardEntry.status == "published")).first()
        e.title = "Titolo nuovo per il test"
        s.add(e)
        s.commit()
    with Session(engine) as s:
        run_coroutine(fresh(s))
        rebuilt = public_data(s)
    assert rebuilt is not old and any(
        x.title == "Titolo nuovo per il test" for xs in rebuilt.entries.values() for x in xs
    )
