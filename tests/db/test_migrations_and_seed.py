"""Empty database → Alembic head → seed: the real data, with every comune reaching a centre."""

from __future__ import annotations

from sqlalchemy import inspect
from sqlmodel import Session, SQLModel, func, select

from alembic import command
from zerosei_app.data.seed import seed_if_empty
from zerosei_app.db import make_engine
from zerosei_app.models import CardEntry, Centro, Comune, ComuneEnteGestore, Copertura, StatoVerifica
from zerosei_app.prestart import alembic_config, migrate


def test_migrate_then_seed(empty_url):
    migrate(empty_url)
    engine = make_engine(empty_url)
    assert set(SQLModel.metadata.tables) <= set(inspect(engine).get_table_names())
    with Session(engine) as s:
        assert seed_if_empty(s) is True
        assert s.exec(select(func.count()).select_from(Comune)).one() == 1180
        assert s.exec(select(func.count()).select_from(Centro)).one() == 29
        # Every comune reaches a centre or its named ente gestore (which then runs none of them).
        uncovered = s.exec(
            select(func.count())
            .select_from(Comune)
            .where(
                Comune.codice_istat.not_in(select(Copertura.codice_istat)),
                Comune.codice_istat.not_in(select(ComuneEnteGestore.codice_istat)),
            )
        ).one()
        assert uncovered == 0
        # Idempotent: a second run changes nothing.
        before = s.exec(select(func.count()).select_from(CardEntry)).one()
        assert seed_if_empty(s) is False
        assert s.exec(select(func.count()).select_from(CardEntry)).one() == before
        # Only the 47 entries a public source names (issue 16): none is an example, each cites its source.
        entries = s.exec(select(CardEntry)).all()
        assert len(entries) == 47 and len({e.centro_id for e in entries}) == 11
        assert not any(e.is_example for e in entries) and all(e.source_url for e in entries)
        # Uncertain centres stay uncertain.
        stati = {c.source_key: c.stato_verifica for c in s.exec(select(Centro)).all()}
        assert stati["settimo-facendofamiglia"] == StatoVerifica.SOLO_NOME
        assert stati["borgomanero-ciss"] == StatoVerifica.INCERTO
    engine.dispose()


def test_downgrade_to_base_and_back(tmp_path):
    url = f"sqlite:///{tmp_path / 'd.db'}"
    migrate(url)
    cfg = alembic_config(url)
    command.downgrade(cfg, "base")
    engine = make_engine(url)
    assert set(inspect(engine).get_table_names()) <= {"alembic_version"}
    engine.dispose()
    migrate(url)


def test_models_match_migrations(tmp_path):
    """A model change without a migration fails here (alembic autogenerate finds no diff)."""
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    url = f"sqlite:///{tmp_path / 'c.db'}"
    migrate(url)
    engine = make_engine(url)
    with engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), SQLModel.metadata)
    engine.dispose()
    assert diff == []


def test_coverage_rule_documented_links(db):
    links = db.exec(select(Copertura)).all()
    by_origin = {}
    for link in links:
        by_origin.setdefault(link.origine, []).append(link)
    assert {"esplicito", "ente_gestore", "inferito"} <= set(by_origin)
    assert all(link.distance_km is not None for link in by_origin["inferito"])
    # Cuneo's consorzio (CSAC) serves its 53 comuni through its centre.
    assert len(by_origin["ente_gestore"]) >= 53
