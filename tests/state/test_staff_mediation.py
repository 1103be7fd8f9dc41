"""Issue 18: a centre's staff state the languages of its cultural mediators on the centre's form.

The same permission as the other centre fields (the centre's own staff or the Regione); hostile values
are refused with a message and nothing is stored; every change is versioned and audited.
"""

from __future__ import annotations

from sqlmodel import select

from tests.state.staff_support import CENTRO_A, CENTRO_B, call, db_fingerprint, make_state
from zerosei_app.models import AuditRecord, Centro
from zerosei_app.state.staff_centro import StaffCentroState


def _loaded(staff_db, persona: str, centro_id: int = CENTRO_A) -> StaffCentroState:
    s = make_state(StaffCentroState, staff_db.tokens[persona], "/staff/centro", {"id": str(centro_id)})
    call(s, "load")
    return s


def _stored(staff_db, centro_id: int) -> list[str]:
    with staff_db.session() as db:
        return db.get(Centro, centro_id).mediation_languages


def test_the_centre_states_its_mediators_languages_and_the_change_is_audited(staff_db):
    s = _loaded(staff_db, "op_a")
    assert s.form["mediazione__ar"] == "" and s.form["mediazione_altre"] == ""
    call(s, "save", {**s.form, "mediazione__ar": "on", "mediazione__uk": "on", "mediazione_altre": "TA"})
    assert s.flash_ok == "Dati del centro salvati.", s.errors
    assert _stored(staff_db, CENTRO_A) == ["ar", "uk", "ta"]  # the picker's order, then the other codes
    assert s.form["mediazione__ar"] == "on" and s.form["mediazione_altre"] == "ta"
    with staff_db.session() as db:
        last = db.exec(
            select(AuditRecord).where(AuditRecord.entity == "centro", AuditRecord.entity_id == CENTRO_A)
        ).all()[-1]
        assert last.before["mediation_languages"] == [] and last.after["mediation_languages"] == ["ar", "uk", "ta"]
    # Unticking every box: not stated any more.
    form = {k: ("" if k.startswith("mediazione__") else v) for k, v in s.form.items()}
    call(s, "save", {**form, "mediazione_altre": ""})
    assert _stored(staff_db, CENTRO_A) == []


def test_a_form_without_the_picker_keeps_the_stated_languages(staff_db):
    s = _loaded(staff_db, "op_a")
    call(s, "save", {**s.form, "mediazione__ro": "on"})
    call(s, "save", {"address": "via Nuova 2", "phone": "", "email": "", "website": "", "hours": ""})
    assert _stored(staff_db, CENTRO_A) == ["ro"]


def test_hostile_values_are_refused_with_a_message(staff_db):
    s = _loaded(staff_db, "op_a")
    before = db_fingerprint(staff_db)
    for hostile in ("<script>alert(1)</script>", "arabo", "x1", ", ".join(f"q{c}" for c in "abcdefghijklm")):
        call(s, "save", {**s.form, "mediazione_altre": hostile})
        assert s.flash_error == "Non salvato: controlla i campi evidenziati."
        assert "mediation_languages" in s.errors
    # A raw value from a client without the picker is checked too.
    call(s, "save", {"address": "via Nuova 3", "mediation_languages": {"$ne": 1}})
    assert "mediation_languages" in s.errors
    assert db_fingerprint(staff_db) == before
    call(s, "save", {**s.form, "mediazione_altre": "<b>"})
    assert "Lingua «<b>» non riconosciuta" in s.errors["mediation_languages"]


def test_another_centres_staff_cannot_set_them(staff_db):
    s = _loaded(staff_db, "op_a")
    s.centro_id = CENTRO_B  # op_a's tab pointed at centre B
    before = db_fingerprint(staff_db)
    call(s, "save", {"mediazione__ar": "on"})
    assert db_fingerprint(staff_db) == before and _stored(staff_db, CENTRO_B) == []


def test_the_regione_sets_them_on_any_centre(staff_db):
    s = _loaded(staff_db, "regione", CENTRO_B)
    call(s, "save", {**s.form, "mediazione__sq": "on"})
    assert s.flash_ok == "Dati del centro salvati.", s.errors
    assert _stored(staff_db, CENTRO_B) == ["sq"]
