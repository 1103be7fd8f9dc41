"""Confirming means something: "Verificato dal centro" goes when the text it confirmed changes
(a restore, an import), and languages are picked by name."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlmodel import col, select

from zerosei_app.commands.csv_import import commit_entries_import
from zerosei_app.domain import languages
from zerosei_app.domain.csv_entries import export_entries_csv
from zerosei_app.domain.entry_form import form_to_raw, validate_form
from zerosei_app.models import CardEntry, EntryStatus, ReviewConfirmation
from zerosei_app.state.staff_entry import StaffEntryState

from .staff_support import CENTRO_A, call, make_state


def _sourced(p) -> int:
    """A published entry a public source names (the seed's text, no "create" record, never confirmed):
    no entry is an example any more (the typical services are staff-only modelli)."""
    with p.session() as db:
        entry_id = db.exec(
            select(CardEntry.id)
            .where(
                CardEntry.centro_id == CENTRO_A,
                CardEntry.status == EntryStatus.PUBLISHED,
                col(CardEntry.source_url).is_not(None),
                col(CardEntry.last_reviewed_on).is_(None),
            )
            .order_by(CardEntry.id)
        ).first()
    assert entry_id is not None
    return entry_id


def _old_example(p) -> int:
    """An example as an earlier release seeded it (the one-tap undo can still put the mark back)."""
    entry_id = _sourced(p)
    with p.session() as db:
        entry = db.get(CardEntry, entry_id)
        entry.is_example, entry.source_url = True, None
        db.add(entry)
        db.commit()
    return entry_id


def _confirmations(p, entry_id) -> list[str]:
    with p.session() as db:
        return list(
            db.exec(
                select(ReviewConfirmation.how)
                .where(ReviewConfirmation.entry_id == entry_id)
                .order_by(ReviewConfirmation.id)
            ).all()
        )


def _open(p, entry_id):
    s = make_state(StaffEntryState, p.tokens["op_a"], "/staff/voce", {"id": str(entry_id)})
    call(s, "load_entry")
    return s


def test_restoring_the_original_text_clears_the_confirmation(staff_db):
    s = _open(staff_db, _sourced(staff_db))
    original = s.form["title"]
    assert s.reviewed_on == "" and s.is_example is False
    call(s, "save", dict(s.form, title="Il titolo scritto dal centro", confermata="on"))
    assert s.reviewed_on and s.is_example is False
    assert s.confirmed_label.startswith("Confermata dal centro il")  # the save's confirmation is seen
    assert _confirmations(staff_db, s.entry_id) == ["editor"]  # the review cycle knows of it
    call(s, "restore_original", s.history[-1].id)
    assert s.form["title"] == original
    assert s.reviewed_on == "" and s.is_example is False and s.confirmed_label == ""
    assert "non risulta più verificata" in s.flash_ok


def test_restoring_an_old_example_text_clears_the_confirmation(staff_db):
    s = _open(staff_db, _old_example(staff_db))
    original = s.form["title"]
    call(s, "save", dict(s.form, title="Il titolo scritto dal centro", confermata="on"))
    assert s.reviewed_on and s.is_example is False
    call(s, "restore_original", s.history[-1].id)
    assert s.form["title"] == original
    assert s.reviewed_on == "" and s.is_example is True and s.confirmed_label == ""
    assert "non risulta più verificata" in s.flash_ok


def test_restoring_the_same_text_keeps_the_confirmation(staff_db):
    s = _open(staff_db, _sourced(staff_db))
    call(s, "save", dict(s.form, title="Primo titolo del centro"))
    call(s, "ask_review")
    call(s, "review")
    reviewed = s.reviewed_on
    # The latest change's "after" is the text as it is now: restoring it changes nothing.
    call(s, "restore", s.history[1].id)
    assert s.reviewed_on == reviewed


def test_an_import_that_changes_the_text_clears_the_confirmation(staff_db):
    s = _open(staff_db, _sourced(staff_db))
    call(s, "ask_review")
    call(s, "review")
    assert s.reviewed_on
    with staff_db.session() as db:
        entry = db.get(CardEntry, s.entry_id)
        csv = export_entries_csv([entry]).decode("utf-8-sig")
        changed = csv.replace(entry.title, "Titolo cambiato nel foglio di calcolo", 1)
        commit_entries_import(db, CENTRO_A, changed, staff_db.user_ids["op_a"], datetime(2026, 12, 6, tzinfo=UTC))
        db.commit()
        db.refresh(entry)
        assert entry.title == "Titolo cambiato nel foglio di calcolo" and entry.last_reviewed_on is None


def test_an_import_that_keeps_the_text_keeps_the_confirmation(staff_db):
    s = _open(staff_db, _sourced(staff_db))
    call(s, "ask_review")
    call(s, "review")
    with staff_db.session() as db:
        entry = db.get(CardEntry, s.entry_id)
        reviewed = entry.last_reviewed_on
        commit_entries_import(
            db, CENTRO_A, export_entries_csv([entry]), staff_db.user_ids["op_a"], datetime(2026, 12, 6, tzinfo=UTC)
        )
        db.commit()
        db.refresh(entry)
        assert entry.last_reviewed_on == reviewed


def test_languages_are_picked_by_name(staff_db):
    s = _open(staff_db, _sourced(staff_db))
    # The source states no language: nothing is ticked (never Italian by default).
    assert all(s.form[f"lingua__{code}"] == "" for code in languages.CODES) and s.form["lingue_altre"] == ""
    assert languages.label("ar") == "العربية (arabo)" and languages.label("it") == "Italiano"
    form = dict(s.form, lingua__it="on", lingua__ar="on", lingua__uk="on", lingue_altre="ta")
    call(s, "save", form)
    assert s.flash_error == ""
    with staff_db.session() as db:
        assert db.get(CardEntry, s.entry_id).languages == ["it", "ar", "uk", "ta"]  # the list's order
    assert s.form["lingua__it"] == s.form["lingua__ar"] == "on" and s.form["lingue_altre"] == "ta"
    # Unticking them all states nothing again.
    call(s, "save", {k: ("" if k.startswith("lingua") or k == "lingue_altre" else v) for k, v in s.form.items()})
    assert s.flash_error == ""
    with staff_db.session() as db:
        assert db.get(CardEntry, s.entry_id).languages == []
    # Unknown "other" codes say what to do; a form without the picker still reads codes.
    _, errors = validate_form(dict(s.form, lingue_altre="xyz1"))
    assert "scegli le lingue dall'elenco" in errors["languages"]
    assert form_to_raw({"languages": "it, en"})["languages"] == "it, en"
