"""/staff/tappe: the Regione edits a tappa and confirms it on the official site; parents then read
"Verificato dalla Regione il <data>"; every write is audited; bad input is said in Italian."""

from __future__ import annotations

from sqlmodel import select

from tests.percorso_support import path_out
from zerosei_app.domain import clock
from zerosei_app.domain.link import PathQuery
from zerosei_app.models import AuditRecord, Tappa
from zerosei_app.state.staff_tappe import StaffTappeState
from zerosei_app.view.tappe_view import tappe_views

from .staff_support import call, make_state


def _form(**over) -> dict:
    base = {
        "title": "Buono Vesta della Regione Piemonte",
        "summary": "Buono della Regione per ogni figlio da 0 a 6 anni, secondo l'ISEE.",
        "age_min_months": "0",
        "age_max_months": "72",
        "timing": "domanda online nel giorno fissato ogni anno dalla Regione",
        "who": "Regione Piemonte",
        "link": "https://vestapiemonte.it/",
        "source_url": "https://vestapiemonte.it/",
        "source_title": "Regione Piemonte – Vesta",
        "source_date": "2026-12",
        "version": "1",
    }
    return base | over


def test_regione_edits_confirms_and_parents_see_the_day(staff_db):
    s = make_state(StaffTappeState, staff_db.tokens["regione"], "/staff/tappe", {"id": "buono_vesta"})
    call(s, "load")
    assert s.tappa_id == "buono_vesta" and s.status == "Da verificare sul sito ufficiale"
    assert len(s.rows) == 25
    call(s, "save", _form())
    assert s.flash_error == "" and s.flash_ok.startswith("Tappa salvata")
    assert s.form["version"] == "2" and s.form["source_title"] == "Regione Piemonte – Vesta"
    call(s, "confirm_today", s.form["version"])
    assert s.flash_error == "" and s.status.startswith("Verificata il")
    with staff_db.session() as db:
        x = db.get(Tappa, "buono_vesta")
        assert x.verified_on == clock.today() and x.version == 3
        audits = db.exec(select(AuditRecord).where(AuditRecord.entity == "tappa")).all()
        assert [a.action for a in audits] == ["update", "review"]
        assert audits[0].before["source_title"] != audits[0].after["source_title"]
        assert all(a.user_id == staff_db.user_ids["regione"] for a in audits)
        today = clock.today()
        birth = f"{today.year - 2}-{today.month:02d}"
        p = path_out(db, PathQuery(comune="001272", nascita=(birth,)), today)
    shown = {v.id: v for lst in tappe_views(p, "it")[0] for v in lst.tappe}
    assert shown["buono_vesta"].check.startswith("Verificato dalla Regione il")
    assert shown["buono_vesta"].source.startswith("Regione Piemonte – Vesta")


def test_bad_input_is_said_in_italian_and_nothing_changes(staff_db):
    s = make_state(StaffTappeState, staff_db.tokens["regione"], "/staff/tappe", {"id": "buono_vesta"})
    call(s, "load")
    call(s, "save", _form(age_min_months="30", age_max_months="12", source_url="", source_date="maggio"))
    assert s.flash_error
    assert s.errors["source_url"] == "Campo obbligatorio."
    assert s.errors["source_date"].startswith("Scrivi la data come la dà la fonte")
    call(s, "save", _form(age_min_months="30", age_max_months="12"))
    assert "prima dell'inizio" in s.flash_error
    call(s, "save", _form(version="7"))  # someone else saved meanwhile
    assert "un'altra persona" in s.flash_error
    with staff_db.session() as db:
        assert db.get(Tappa, "buono_vesta").version == 1


def test_an_unknown_or_hostile_id_is_refused(staff_db):
    for bad in ("nope", "x'; DROP TABLE tappa; --"):
        s = make_state(StaffTappeState, staff_db.tokens["regione"], "/staff/tappe", {"id": bad})
        call(s, "load")
        assert s.tappa_id == "" or s.page_error
