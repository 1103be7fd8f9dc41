"""Issue 18: a centre's cultural mediators in words, on the path (card and filter status) and on its Carta."""

from __future__ import annotations

from datetime import date

from tests.percorso_support import path_out
from zerosei_app.domain.link import PathQuery, parse_query_string
from zerosei_app.models import Centro
from zerosei_app.queries.carta import carta_of
from zerosei_app.view.carta_view import carta_view
from zerosei_app.view.language_filter import language_filter
from zerosei_app.view.mediation import LanguageNameView, mediation_asked, mediation_languages_view
from zerosei_app.view.percorso_view import centri_views

TODAY = date(2026, 12, 6)
BASE = PathQuery(comune="001255", nascita=parse_query_string("nascita=2025-06").query.nascita)


def test_each_language_in_its_own_name_italian_aside():
    assert mediation_languages_view(["ar", "it", "ro", "x!"]) == [
        LanguageNameView("ar", "العربية", ""),
        LanguageNameView("ro", "Română", ", "),
    ]
    assert mediation_languages_view(None) == [] and mediation_languages_view([]) == []


def test_the_line_for_the_language_asked_in_the_readers_language():
    assert mediation_asked(["ar"], "ar", "it") == "Mediazione culturale in arabo presso il centro"
    assert mediation_asked(["ar"], "ar", "en") == "Cultural mediation in Arabic at the centre"
    assert mediation_asked(["ar"], "uk", "it") == "" and mediation_asked(["ar"], None, "it") == ""
    assert mediation_asked([], "ar", "it") == ""  # nothing stated: nothing assumed


def _state_mediator(db, codes: list[str]) -> int:
    centro_id = path_out(db, BASE, TODAY).centri[0].id
    centro = db.get(Centro, centro_id)
    centro.mediation_languages = codes
    db.add(centro)
    db.commit()
    return centro_id


def test_the_path_says_the_centre_mediates_and_keeps_only_its_services(db):
    centro_id = _state_mediator(db, ["ar", "ro"])
    q = BASE.model_copy(update={"lingua": "ar"})
    p = path_out(db, q, TODAY)
    assert p.lingua.trovata and p.lingue_dichiarate == ["ar", "ro"]
    assert {v.centro_id for f in p.figli for v in f.adesso + f.prossimi} == {centro_id}
    cards = {c.id: c for c in centri_views(p.centri, None, "it", q.lingua)}
    assert cards[centro_id].mediation_asked == "Mediazione culturale in arabo presso il centro"
    assert [n.code for n in cards[centro_id].mediation] == ["ar", "ro"]
    assert all(c.mediation == [] and c.mediation_asked == "" for i, c in cards.items() if i != centro_id)
    status = language_filter(q, p).status
    assert status.startswith("I servizi che il centro offre anche in arabo e tutti quelli dei centri con un mediatore")
    # Without lingua= the card still lists the mediators' languages, with no line for a language asked.
    plain = {c.id: c for c in centri_views(path_out(db, BASE, TODAY).centri, None, "it")}
    assert plain[centro_id].mediation_asked == "" and len(plain[centro_id].mediation) == 2


def test_a_language_only_stated_for_services_keeps_the_plain_status(db):
    _state_mediator(db, ["ro"])
    q = BASE.model_copy(update={"lingua": "ar"})
    p = path_out(db, q, TODAY)
    assert not p.lingua.trovata  # the seed states no Arabic service; the mediator is for Romanian
    assert language_filter(q, p).status.startswith("Nessun centro ha ancora indicato servizi in arabo")


def test_the_carta_lists_the_mediators_languages(db):
    centro_id = _state_mediator(db, ["sq"])
    view = carta_view(carta_of(db, centro_id), "it", today=TODAY)
    assert view.mediation == [LanguageNameView("sq", "Shqip", "")]
