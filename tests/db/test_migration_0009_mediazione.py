"""Revision 0009: centres get `lingue_mediazione`, empty (not stated) for every existing one, on both databases."""

from __future__ import annotations

import sqlalchemy as sa
from sqlalchemy import inspect
from sqlmodel import Session, select

from alembic import command
from zerosei_app.db import make_engine
from zerosei_app.models import Centro
from zerosei_app.prestart import alembic_config, migrate


def _columns(engine) -> set[str]:
    return {c["name"] for c in inspect(engine).get_columns("centro")}


def test_existing_centres_state_no_mediator_and_the_column_goes_back(empty_url):
    cfg = alembic_config(empty_url)
    command.upgrade(cfg, "0007_h17b")
    engine = make_engine(empty_url)
    with engine.begin() as conn:  # a centre saved before 0009 (plain SQL: the model has the new column)
        conn.execute(
            sa.text(
                "INSERT INTO comune (codice_istat, nome, sigla_provincia, cap) VALUES ('001272', 'Torino', 'TO', '[]')"
            )
        )
        conn.execute(
            sa.text(
                "INSERT INTO centro (nome, codice_istat, stato_verifica, is_active, created_at, updated_at, version) VALUES ('Centro', '001272', 'verificato', true, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, 1)"
            )
        )
    migrate(empty_url)
    with Session(engine) as s:
        centro = s.exec(select(Centro)).one()
        assert centro.mediation_languages == []  # not stated: nothing assumed
        centro.mediation_languages = ["ar", "ro"]
        s.add(centro)
        s.commit()
        s.refresh(centro)
        assert centro.mediation_languages == ["ar", "ro"]
    command.downgrade(cfg, "0007_h17b")
    assert "lingue_mediazione" not in _columns(engine)
    command.upgrade(cfg, "head")
    assert "mediation_languages" in _columns(engine)  # renamed by 0010_h19_centro
    engine.dispose()
