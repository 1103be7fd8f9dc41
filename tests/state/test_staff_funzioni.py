"""A centre adds its own details to a regional function: "Aggiungi i vostri dettagli" opens the editor with a
new entry prefilled from the function and linked to it (card_entry.funzione_id)."""

from __future__ import annotations

from sqlmodel import select

from zerosei_app.models import CardEntry
from zerosei_app.state.staff_entries import StaffEntriesState
from zerosei_app.state.staff_entry import StaffEntryState

from .staff_support import CENTRO_A, call, make_state


def test_add_details_to_a_function_makes_a_linked_entry(staff_db):
    token = staff_db.tokens["op_a"]
    lst = make_state(StaffEntriesState, token, "/staff/voci", {"centro": str(CENTRO_A)})
    call(lst, "load")
    rows = {r[0]: r for r in lst.funzioni}
    assert rows["Mediazione familiare"][1] == "irrinunciabile" and rows["Mediazione familiare"][3] == ""
    href = rows["Mediazione familiare"][2]
    assert href == f"/staff/voce/nuova?centro={CENTRO_A}&funzione=mediazione_familiare"

    s = make_state(
        StaffEntryState, token, "/staff/voce/nuova", {"centro": str(CENTRO_A), "funzione": "mediazione_familiare"}
    )
    call(s, "load_new")
    assert s.form["title"] == "Mediazione familiare" and "accordi" in s.form["summary"]
    out = call(s, "save", dict(s.form, category="mediazione-familiare", schedule="Il martedì, su appuntamento"))
    assert any("/staff/voce?id=" in repr(e) for e in out), s.flash_error
    with staff_db.session() as db:
        entry = db.exec(select(CardEntry).where(CardEntry.funzione_id == "mediazione_familiare")).one()
        assert entry.centro_id == CENTRO_A and entry.schedule == "Il martedì, su appuntamento"

    call(lst, "load")
    assert {r[0]: r for r in lst.funzioni}["Mediazione familiare"][3] == f"/staff/voce?id={entry.id}"


def test_an_unknown_function_is_said_and_the_entry_starts_empty(staff_db):
    s = make_state(
        StaffEntryState, staff_db.tokens["op_a"], "/staff/voce/nuova", {"centro": str(CENTRO_A), "funzione": "nope"}
    )
    call(s, "load_new")
    assert s.flash_error.startswith("Funzione regionale sconosciuta") and s.form["title"] == ""
    assert s._funzione_id == ""
