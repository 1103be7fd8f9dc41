"""The coverage rule on the real seed: a known ente gestore is named instead of a guessed centre."""

from __future__ import annotations

from sqlmodel import select

from tests.percorso_support import centri_e_ente, path_out
from zerosei_app.models import Comune, ComuneEnteGestore, Copertura
from zerosei_app.view import percorso_view as view

ANDEZENO, CASALE, CRISSOLO = "001009", "006039", "004077"


def test_at_most_800_comuni_are_left_with_only_a_guessed_centre(db):
    """The issue's figure: no ente named and every centre inferred (1,009 before the 2026-12-06 data)."""
    known_ente = set(db.exec(select(ComuneEnteGestore.codice_istat)).all())
    origins: dict[str, set[str]] = {}
    for k in db.exec(select(Copertura)).all():
        origins.setdefault(k.codice_istat, set()).add(k.origine)
    comuni = db.exec(select(Comune.codice_istat)).all()
    guessed = [c for c in comuni if c not in known_ente and origins.get(c) == {"inferito"}]
    print("comuni with only a guessed centre:", len(guessed))
    assert len(guessed) <= 800
    # A comune with a known centre or a known ente never gets a guess as well.
    assert not [c for c, o in origins.items() if "inferito" in o and (len(o) > 1 or c in known_ente)]


def test_a_known_ente_without_a_centre_is_the_first_card_never_a_centre_of_another_ente(db):
    andezeno = db.get(Comune, ANDEZENO)  # CSSAC Chieri (a complete source): no registered centre
    centri, ente = centri_e_ente(db, andezeno)
    assert centri == [] and ente is not None
    cards = view.centri_views(centri, ente, "it")
    assert cards[0].kind == "ente" and any(link.href == "tel:0119424434" for link in cards[0].links)


def test_casale_gets_its_own_centre_once(db):
    centri, _ = centri_e_ente(db, db.get(Comune, CASALE))
    assert [c.origine for c in centri] == ["esplicito"]


def test_a_lead_is_not_a_fact_so_crissolo_still_gets_the_nearest_centre(db):
    centri, ente = centri_e_ente(db, db.get(Comune, CRISSOLO))
    assert ente is None and [c.origine for c in centri] == ["inferito"]


def test_a_path_with_only_the_ente_says_so_and_its_links_reach_the_cards(db):
    from zerosei_app.domain import clock
    from zerosei_app.domain.link import parse_query_string
    from zerosei_app.i18n import t

    today = clock.today()
    born = f"{today.year - 1}-{today.month:02d}"
    p = path_out(db, parse_query_string(f"comune={ANDEZENO}&nascita={born}").query, today)
    assert p.centri == [] and p.ente_gestore is not None
    assert view.services_view(p, "it").now[0].empty == t("path.now_empty_ente", "it")
    # In-page links ("Contatti: <centro>", the jump bar) name the card's heading id (centro_card: centro-<uid>-nome).
    torino = path_out(db, parse_query_string(f"comune=001272&nascita={born}").query, today)
    uids = {f"#centro-{c.uid}-nome" for c in view.centri_views(torino.centri, torino.ente_gestore, "it")}
    hrefs = {e.centro_href for lst in view.services_view(torino, "it").now for e in lst.cards if e.centro_href}
    assert hrefs and hrefs <= uids
    assert view.jump_to_centri(torino.centri, "it")[1] in uids
