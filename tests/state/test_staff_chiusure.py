"""Staff close their centre, or one entry, for a while: the centre page's "Chiusure temporanee"."""

from __future__ import annotations

from sqlmodel import select

from zerosei_app.models import AuditRecord, CardEntry, Chiusura
from zerosei_app.state.staff_centro import StaffCentroState

from .staff_support import CENTRO_B, call, make_state


def _page(staff_db, persona="op_b"):
    state = make_state(StaffCentroState, staff_db.tokens[persona], "/staff/centro", {"id": str(CENTRO_B)})
    call(state, "load")
    return state


def test_the_centres_staff_add_and_remove_a_closure(staff_db):
    state = _page(staff_db)
    assert state.chiusure == []
    call(state, "add_chiusura", {"starts_on": "01/08/2099", "ends_on": "31/08/2099", "reason": "ferie estive"})
    assert state.flash_error == "" and "01/08/2099" in state.flash_ok
    (row,) = state.chiusure
    assert (row["periodo"], row["chi"], row["reason"]) == (
        "dal 01/08/2099 al 31/08/2099",
        "tutto il centro",
        "ferie estive",
    )
    with staff_db.session() as db:
        stored = db.exec(select(Chiusura)).one()
        assert (stored.centro_id, stored.entry_id) == (CENTRO_B, None)
        audit = db.exec(select(AuditRecord).where(AuditRecord.entity == "chiusura")).one()
        assert audit.action == "create" and audit.user_id == staff_db.user_ids["op_b"]
    call(state, "remove_chiusura", row["id"])
    assert state.chiusure == [] and "tolta" in state.flash_ok
    with staff_db.session() as db:
        assert db.exec(select(Chiusura)).all() == []


def test_one_entry_can_be_closed(staff_db):
    state = _page(staff_db, "regione")
    entry_id = state.chiusura_entries[0][0]
    call(state, "add_chiusura", {"starts_on": "2099-07-01", "ends_on": "2099-07-15", "entry_id": entry_id})
    assert state.chiusure[0]["chi"].startswith("la voce «")
    with staff_db.session() as db:
        assert db.exec(select(Chiusura.entry_id)).one() == int(entry_id)


def test_bad_dates_are_explained_and_kept(staff_db):
    state = _page(staff_db)
    call(state, "add_chiusura", {"starts_on": "31/08/2099", "ends_on": "01/08/2099", "reason": "ferie"})
    assert "prima" in state.chiusura_errors[""] and state.chiusura_values["reason"] == "ferie"
    call(state, "add_chiusura", {"starts_on": "01/01/2020", "ends_on": "02/01/2020"})
    assert "già finita" in state.flash_error
    with staff_db.session() as db:
        assert db.exec(select(Chiusura)).all() == []


def test_an_entry_of_another_centre_is_refused(staff_db):
    state = _page(staff_db)
    with staff_db.session() as db:
        other = db.exec(select(CardEntry.id).where(CardEntry.centro_id != CENTRO_B)).first()
    call(state, "add_chiusura", {"starts_on": "2099-07-01", "ends_on": "2099-07-15", "entry_id": str(other)})
    assert state.flash_error == "Questa voce non è del centro."
    with staff_db.session() as db:
        assert db.exec(select(Chiusura)).all() == []


def test_the_entry_editor_suspends_its_own_entry_only(staff_db):
    from zerosei_app.state.staff_entry_chiusure import StaffEntryChiusureState

    with staff_db.session() as db:
        mine, other = db.exec(select(CardEntry.id).where(CardEntry.centro_id == CENTRO_B).order_by(CardEntry.id)).all()[
            :2
        ]
    panel = make_state(StaffEntryChiusureState, staff_db.tokens["op_b"], "/staff/voce", {"id": str(mine)})
    call(panel, "load")
    assert panel.entry_ready and panel.chiusure == [] and panel.chiusura_entries == []
    # The form can't redirect the closure to another entry: the page's entry is used.
    call(
        panel,
        "add_chiusura",
        {"starts_on": "2099-07-01", "ends_on": "2099-07-31", "reason": "pausa", "entry_id": str(other)},
    )
    assert panel.flash_error == "" and panel.chiusure[0]["chi"].startswith("la voce «")
    with staff_db.session() as db:
        row = db.exec(select(Chiusura)).one()
        assert row.entry_id == mine
    # A closure of the whole centre is not removable from an entry's page.
    centre = _page(staff_db)
    call(centre, "add_chiusura", {"starts_on": "2099-08-01", "ends_on": "2099-08-31"})
    whole = next(c for c in centre.chiusure if c["chi"] == "tutto il centro")
    call(panel, "remove_chiusura", whole["id"])
    assert "non trovata" in panel.flash_error
    call(panel, "remove_chiusura", panel.chiusure[0]["id"])
    assert panel.chiusure == [] and "tolta" in panel.flash_ok
    # Another centre's operatore: refused.
    intruder = make_state(StaffEntryChiusureState, staff_db.tokens["op_a"], "/staff/voce", {"id": str(mine)})
    call(intruder, "add_chiusura", {"starts_on": "2099-07-01", "ends_on": "2099-07-31"})
    assert intruder.flash_error
    with staff_db.session() as db:
        assert len(db.exec(select(Chiusura)).all()) == 1
