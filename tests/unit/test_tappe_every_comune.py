"""The issue's done-when: for each of the 1,180 comuni, a 14-month-old's path has at least 3 sourced steps
(tappe) and a working contact, through the same pipe the page and the API use (load_path, then percorso_out)."""

from __future__ import annotations

from datetime import date

from sqlmodel import select

from tests.percorso_support import page_plan, path_out
from zerosei_app.domain.contact_rule import is_working
from zerosei_app.domain.link import PathQuery
from zerosei_app.models import Comune, Tappa
from zerosei_app.view import percorso_view as view
from zerosei_app.view.tappe_view import tappe_views

TODAY = date(2026, 12, 6)
FOURTEEN_MONTHS = "2025-10"


def test_every_comune_gives_a_14_month_old_3_sourced_steps_and_a_working_contact(db):
    comuni = db.exec(select(Comune.codice_istat).order_by(Comune.codice_istat)).all()
    assert len(comuni) == 1180
    failures = []
    for code in comuni:
        p = path_out(db, PathQuery(comune=code, nascita=(FOURTEEN_MONTHS,)), TODAY)
        assert p is not None and p.figli[0].eta_mesi == 14
        sourced_now = [x for x in p.figli[0].tappe if x.adesso and x.fonte.url.startswith(("https://", "http://"))]
        cards = view.centri_views(p.centri, p.ente_gestore, "it")
        working = bool(cards) and any(is_working(link.href) for link in cards[0].links)
        if len(sourced_now) < 3 or not working:
            failures.append((code, len(sourced_now), working))
    assert failures == []


def test_steps_carry_who_when_and_source_and_the_page_shows_them(db):
    p = path_out(db, PathQuery(comune="001272", nascita=(FOURTEEN_MONTHS,)), TODAY)
    tappe = p.figli[0].tappe
    assert {"vaccini_secondo_anno", "scelta_pediatra", "bonus_asilo_nido"} <= {x.id for x in tappe if x.adesso}
    assert all(x.chi and x.fonte.titolo and x.fonte.url for x in tappe)
    now, _ = tappe_views(p, "it")
    shown = now[0].tappe
    assert len(shown) == len([x for x in tappe if x.adesso])
    assert all(v.check == "Da verificare sul sito ufficiale" for v in shown if v.id != "nati_per_leggere")


def test_no_yearly_amount_or_deadline_reaches_a_parent(db):
    """Amounts in euro and one year's dates are rewritten (data/tappe_seed.py REWRITTEN)."""
    for x in db.exec(select(Tappa)).all():
        text = " ".join((x.title, x.summary, x.timing, x.source_title))
        assert "euro" not in text and "1.000" not in text and "2026/27:" not in text, x.id
        assert "click day" not in text and "per il 2025" not in text, x.id


def test_the_static_copy_shows_the_tappe_and_the_functions(db):
    from zerosei_app.web.path_preview import render_plan

    html = render_plan(page_plan(db, f"comune=103032&nascita={FOURTEEN_MONTHS}", TODAY))
    assert html.count('class="pv-tappa"') >= 3
    assert "Da verificare sul sito ufficiale" in html and "Vaccinazioni del secondo anno" in html
    assert "Al tuo centro puoi chiedere:" in html and "Mediazione familiare" in html


def test_english_labels_around_the_italian_steps(db):
    p = path_out(db, PathQuery(comune="103032", attesa="2027-04", lang="en"), TODAY)
    now, soon = tappe_views(p, "en")
    assert now[0].heading == "Now" and soon[0].heading == "In the coming months"
    assert now[0].tappe[0].check in ("To be checked on the official website", "")
    assert soon[0].tappe[0].starts == "From January 2027 (in 1 month)"  # assegno unico: from the 7th month
