"""The Regione sets which ente gestore serves a comune (/staff/regione/enti): one at a time, by CSV (template,
export, check, apply), audited; choosing the ente replaces the guessed nearest centre. "Apri" on
/staff/recapiti opens the chosen ente."""

from __future__ import annotations

from sqlmodel import select

from zerosei_app.domain.csv_enti_comuni import parse_enti_csv
from zerosei_app.domain.vocabulary import OrigineCopertura
from zerosei_app.models import AuditRecord, Centro, ComuneEnteGestore, Copertura, EnteGestore
from zerosei_app.queries.staff_coverage import still_inferred
from zerosei_app.state.staff_contacts import StaffContactsState
from zerosei_app.state.staff_regione_enti import StaffRegioneEntiState

from .staff_support import call, make_state


def _page(staff_db, query=None):
    s = make_state(StaffRegioneEntiState, staff_db.tokens["regione"], "/staff/regione/enti", query or {})
    call(s, "load")
    assert s.page_error == "" and s.flash_error == ""
    return s


def _guessed_with_an_ente_that_runs_a_centre(staff_db):
    """A comune served only by a guess, and an ente gestore that runs an open centre."""
    with staff_db.session() as db:
        comune = still_inferred(db)[0]
        centro = db.exec(
            select(Centro).where(Centro.is_active, Centro.ente_gestore_id.is_not(None))  # type: ignore[union-attr]
        ).first()
        return comune.codice_istat, centro.ente_gestore_id, centro.id


def test_the_csv_reads_codes_names_and_ids():
    parsed = parse_enti_csv("Codice ISTAT;Comune;Ente gestore\n1272;Torino;Comune di Torino\n12;X;\n")
    first, second = parsed.rows
    assert first.value.codice_istat == "001272" and first.value.ente == "Comune di Torino"
    assert "Codice ISTAT" in second.errors and not parsed.ok


def test_choosing_the_ente_replaces_the_guess_and_is_audited(staff_db):
    codice, ente_id, centro_id = _guessed_with_an_ente_that_runs_a_centre(staff_db)
    s = _page(staff_db, {"solo": "dedotti", "q": codice})
    (row,) = s.rows
    assert row.only_inferred and s.only == "dedotti"
    call(s, "choose", {"codice_istat": codice, "ente": "", "centro": ""})  # nothing chosen: nothing changes
    assert "Scegli l'ente gestore o il centro" in s.flash_error
    call(s, "choose", {"codice_istat": codice, "ente": str(ente_id), "centro": ""})
    assert s.flash_error == "" and "l'ente gestore" in s.flash_ok
    with staff_db.session() as db:
        link = db.get(ComuneEnteGestore, codice)
        assert link.ente_gestore_id == ente_id and link.notes.startswith("Indicato dalla Regione")
        origins = {k.centro_id: k.origine for k in db.exec(select(Copertura).where(Copertura.codice_istat == codice))}
        assert origins.get(centro_id) == OrigineCopertura.ENTE_GESTORE
        assert OrigineCopertura.INFERITO not in origins.values()
        audit = db.exec(select(AuditRecord).where(AuditRecord.entity == "comune_ente_gestore")).one()
        assert audit.action == "set_ente" and audit.user_id == staff_db.user_ids["regione"]
    assert _page(staff_db, {"solo": "dedotti", "q": codice}).rows == []


def test_choosing_the_centre_confirms_the_link(staff_db):
    codice, _, centro_id = _guessed_with_an_ente_that_runs_a_centre(staff_db)
    s = _page(staff_db, {"q": codice})
    call(s, "choose", {"codice_istat": codice, "ente": "", "centro": str(centro_id)})
    assert s.flash_error == "" and "il centro" in s.flash_ok
    with staff_db.session() as db:
        link = db.exec(
            select(Copertura).where(Copertura.codice_istat == codice, Copertura.centro_id == centro_id)
        ).one()
        assert link.origine == OrigineCopertura.ESPLICITO


def test_bad_choices_are_refused(staff_db):
    s = _page(staff_db)
    for form in (
        {"codice_istat": "12345x", "ente": "1"},
        {"codice_istat": "001272", "ente": "999999"},
        {"codice_istat": "001272", "ente": "-1"},
        "not a form",
    ):
        call(s, "choose", form)
        assert s.flash_error, form


def test_csv_check_then_apply_all_or_nothing(staff_db):
    codice, ente_id, _ = _guessed_with_an_ente_that_runs_a_centre(staff_db)
    with staff_db.session() as db:
        ente = db.get(EnteGestore, ente_id)
    s = _page(staff_db)
    bad = f"Codice ISTAT;Ente gestore\n{codice};{ente.name}\n999999;{ente.name}\n"
    call(s, "check_csv", {"csv": bad})
    assert not s.csv_ok and s.csv_rows[1].action == "errore" and "nessun comune" in s.csv_rows[1].errors
    call(s, "apply_csv")  # the browser can call it anyway: nothing changes
    assert s.flash_error
    with staff_db.session() as db:
        assert db.get(ComuneEnteGestore, codice) is None or db.get(ComuneEnteGestore, codice).notes is None
    call(s, "check_csv", {"csv": f"Codice ISTAT;Ente gestore\n{int(codice)};{ente.name.upper()}\n"})
    assert s.csv_ok and s.csv_summary.startswith(("1 nuovi", "0 nuovi, 1 cambiati"))
    call(s, "apply_csv")
    assert "1 comuni" in s.flash_ok
    with staff_db.session() as db:
        assert db.get(ComuneEnteGestore, codice).ente_gestore_id == ente_id


def test_template_and_export_download(staff_db):
    s = _page(staff_db)
    assert "enti-gestori-modello.csv" in str(call(s, "download_template"))
    assert "enti-gestori-comuni-" in str(call(s, "download_export"))
    from zerosei_app.queries.comune_ente import export_csv

    with staff_db.session() as db:
        text = export_csv(db).decode("utf-8-sig")
    header = text.splitlines()[0]
    assert header == "Codice ISTAT;Comune;Provincia;ID ente;Ente gestore"
    assert len(text.splitlines()) == 1 + 1180  # every comune of Piemonte
    assert parse_enti_csv(text).table.errors == []


def test_apri_opens_the_chosen_ente(staff_db):
    s = make_state(StaffContactsState, staff_db.tokens["regione"], "/staff/recapiti")
    call(s, "load")
    result = call(s, "open_ente", {"ente": "1"})
    assert "/staff/recapiti?ente=1" in repr(result)
    call(s, "open_ente", {"ente": ""})
    assert "Scegli un ente gestore" in s.flash_error
