"""The path page's display models: built from the API's own PercorsoOut, every text ready to show."""

from datetime import date

import pytest

from zerosei_app.domain.link import parse_query_string
from zerosei_app.queries.percorso import build_percorso
from zerosei_app.schemas.percorso import CentroOut
from zerosei_app.view import percorso_view as view

TODAY = date(2026, 11, 25)


def percorso(session, qs):
    result = build_percorso(session, parse_query_string(qs).query, TODAY)
    assert result.percorso is not None, result.errors
    return result.percorso


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


def test_children_views_follow_the_api_order_and_group_by_category(session):
    p = percorso(session, "comune=001255&nascita=2025-05&attesa=2027-03")
    children = view.children_views(p, "it")
    assert [c.heading for c in children] == [
        "Per chi ha 1 anno e 6 mesi",
        "Per la gravidanza (nascita prevista per marzo 2027)",
    ]
    for child, figlio in zip(children, p.figli, strict=True):
        shown = [e.id for g in child.now_groups for e in g.voci]
        assert sorted(shown) == sorted(v.id for v in figlio.adesso)  # exactly what the API returns
        api_order = [v.id for v in figlio.prossimi]
        assert sorted(e.id for g in child.upcoming_groups for e in g.voci) == sorted(api_order)
        for group in child.upcoming_groups:  # inside a category: the API's order (soonest first)
            ids = [e.id for e in group.voci]
            assert ids == sorted(ids, key=api_order.index)
        uids = [e.uid for g in child.now_groups + child.upcoming_groups for e in g.voci]
        assert len(uids) == len(set(uids))


def test_entry_view_is_honest_about_verification_and_examples(session):
    p = percorso(session, "comune=001255&nascita=2025-05")
    entry = view.children_views(p, "it")[0].now_groups[0].voci[0]
    assert entry.esempio is True  # the seed is example content
    assert entry.verified == "Non ancora verificato dal centro" and not entry.is_verified
    labels = [f.label for f in entry.facts]
    assert labels[:2] == ["Età", "Chi"] and "Costo" in labels


def test_upcoming_entries_say_from_when(session):
    p = percorso(session, "comune=001255&attesa=2027-03")
    upcoming = [e for g in view.children_views(p, "en")[0].upcoming_groups for e in g.voci]
    assert upcoming and all(e.starts.startswith("From ") for e in upcoming)


def test_counts_text(session):
    p = percorso(session, "comune=001255&nascita=2025-05")
    assert view.counts_text(p, "it").endswith("nei prossimi mesi.")


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
    assert v.luogo == "Alba (CN)"
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
