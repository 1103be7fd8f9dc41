"""The path page's display models: built from the API's own PercorsoOut, every text ready to show."""

from datetime import date, timedelta

import pytest

from tests.percorso_support import path_out
from zerosei_app.domain import clock
from zerosei_app.domain.link import parse_query_string
from zerosei_app.schemas.percorso import CentroOut, CostoOut
from zerosei_app.view import percorso_view as view

TODAY = date(2026, 11, 25)


def percorso(db, qs):
    p = path_out(db, parse_query_string(qs).query, TODAY)
    assert p is not None, qs
    return p


@pytest.mark.parametrize(
    "lo,hi,it",
    [
        (-9, -1, "In gravidanza"),
        (-9, 72, "Dalla gravidanza a 6 anni"),
        (0, 12, "Dalla nascita a 1 anno"),
        (1, 8, "Da 1 mese a 8 mesi"),
        (12, 36, "Da 1 anno a 3 anni"),
        (18, 30, "Da 18 mesi a 30 mesi"),
    ],
)
def test_age_range_text(lo, hi, it):
    assert view.age_range_text(lo, hi, "it") == it


def _shown(sv):
    return [
        *(e for lst in sv.now for e in lst.cards),
        *(e for lst in sv.upcoming for e in lst.cards),
        *sv.situational,
    ]


def test_each_service_is_shown_once_and_every_one_the_api_returns(db):
    p = percorso(db, "comune=001272&nascita=2025-05&attesa=2027-03")
    sv = view.services_view(p, "it")
    shown = _shown(sv)
    assert sorted(e.id for e in shown) == sorted({v.id for f in p.figli for v in [*f.adesso, *f.prossimi]})
    assert len({e.uid for e in shown}) == len(shown)
    headings = [lst.heading for lst in sv.now]
    assert headings[:2] == ["Per chi ha 1 anno e 6 mesi", "Per la gravidanza (nascita prevista per marzo 2027)"]
    assert "Per chi ha 1 anno e 6 mesi e per la gravidanza" in headings  # the shared ones, once


def test_a_14_month_old_first_sees_a_service_for_its_age_not_a_situational_one(db):
    today = TODAY  # 2026-11: born 2025-09 is 14 months old
    p = path_out(db, parse_query_string("comune=001272&nascita=2025-09").query, today)
    sv = view.services_view(p, "it")
    first = sv.now[0].cards[0]
    api = {v.id: v for v in p.figli[0].adesso}
    assert first.title != "Consulenza legale su separazione e divorzio"
    assert not view.is_situational(api[first.id].temi)
    assert api[first.id].eta_max_mesi - api[first.id].eta_min_mesi < 81  # not the broadest range
    titles = {e.title for e in sv.situational}
    assert {"Consulenza legale su separazione e divorzio", "Accompagnamento nell'elaborazione del lutto"} <= titles
    assert titles.isdisjoint(e.title for lst in sv.now for e in lst.cards)
    assert "separazione e mediazione" in sv.situational_hint and "lutto e perdita" in sv.situational_hint


def test_a_situational_topic_the_parent_picked_is_in_the_main_list(db):
    p = percorso(db, "comune=001272&nascita=2025-09&temi=separazione-mediazione")
    sv = view.services_view(p, "it")
    main = {e.title for lst in sv.now for e in lst.cards}
    assert "Consulenza legale su separazione e divorzio" in main
    assert all(e.title not in main for e in sv.situational)


def test_service_cards_point_to_the_centre_instead_of_repeating_its_buttons(db):
    p = percorso(db, "comune=005005&nascita=2025-05")  # Asti: the centre has a phone
    centro = p.centri[0]
    assert centro.telefono
    for e in _shown(view.services_view(p, "it")):
        assert e.links == [] and e.centro_name == centro.nome and e.centro_href == f"#centro-c{centro.id}-nome"


def test_one_trust_label(db):
    p = percorso(db, "comune=001272&nascita=2025-05")
    voce = p.figli[0].adesso[0]
    recent = clock.today() - timedelta(days=20)
    confirmed = view.entry_view(voce.model_copy(update={"esempio": False, "verificato_il": recent}), "x", "it")
    assert confirmed.trust.startswith("Verificato dal centro il ") and confirmed.is_verified
    # Older than the review cycle (ZEROSEI_REVIEW_DAYS, 180): no longer shown as verified.
    old = view.entry_view(voce.model_copy(update={"esempio": False, "verificato_il": date(2026, 3, 12)}), "x", "it")
    assert old.trust == "Da confermare con il centro (ultima conferma: 12 marzo 2026)" and not old.is_verified
    sourced = voce.model_copy(update={"verificato_il": None, "fonte": "https://www.comune.torino.it/"})
    assert view.entry_view(sourced, "x", "it").trust == "Da una fonte pubblica: chiedi conferma al centro"
    unconfirmed = sourced.model_copy(update={"fonte": None})
    assert view.entry_view(unconfirmed, "x", "it").trust == "Da confermare con il centro"
    example = voce.model_copy(update={"esempio": True, "verificato_il": date(2026, 3, 12)})
    assert view.entry_view(example, "x", "it").trust == "Da confermare con il centro"  # an example is never confirmed


