"""The Carta's pages as their states build them: every centre's published entries by area, the
directory, the print edition, an unknown slug and a renamed centre's old slug."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient
from sqlmodel import Session, select

from tests.state.conftest import redirect_target, run_async
from zerosei_app.api.app import api
from zerosei_app.db import get_engine
from zerosei_app.domain.carta import AREAS, OTHER_AREA
from zerosei_app.models import CardEntry, Centro, CentroSlugHistory, EntryStatus
from zerosei_app.state.carta import CartaState
from zerosei_app.state.carta_centro import CartaCentroState
from zerosei_app.state.carta_print import CartaPrintState


def _centri() -> list[Centro]:
    with Session(get_engine()) as s:
        return list(s.exec(select(Centro).where(Centro.is_active)).all())


def _published(centro_id: int) -> set[int]:
    with Session(get_engine()) as s:
        rows = s.exec(
            select(CardEntry.id).where(CardEntry.centro_id == centro_id, CardEntry.status == EntryStatus.PUBLISHED)
        ).all()
    return set(rows)


def _stated_ages(centro_id: int) -> set[int]:
    with Session(get_engine()) as s:
        rows = s.exec(select(CardEntry).where(CardEntry.centro_id == centro_id)).all()
    return {e.id for e in rows if (e.age_min_months, e.age_max_months) != (-9, 72)}


def shown(view) -> list[int]:
    return [e.id for a in view.areas for e in a.cards]


def test_every_centre_page_shows_all_its_published_entries_by_area(state):
    centri = _centri()
    assert len(centri) >= 16
    for centro in centri:
        s = state(CartaCentroState, f"/carta/{centro.slug}")
        run_async(s.on_load())
        assert s.status == "ok", centro.slug
        ids = shown(s.carta)
        assert len(ids) == len(set(ids)) and set(ids) == _published(centro.id), centro.slug
        order = [*AREAS, OTHER_AREA]
        slugs = [a.slug for a in s.carta.areas]
        assert slugs == sorted(slugs, key=order.index) and all(a.cards for a in s.carta.areas)
        # An age only where one is stated (issue 16: the whole 0–6 range means none was).
        stated = _stated_ages(centro.id)
        assert all(any(f.label == "Età" for f in e.facts) == (e.id in stated) for a in s.carta.areas for e in a.cards)
        assert s.carta.served and s.carta.status and s.carta.updated
        assert s.share_url == f"http://test.local/carta/{centro.slug}" and s.qr.startswith("data:image/svg+xml")


def test_unpublished_entries_never_show(state, tmp_path):
    with Session(get_engine()) as db:
        entry = db.exec(select(CardEntry).where(CardEntry.status == EntryStatus.PUBLISHED)).first()
        centro = db.get(Centro, entry.centro_id)
        entry.status = EntryStatus.DRAFT
        db.add(entry)
        db.commit()
        try:
            s = state(CartaCentroState, f"/carta/{centro.slug}")
            run_async(s.on_load())
            assert entry.id not in shown(s.carta)
        finally:
            entry.status = EntryStatus.PUBLISHED
            db.add(entry)
            db.commit()


def test_english_page_and_age_range_in_words(state):
    s = state(CartaCentroState, "/carta/asti?lang=en")
    run_async(s.on_load())
    assert s.status == "ok" and s.lang == "en"
    labels = {f.label for a in s.carta.areas for e in a.cards for f in e.facts}
    assert "Age" in labels
    assert s.carta.href == "/carta/asti?lang=en" and s.share_url.endswith("/carta/asti?lang=en")
    assert s.print_href == "/carta/stampa?centro=asti&lang=en"


@pytest.mark.parametrize(
    ("lang", "title"), [("it", "Centro non trovato – Carta ZeroSei"), ("en", "Centre not found – Carta ZeroSei")]
)
def test_unknown_slug_is_not_found_in_the_page_language(state, lang, title):
    s = state(CartaCentroState, f"/carta/nessun-centro?lang={lang}")
    run_async(s.on_load())
    assert s.status == "not_found" and s.page_title == title and s.lang == lang


def test_old_slug_redirects_to_the_new_one(state):
    with Session(get_engine()) as db:
        centro = db.exec(select(Centro).where(Centro.slug == "asti")).one()
        db.add(CentroSlugHistory(slug="asti-vecchio", centro_id=centro.id))
        db.commit()
    try:
        s = state(CartaCentroState, "/carta/asti-vecchio?lang=en")
        events = run_async(s.on_load())
        assert redirect_target(events) == ("/carta/asti?lang=en", True)
    finally:
        with Session(get_engine()) as db:
            db.delete(db.get(CentroSlugHistory, "asti-vecchio"))
            db.commit()


def test_directory_lists_every_active_centre_by_province(state):
    s = state(CartaState, "/carta")
    run_async(s.on_load())
    listed = [c.slug for p in s.province for c in p.centri]
    assert sorted(listed) == sorted(c.slug for c in _centri())
    assert [p.sigla for p in s.province][0] == "TO"
    assert len(s.marker_list) == len(listed) and all(m.href.startswith("/carta/") for m in s.marker_list)
    assert "1180" in s.map_summary.replace(".", "").replace(",", "")
    with TestClient(api) as client:
        assert sorted(listed) == sorted(c["slug"] for c in client.get("/api/v1/centri").json())


def test_find_by_comune_cap_or_name(state):
    s = state(CartaState, "/carta")
    run_async(s.on_load())
    s.search("10024")  # Moncalieri's CAP
    assert s.options and s.options[0].value == "c:001156"
    run_async(s.pick("c:001156"))
    # No centre is known for Moncalieri: the nearest registered one is said as such, not as "serving" it.
    assert s.found and s.found_title == "Per Moncalieri (TO):" and "più vicino" in s.found[0].kicker
    s.search("relazioni")
    assert s.options[0].value == "s:torino-centro-relazioni-e-famiglie"
    assert redirect_target(run_async(s.pick(s.options[0].value)))[0] == "/carta/torino-centro-relazioni-e-famiglie"
    assert run_async(s.pick("x:<script>")) is None and run_async(s.pick("c:99")) is None


def test_print_edition_whole_province_and_one_centre(state):
    s = state(CartaPrintState, "/carta/stampa")
    run_async(s.on_load())
    assert len(s.sections) == len(_centri())
    assert sum(len(p.centri) for p in s.contents) == len(s.sections)
    assert all(
        sec.qr.startswith("data:image/svg+xml") and sec.url.startswith("http://test.local/carta/") for sec in s.sections
    )
    s = state(CartaPrintState, "/carta/stampa?provincia=at")
    run_async(s.on_load())
    assert s.sections and all(sec.carta.provincia == "AT" for sec in s.sections) and s.scope == "Provincia di Asti"
    s = state(CartaPrintState, "/carta/stampa?centro=asti&lang=en")
    run_async(s.on_load())
    assert [sec.carta.slug for sec in s.sections] == ["asti"] and s.sections[0].url.endswith("/carta/asti?lang=en")
    s = state(CartaPrintState, "/carta/stampa?provincia=MI")
    run_async(s.on_load())
    assert s.notices and len(s.sections) == len(_centri())


def test_a_link_by_id_leads_to_the_centre_page(state):
    centro = next(c for c in _centri() if c.slug == "asti")
    s = state(CartaState, f"/carta?centro={centro.id}&lang=en")
    assert redirect_target(run_async(s.on_load())) == ("/carta/asti?lang=en", True)
    for bad in ("999999", "abc", "1" * 30, "²", "١", "１"):  # other scripts' digits are not ids
        s = state(CartaState, f"/carta?centro={bad}")
        run_async(s.on_load())
        assert s.loaded


def test_a_slug_typed_in_capitals_leads_to_the_canonical_address(state):
    s = state(CartaCentroState, "/carta/ASTI?lang=en")
    assert redirect_target(run_async(s.on_load())) == ("/carta/asti?lang=en", True)


def test_an_over_long_print_parameter_is_said_and_the_whole_edition_shown(state):
    s = state(CartaPrintState, "/carta/stampa?provincia=" + "T" * 50)
    run_async(s.on_load())
    assert any("non è una provincia" in n for n in s.notices) and len(s.sections) == len(_centri())


def test_find_by_comune_never_names_a_guess_as_the_comune_s_centre(state):
    s = state(CartaState, "/carta")
    run_async(s.on_load())
    run_async(s.pick("c:004077"))  # Crissolo: its ente is only a lead, so the nearest registered centre
    assert s.found_title == "Per Crissolo (CN):"
    assert s.found[0].kicker.startswith("Il centro più vicino tra quelli registrati · a circa ")
    assert s.found[0].kicker.split("a circa ")[1].split(" ")[0].isdigit() and s.found[0].note
    assert "più vicino" in s.status
    run_async(s.pick("c:001009"))  # Andezeno: its ente gestore (CSSAC Chieri) runs no registered centre
    assert s.found_title == "Per Andezeno (TO):" and len(s.found) == 1
    ente = s.found[0]
    assert (
        ente.href == "" and "Chierese" in ente.name and ente.kicker == "Chi gestisce i servizi sociali del tuo comune"
    )
    assert any(link.href == "tel:0119424434" for link in ente.links)
    run_async(s.pick("c:001272"))  # Torino: its own centre
    assert (
        s.found_title.startswith("Centri che servono Torino") and s.found[0].kicker == "Il tuo Centro per le famiglie"
    )


def test_a_centre_page_counts_only_the_comuni_it_serves(state):
    from collections import Counter

    from zerosei_app.models import Copertura

    with Session(get_engine()) as db:
        links = db.exec(select(Copertura)).all()
        guessed = Counter(k.centro_id for k in links if k.origine == "inferito")
        known = Counter(k.centro_id for k in links if k.origine != "inferito")
        centro_id, n_guessed = guessed.most_common(1)[0]
        slug = db.get(Centro, centro_id).slug
    s = state(CartaCentroState, f"/carta/{slug}")
    run_async(s.on_load())
    assert s.carta.served_title == f"Comuni serviti: {known[centro_id]}"
    assert sum(g.count for g in s.carta.served) == known[centro_id]
    [nearest] = s.carta.nearest_for
    assert nearest.count == n_guessed and nearest.label.startswith("Centro registrato più vicino per questi comuni")
    d = state(CartaState, "/carta")
    run_async(d.on_load())
    row = next(c for p in d.province for c in p.centri if c.slug == slug)
    assert row.n_comuni.endswith(f"centro registrato più vicino per altri {n_guessed} comuni")
