"""Writes staff make, on a real (SQLite) database: locking, audit, restore, coverage, imports, reports."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from sqlalchemy.exc import OperationalError
from sqlmodel import Session, func, select

from zerosei_app.commands.csv_import import (
    ImportRefused,
    commit_centri_import,
    commit_copertura_import,
    commit_entries_import,
)
from zerosei_app.commands.staff_centri import create_centro, set_active
from zerosei_app.commands.staff_coverage import add_link, remove_link
from zerosei_app.commands.staff_entries import (
    Conflict,
    EntryRuleError,
    change_status,
    create_entry,
    mark_reviewed,
    restore_version,
    save_entry,
)
from zerosei_app.commands.staff_reports import set_status
from zerosei_app.db import make_engine
from zerosei_app.domain import clock
from zerosei_app.domain.csv_entries import export_entries_csv
from zerosei_app.domain.entry_form import FIELDS, EntryInput
from zerosei_app.domain.staff_forms import CentroAdminInput
from zerosei_app.models import AuditRecord, CardEntry, Centro, Comune, Copertura, ErrorReport
from zerosei_app.queries import audit
from zerosei_app.queries.csv_import import plan_centri_import, plan_copertura_import, plan_entries_import
from zerosei_app.queries.staff_coverage import still_inferred, uncovered_comuni
from zerosei_app.queries.staff_dashboard import summaries

# Query-level tests: on SQLite, and on PostgreSQL too when CI provides it.
pytestmark = pytest.mark.both_databases


def first_entry(db, centro_id=1) -> CardEntry:
    return db.exec(select(CardEntry).where(CardEntry.centro_id == centro_id).order_by(CardEntry.id)).first()


def edited(entry: CardEntry, **changes) -> EntryInput:
    return EntryInput.model_validate({k: getattr(entry, k) for k in FIELDS} | changes)


def count(db, model) -> int:
    return db.exec(select(func.count()).select_from(model)).one()


# ------------------------------------------------------------------ optimistic locking


def test_second_save_from_the_same_version_is_refused(db_url):
    """Two people open version 1; the first save wins, the second is refused and nothing of it is written."""
    engine = make_engine(db_url)
    with Session(engine) as alice, Session(engine) as bruno:
        a_entry, b_entry = first_entry(alice), first_entry(bruno)
        start = a_entry.version
        assert save_entry(alice, a_entry, start, edited(a_entry, title="Titolo di Alice"), None, clock.now())
        alice.commit()
        with pytest.raises(Conflict) as refused:
            save_entry(bruno, b_entry, start, edited(b_entry, title="Titolo di Bruno"), None, clock.now())
        bruno.commit()
        assert refused.value.current_version == start + 1
    with Session(engine) as check:
        e = first_entry(check)
        assert e.title == "Titolo di Alice" and e.version == start + 1
        assert count(check, AuditRecord) == 1
    engine.dispose()


def test_no_change_means_no_new_version(db):
    e = first_entry(db)
    assert save_entry(db, e, e.version, edited(e), None, clock.now()) is False
    # Topic order alone is not a change.
    assert save_entry(db, e, e.version, edited(e, topics=list(reversed(e.topics))), None, clock.now()) is False
    assert count(db, AuditRecord) == 0


def test_status_review_and_restore_are_version_checked(db):
    e = first_entry(db)
    v = e.version
    with pytest.raises(Conflict):
        change_status(db, e, v - 1, "archive", None, clock.now())
    with pytest.raises(Conflict):
        mark_reviewed(db, e, v + 5, None, clock.today(), clock.now())
    assert change_status(db, e, v, "archive", None, clock.now()) == "archived"
    assert e.version == v + 1


# ------------------------------------------------------------------ audit and restore


def test_every_change_is_audited_and_any_version_can_be_restored(db):
    e = first_entry(db)
    original_title, v = e.title, e.version
    save_entry(db, e, v, edited(e, title="Seconda versione"), None, clock.now())
    save_entry(db, e, e.version, edited(e, title="Terza versione", summary="Cambiata"), None, clock.now())
    mark_reviewed(db, e, e.version, None, date(2026, 11, 25), clock.now())
    change_status(db, e, e.version, "unpublish", None, clock.now())
    db.commit()
    history = audit.history(db, "card_entry", e.id)
    assert [r.action for r, _ in history] == ["unpublish", "review", "update", "update"]
    first_update = history[-1][0]
    assert first_update.before["title"] == original_title and first_update.after["title"] == "Seconda versione"
    assert audit.changed_fields(history[-2][0].before, history[-2][0].after) == ["title", "summary"]
    assert e.is_example is False and e.last_reviewed_on == date(2026, 11, 25)

    # Restore the text as it was before the first change: that record's "before" is the
    # "after" of nothing we logged, so restore the first update's own version instead.
    assert restore_version(db, e, e.version, first_update.id, None, clock.now())
    db.commit()
    assert e.title == "Seconda versione" and e.summary == first_update.after["summary"]
    assert e.status == "draft"  # the status is not part of a text restore
    restore_rec = audit.history(db, "card_entry", e.id)[0][0]
    assert restore_rec.action == "restore" and restore_rec.after["ripristinata_da"] == first_update.id


def test_restore_refuses_records_of_other_entries(db):
    a, b = first_entry(db, 1), first_entry(db, 2)
    save_entry(db, b, b.version, edited(b, title="Di B"), None, clock.now())
    db.commit()
    rec_b = audit.history(db, "card_entry", b.id)[0][0]
    with pytest.raises(EntryRuleError):
        restore_version(db, a, a.version, rec_b.id, None, clock.now())
    with pytest.raises(EntryRuleError):
        restore_version(db, a, a.version, 987654, None, clock.now())


def test_created_entries_start_as_drafts(db):
    data = EntryInput.model_validate(
        {
            "title": "Nuovo corso",
            "summary": "x",
            "category": "prevenzione",
            "age_min_months": 0,
            "age_max_months": 12,
            "location": "qui",
        }
    )
    e = create_entry(db, 1, data, None, clock.now())
    db.commit()
    assert e.status == "draft" and e.version == 1 and not e.is_example
    assert audit.history(db, "card_entry", e.id)[0][0].action == "create"


# ------------------------------------------------------------------ a locked database fails loudly


@pytest.mark.sqlite_only  # holds SQLite's file lock; PostgreSQL locks rows, tested by the version checks
def test_a_locked_database_raises_and_writes_nothing(tmp_path, db_url):
    path = db_url.removeprefix("sqlite:///")
    import sqlite3

    blocker = sqlite3.connect(path)
    blocker.execute("BEGIN EXCLUSIVE")
    engine = make_engine(db_url)
    from sqlalchemy import event

    @event.listens_for(engine, "connect")
    def _short_timeout(dbapi_conn, _record):
        dbapi_conn.execute("PRAGMA busy_timeout=100")

    try:
        with Session(engine) as s, pytest.raises(OperationalError):
            e = first_entry(s)
            save_entry(s, e, e.version, edited(e, title="Mai salvato"), None, clock.now())
            s.commit()
    finally:
        blocker.rollback()
        blocker.close()
    with Session(engine) as s:
        assert first_entry(s).title != "Mai salvato"
    engine.dispose()


# ------------------------------------------------------------------ coverage


def test_adding_a_comune_replaces_its_inferred_links(db):
    inferred = db.exec(select(Copertura).where(Copertura.origine == "inferito")).first()
    centro = db.get(Centro, 2 if inferred.centro_id != 2 else 3)
    add_link(db, centro, inferred.codice_istat, None, clock.now())
    db.commit()
    links = db.exec(select(Copertura).where(Copertura.codice_istat == inferred.codice_istat)).all()
    assert [(link.centro_id, link.origine) for link in links] == [(centro.id, "esplicito")]


def test_removing_the_last_link_re_infers_the_nearest_centre(db):
    link = db.exec(select(Copertura).where(Copertura.origine == "inferito")).first()
    centro = db.get(Centro, link.centro_id)
    relinked = remove_link(db, centro, link.codice_istat, None, clock.now())
    db.commit()
    assert relinked  # the comune got a centre back
    assert uncovered_comuni(db) == []


def test_closing_a_centre_keeps_every_comune_covered(db):
    centro = db.get(Centro, 1)
    relinked = set_active(db, centro, False, None, clock.now())
    db.commit()
    assert relinked and uncovered_comuni(db) == []
    assert set_active(db, centro, False, None, clock.now()) == []  # idempotent


def test_new_centre_serves_its_comune(db):
    data = CentroAdminInput(name="Centro per le famiglie di Alba 2", codice_istat="004003", stato_verifica="verificato")
    c = create_centro(db, data, None, clock.now())
    db.commit()
    assert db.exec(select(Copertura).where(Copertura.centro_id == c.id)).one().codice_istat == "004003"


# ------------------------------------------------------------------ imports


def test_entries_import_dry_run_writes_nothing_then_commit_applies_all(db):
    entries = db.exec(select(CardEntry).where(CardEntry.centro_id == 1).order_by(CardEntry.id)).all()
    for e in entries[:2]:
        e.title += " (nuovo titolo)"
    data = export_entries_csv(entries).decode("utf-8-sig")
    db.rollback()
    data += "\r\n;Corso nuovo;Una novità;;Prevenzione;;0;12;;no;Sala;;;sì;;;;;;it;;;\r\n"
    before = count(db, AuditRecord)
    plan = plan_entries_import(db, 1, data)
    assert plan.ok and (plan.count("nuova"), plan.count("modifica"), plan.count("invariata")) == (
        1,
        2,
        len(entries) - 2,
    )
    assert count(db, AuditRecord) == before
    commit_entries_import(db, 1, data, None, clock.now())
    db.commit()
    assert count(db, AuditRecord) == before + 3
    new = db.exec(select(CardEntry).where(CardEntry.title == "Corso nuovo")).one()
    assert new.status == "draft" and new.centro_id == 1


def test_entries_import_is_all_or_nothing(db):
    entries = db.exec(select(CardEntry).where(CardEntry.centro_id == 1).order_by(CardEntry.id)).all()
    for e in entries:
        e.title += " X"
    data = export_entries_csv(entries).decode("utf-8-sig")
    db.rollback()
    # One bad row (an age before pregnancy) at the end of an otherwise valid file.
    bad = data + ";Corso impossibile;x;;Prevenzione;;-99;12;;no;Sala;;;sì;;;;;;it;;;\r\n"
    with pytest.raises(ImportRefused) as refused:
        commit_entries_import(db, 1, bad, None, clock.now())
    db.rollback()
    assert any(r.action == "errore" for r in refused.value.plan.rows)
    assert not db.exec(select(CardEntry).where(CardEntry.title.endswith(" X"))).first()


def test_entries_import_refuses_other_centres_ids_and_stale_versions(db):
    b = first_entry(db, 2)
    csv_b = export_entries_csv([b])
    plan = plan_entries_import(db, 1, csv_b)
    assert not plan.ok and "Nessuna voce con ID" in plan.rows[0].errors[0]
    a = first_entry(db, 1)
    csv_a = export_entries_csv([a])
    save_entry(db, a, a.version, edited(a, title="Cambiato nel frattempo"), None, clock.now())
    db.commit()
    plan = plan_entries_import(db, 1, csv_a)
    assert not plan.ok and "modificata dopo l'esportazione" in plan.rows[0].errors[0]


def test_centres_import(db):
    text = (
        "Nome;Comune;Indirizzo;Telefono;E-mail;Ente gestore\n"
        "Centro per le famiglie di Bra;Bra;via Vittorio 1;0172 111111;famiglie@bra.it;Consorzio Nuovo di Bra\n"
        "Centro Relazioni e Famiglie;Torino;via Bruino 4;011 4420000;;\n"
        "Centro fantasma;Atlantide;;;;\n"
    )
    plan = plan_centri_import(db, text)
    assert not plan.ok and plan.rows[2].action == "errore" and "Atlantide" in plan.rows[2].errors[0]
    text = "\n".join(text.splitlines()[:3]) + "\n"
    plan = plan_centri_import(db, text)
    assert plan.ok and [r.action for r in plan.rows] == ["nuova", "modifica"]
    assert any("Consorzio Nuovo di Bra" in n for n in plan.notes)
    n = count(db, Centro)
    commit_centri_import(db, text, None, clock.now())
    db.commit()
    assert count(db, Centro) == n + 1
    torino = db.get(Centro, 1)
    assert torino.phone == "011 4420000" and torino.ente_gestore_id is not None  # empty cell keeps the ente


def test_coverage_import_replaces_inferred_links_and_reports_what_is_left(db):
    inferred_before = {c.codice_istat for c in still_inferred(db)}
    some = sorted(inferred_before)[:3]
    names = [db.get(Comune, c).name for c in some]
    text = "Centro;Comune servito\n" + "".join(f"2;{n}\n" for n in names[:2]) + f"3;{some[2].lstrip('0')}\n"
    plan = plan_copertura_import(db, text)
    assert plan.ok, [r.errors for r in plan.rows]
    assert "Resteranno dedotti" in plan.notes[-1]
    _, left = commit_copertura_import(db, text, None, clock.now())
    db.commit()
    assert {c.codice_istat for c in left} == inferred_before - set(some)
    for code in some:
        assert all(
            link.origine == "esplicito"
            for link in db.exec(select(Copertura).where(Copertura.codice_istat == code)).all()
        )


def test_coverage_import_errors(db):
    plan = plan_copertura_import(db, "Centro;Comune servito\n999;Alba\nCentro Relazioni e Famiglie;Nessunluogo\n")
    assert not plan.ok and len([r for r in plan.rows if r.action == "errore"]) == 2


# ------------------------------------------------------------------ reports and dashboard


def test_report_status_and_dashboard(db):
    now = clock.now()
    old = ErrorReport(centro_id=1, kind="chiuso", client_hash="h" * 64, created_at=now - timedelta(days=20))
    fresh = ErrorReport(centro_id=1, kind="altro", client_hash="h" * 64, created_at=now - timedelta(days=2))
    db.add(old)
    db.add(fresh)
    db.commit()
    s = summaries(db, [1], clock.today(), now)[0]
    # 14 published: 5 named by a source (never confirmed, so to review) and 9 the centre confirmed (test data).
    assert (s.reports_nuova, s.reports_late, s.stale, s.published) == (2, 1, 5, 14)
    set_status(db, old, "risolta", None, now)
    db.commit()
    assert old.resolved_at is not None
    s = summaries(db, [1], clock.today(), now)[0]
    assert (s.reports_nuova, s.reports_late) == (1, 0)
    assert db.exec(select(AuditRecord).where(AuditRecord.entity == "error_report")).one().after["status"] == "risolta"