def test_unknown_facts_are_left_out_never_filled_in(db):
    """Issue 16: no "Gratuito", no age, no language unless a source or the centre stated it."""
    p = percorso(db, "comune=001272&nascita=2025-05")
    voce = p.figli[0].adesso[0]
    unknown = voce.model_copy(
        update={"costo": None, "eta_min_mesi": None, "eta_max_mesi": None, "lingue": None, "quando": None}
    )
    labels = [f.label for f in view.entry_view(unknown, "x", "it").facts]
    assert not {"Età", "Costo", "Quando", "Lingue"} & set(labels)
    stated = voce.model_copy(
        update={
            "costo": CostoOut(gratuito=True, nota=None),
            "eta_min_mesi": 0,
            "eta_max_mesi": 36,
            "quando": "Il martedì",
        }
    )
    facts = {f.label: f.value for f in view.entry_view(stated, "x", "it").facts}
    assert facts["Costo"] == "Gratuito" and facts["Quando"] == "Il martedì" and "Età" in facts


def test_upcoming_entries_say_from_when_and_are_compact(db):
    p = percorso(db, "comune=001272&attesa=2027-03")
    upcoming = [e for lst in view.services_view(p, "en").upcoming for e in lst.cards]
    assert upcoming and all(e.starts.startswith("From ") and e.compact for e in upcoming)


def test_now_for_one_child_says_when_it_starts_for_the_other(db):
    p = percorso(db, "comune=103031&nascita=2022-11&attesa=2027-03")  # Formazza: 4 years and a pregnancy
    sv = view.services_view(p, "it")
    also = [e.for_whom for lst in sv.now for e in lst.cards if e.for_whom]
    assert also and all(w.startswith("Anche per chi nascerà, da ") for w in also)
    assert "Anche per chi nascerà, da marzo 2027" in also  # from birth


def test_counts_text(db):
    p = percorso(db, "comune=001255&nascita=2025-05")
    assert view.counts_text(p, "it").endswith("nei prossimi mesi.")
    sv = view.services_view(p, "it")
    now = sum(len(lst.cards) for lst in sv.now)
    assert view.counts_text(p, "it").startswith(f"{now} servizi adatti adesso")  # the situational ones apart


def test_centro_view_says_what_is_uncertain():
    c = CentroOut(
        id=3,
        nome="Centro X",
        indirizzo=None,
        comune="Alba",
        provincia="CN",
        telefono="0173 123456",
        email=None,
        sito=None,
        orari=None,
        ente_gestore="Consorzio",
        stato_verifica="incerto",
        origine="inferito",
        inferito=True,
        distanza_km=12.4,
        mappa_url="https://www.openstreetmap.org/search?query=Alba",
    )
    v = view.centro_view(c, "it")
    assert v.place == "Alba (CN)"
    assert v.kicker == "Il centro più vicino tra quelli registrati · a circa 12 km"
    assert any("completando l'elenco" in n for n in v.notes)
    assert any("Non è ancora confermato" in n for n in v.notes)
    assert [link.href for link in v.links] == ["tel:0173123456"]


def test_centro_view_without_contacts_says_so():
    c = CentroOut(
        id=1,
        nome="C",
        indirizzo="via Roma 1",
        comune="Torino",
        provincia="TO",
        telefono=None,
        email=None,
        sito=None,
        orari="lun 9-12",
        ente_gestore=None,
        stato_verifica="verificato",
        origine="esplicito",
        inferito=False,
        distanza_km=None,
        mappa_url=None,
    )
    v = view.centro_view(c, "en")
    assert v.notes == [view.t("path.centro.no_contacts_any", "en")]


def test_chips_in_display_order():
    chips = view.chips(("sonno-pianto",), "it")
    assert chips[2].slug == "sonno-pianto" and chips[2].pressed and chips[2].label == "Sonno e pianto"
    assert sum(c.pressed for c in chips) == 1


def test_a_child_with_nothing_for_now_gets_its_heading_and_the_centre(db):
    p = percorso(db, "comune=001272&nascita=2025-09&temi=lutto")  # only a situational topic, picked
    sv = view.services_view(p, "it")
    assert [e.title for lst in sv.now for e in lst.cards] == ["Accompagnamento nell'elaborazione del lutto"]
    p = percorso(db, "comune=001272&nascita=2025-09")
    only_situational = [v for v in p.figli[0].adesso if view.is_situational(v.temi)]
    figlio = p.figli[0].model_copy(update={"adesso": only_situational, "prossimi": []})
    sv = view.services_view(p.model_copy(update={"figli": [figlio]}), "it")
    [lst] = sv.now
    assert lst.heading == "Per chi ha 1 anno e 2 mesi" and lst.cards == [] and lst.empty.startswith("Per questa età")
    assert len(sv.situational) == len(only_situational) > 0
