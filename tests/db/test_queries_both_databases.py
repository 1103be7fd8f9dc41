"""The parents' path and the open data queries give the same answers on SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import date

from sqlmodel import Session

from tests.confirmed_cartas import confirm_templates
from zerosei_app.data.seed import seed
from zerosei_app.db import make_engine
from zerosei_app.domain.link import parse_query_string
from zerosei_app.prestart import migrate
from zerosei_app.queries import opendata
from zerosei_app.queries.comuni import build_index
from zerosei_app.queries.percorso import load_path
from zerosei_app.view.percorso_out import percorso_out

TODAY = date(2026, 11, 25)


def _answers(url: str) -> dict:
    migrate(url)
    engine = make_engine(url)
    with Session(engine) as s:
        seed(s)
        confirm_templates(s)  # Cartas the centres confirmed (the seed publishes only the sourced entries)
        s.commit()
    with Session(engine) as s:
        index = build_index(s)
        out = {
            "search": [c.codice_istat for c in index.search("baldissero")],
            "centri": [(r.centro.name, r.n_served) for r in opendata.centri_list(s)],
            "voci": len(opendata.voci_list(s, codice_istat="004078")),
        }
        for qs in [
            "comune=001255&nascita=2025-05&temi=gioco-socialita",
            "comune=004078&nascita=2024-01,2026-10&attesa=2027-03",
            "comune=003040&nascita=2021-01",
            "comune=001272&nascita=2025-09",
        ]:
            query = parse_query_string(qs).query
            result = load_path(s, query, TODAY)
            out[qs] = (
                percorso_out(result.data, query.lang).model_dump(mode="json")
                if result.data
                else [e.code for e in result.errors]
            )
    engine.dispose()
    return out


def test_same_answers(empty_url, tmp_path):
    reference = _answers(f"sqlite:///{tmp_path / 'ref.db'}")
    # Sourced steps for every family; Torino's centre has sourced services (no invented ones any more).
    assert reference["comune=001255&nascita=2025-05&temi=gioco-socialita"]["figli"][0]["tappe"]
    torino = reference["comune=001272&nascita=2025-09"]["figli"][0]
    assert torino["adesso"] or torino["prossimi"]
    assert _answers(empty_url) == reference
