"""Issue 16 on the Carta: every centre's page names what every centre offers by regional rule (with its
sources); the print edition carries the functions once and the public steps 0-6, compact."""

from __future__ import annotations

from sqlmodel import Session, select

from tests.state.conftest import run_async
from zerosei_app.db import get_engine
from zerosei_app.models import Centro
from zerosei_app.state.carta_centro import CartaCentroState
from zerosei_app.state.carta_print import CartaPrintState


def test_every_centre_carta_names_the_four_irrinunciabili_with_sources(state):
    with Session(get_engine()) as db:
        slugs = [c.slug for c in db.exec(select(Centro)).all()]
    for slug in slugs:
        s = state(CartaCentroState, f"/carta/{slug}")
        run_async(s.on_load())
        assert s.status == "ok", slug
        assert [f.name for f in s.funzioni.every][-1] == "Mediazione familiare", slug
        assert len(s.funzioni.every) == 4 and len(s.funzioni.maybe) >= 10
        assert s.funzioni.sources and all(f.href.startswith("https://") for f in s.funzioni.sources)


def test_print_edition_has_the_tappe_compact_and_sourced(state):
    s = state(CartaPrintState, "/carta/stampa?provincia=VB")
    run_async(s.on_load())
    assert len(s.tappe) == 25
    assert s.tappe[0].age.lower().startswith("dalla gravidanza") or "gravidanza" in s.tappe[0].age.lower()
    assert all(x.source and x.who for x in s.tappe)
    assert any(x.check == "Da verificare sul sito ufficiale" for x in s.tappe)
    assert len(s.funzioni.every) == 4
