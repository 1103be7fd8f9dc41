"""'Segnala un errore': validated, stored as "nuova" for the owning centre, throttled, nothing personal kept."""

from datetime import UTC, datetime, timedelta

import pytest
from pydantic import ValidationError
from sqlmodel import select

from zerosei_app.commands import reports
from zerosei_app.commands.reports import ReportIn
from zerosei_app.models import CardEntry, Centro, EntryStatus, ErrorReport

# Query-level tests: on SQLite, and on PostgreSQL too when CI provides it.
pytestmark = pytest.mark.both_databases

SECRET = "k" * 40
NOW = datetime(2026, 11, 25, 10, 0, tzinfo=UTC)


def published_entry(db, centro_id=1) -> CardEntry:
    return db.exec(
        select(CardEntry).where(CardEntry.centro_id == centro_id, CardEntry.status == EntryStatus.PUBLISHED)
    ).first()


def send(db, ip="10.1.1.1", now=NOW, **fields):
    data = ReportIn(**{"centro_id": 1, "kind": "contatti_orari", **fields})
    return reports.create_report(db, data, client_ip=ip, secret_key=SECRET, now=now)


def test_a_report_is_stored_new_for_the_owning_centre_with_a_hashed_address(db):
    entry = published_entry(db)
    outcome = send(db, entry_id=entry.id, text="  Il numero è cambiato \x07 ")
    assert outcome.ok
    stored = db.get(ErrorReport, outcome.report_id)
    assert (stored.centro_id, stored.entry_id, stored.kind, stored.status) == (1, entry.id, "contatti_orari", "nuova")
    assert stored.text == "Il numero è cambiato"  # trimmed, control characters gone
    assert stored.client_hash == reports.client_hash("10.1.1.1", SECRET)
    assert "10.1.1.1" not in stored.client_hash and len(stored.client_hash) == 64


def test_a_centre_card_report_has_no_entry(db):
    outcome = send(db, kind="chiuso")
    assert outcome.ok and db.get(ErrorReport, outcome.report_id).entry_id is None


def test_the_hash_is_keyed():
    assert reports.client_hash("10.0.0.1", SECRET) != reports.client_hash("10.0.0.1", "other" * 10)


def test_five_an_hour_per_address(db):
    entries = db.exec(select(CardEntry).where(CardEntry.status == EntryStatus.PUBLISHED)).all()[:7]
    results = [send(db, ip="10.2.2.2", centro_id=e.centro_id, entry_id=e.id).status for e in entries]
    assert results == ["saved"] * 5 + ["throttled"] * 2
    later = send(
        db,
        ip="10.2.2.2",
        now=NOW + timedelta(hours=1, minutes=1),
        centro_id=entries[6].centro_id,
        entry_id=entries[6].id,
    )
    assert later.ok
    assert send(db, ip="10.3.3.3", kind="chiuso").ok  # another address is not affected


def test_the_same_address_reports_an_entry_once_a_day(db):
    entry = published_entry(db)
    assert send(db, ip="10.4.4.4", entry_id=entry.id).ok
    assert send(db, ip="10.4.4.4", entry_id=entry.id, kind="chiuso").status == "duplicate"
    assert send(db, ip="10.4.4.4", entry_id=entry.id, now=NOW + timedelta(days=1, minutes=1)).ok


def test_a_flooded_entry_stops_taking_reports(db):
    entry = published_entry(db)
    statuses = [send(db, ip=f"10.5.0.{i}", entry_id=entry.id).status for i in range(reports.MAX_PER_TARGET_PER_DAY + 2)]
    assert statuses.count("saved") == reports.MAX_PER_TARGET_PER_DAY
    assert statuses[-1] == "target_full"


def test_unknown_or_mismatched_targets_are_refused(db):
    entry = published_entry(db, centro_id=2)
    assert send(db, centro_id=1, entry_id=entry.id).status == "not_found"  # entry of another centre
    assert send(db, centro_id=99999).status == "not_found"
    entry.status = EntryStatus.DRAFT
    db.add(entry)
    db.commit()
    assert send(db, centro_id=2, entry_id=entry.id).status == "not_found"
    centro = db.get(Centro, 3)
    centro.is_active = False
    db.add(centro)
    db.commit()
    assert send(db, centro_id=3).status == "not_found"


@pytest.mark.parametrize(
    "fields,bad",
    [
        ({"kind": "spam"}, "kind"),
        ({"text": "x" * 1001}, "text"),
        ({"kind": "altro", "text": "  "}, "text"),
        ({"centro_id": 0}, "centro_id"),
        ({"entry_id": -1}, "entry_id"),
        ({"extra": "x"}, "extra"),
    ],
)
def test_report_input_validation(fields, bad):
    with pytest.raises(ValidationError) as exc:
        ReportIn(**{"centro_id": 1, "kind": "chiuso", **fields})
    assert exc.value.errors()[0]["loc"][0] == bad


def test_altro_with_a_few_words_is_fine():
    assert ReportIn(centro_id=1, kind="altro", text="Ha cambiato sede").text == "Ha cambiato sede"
