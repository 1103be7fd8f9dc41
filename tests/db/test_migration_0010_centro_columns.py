"""Revision 0010_h19_centro: `centro` and `copertura` columns get English names (issue 19), with the values, the
renamed index and the audit history's keys, on both databases; the downgrade gives the old names back."""

from __future__ import annotations

import json
from datetime import datetime

import sqlalchemy as sa
from sqlalchemy import inspect
from sqlmodel import Session, select

from alembic import command
from zerosei_app.db import make_engine
from zerosei_app.models import AuditRecord, Centro, Copertura
from zerosei_app.prestart import alembic_config, migrate

BEFORE = "0009_h18"
OLD_VALUES: dict = {
    "nome": "Centro per le famiglie di Alba",
    "indirizzo": "Via Roma 1",
    "telefono": "0173 000000",
    "sito": "https://www.example.org",
    "orari": "lun-ven 9-13",
    "orari_data": "2019",
    "lingue_mediazione": ["ar"],
    "ente_nella_fonte": "Consorzio Socio Assistenziale",
    "territorio_nella_fonte": "Alba e dintorni",
    "servizi_citati": "Mediazione familiare",
    "fonte_url": "https://www.example.org/fonte",
    "data_fonte": "2025",
    "nota_verifica": "parziale",
    "note_interne": "Da ricontrollare",
    "chiave_fonte": "alba-csa",
}
NEW_NAMES = {
    "nome": "name",
    "indirizzo": "address",
    "telefono": "phone",
    "sito": "website",
    "orari": "hours",
    "orari_data": "hours_as_of",
    "lingue_mediazione": "mediation_languages",
    "ente_nella_fonte": "ente_as_cited",
    "territorio_nella_fonte": "territory_as_cited",
    "servizi_citati": "services_cited",
    "fonte_url": "source_url",
    "data_fonte": "source_date",
    "nota_verifica": "verification_note",
    "note_interne": "internal_notes",
    "chiave_fonte": "source_key",
}
OLD_AUDIT = {"nome": "Centro Alba", "indirizzo": None, "stato_verifica": "verificato", "version": 1}
COVERAGE_AUDIT = {"comune": "004003", "origine": "inferito"}


def _columns(engine, table: str) -> set[str]:
    return {c["name"] for c in inspect(engine).get_columns(table)}


def _indexes(engine) -> set[str]:
    return {i["name"] for i in inspect(engine).get_indexes("centro")}


def _audit(engine) -> dict[str, tuple]:
    with engine.connect() as conn:
        rows = conn.execute(sa.text("SELECT entity, before, after FROM audit_record ORDER BY id")).all()
    out = {}
    for entity, before, after in rows:
        load = lambda v: json.loads(v) if isinstance(v, str) else v  # noqa: E731 - SQLite returns text
        out[entity] = (load(before), load(after))
    return out


def test_centre_and_coverage_columns_and_the_audit_keys_are_renamed_both_ways(empty_url):
    cfg = alembic_config(empty_url)
    command.upgrade(cfg, BEFORE)
    engine = make_engine(empty_url)
    with engine.begin() as conn:  # rows saved before 0010 (plain SQL: the models have the new names)
        conn.execute(
            sa.text(
                "INSERT INTO comune (codice_istat, nome, sigla_provincia, cap) VALUES ('004003', 'Alba', 'CN', '[]')"
            )
        )
        names = ", ".join(OLD_VALUES)
        conn.execute(
            sa.text(
                f"INSERT INTO centro ({names}, codice_istat, stato_verifica, is_active, created_at, updated_at, version)"
                f" VALUES ({', '.join(':' + k for k in OLD_VALUES)}, '004003', 'parziale', true,"
                " CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, 1)"
            ).bindparams(sa.bindparam("lingue_mediazione", type_=sa.JSON)),
            OLD_VALUES,
        )
        centro_id = conn.execute(sa.text("SELECT id FROM centro")).scalar_one()
        conn.execute(
            sa.text(
                "INSERT INTO copertura (centro_id, codice_istat, origine, distanza_km, nota)"
                " VALUES (:c, '004003', 'inferito', 12.5, 'Il centro più vicino')"
            ),
            {"c": centro_id},
        )
        audit = sa.table(
            "audit_record", sa.column("entity", sa.String), sa.column("entity_id", sa.Integer),
            sa.column("centro_id", sa.Integer), sa.column("action", sa.String), sa.column("before", sa.JSON),
            sa.column("after", sa.JSON), sa.column("created_at", sa.DateTime),
        )  # fmt: skip
        common = {"entity_id": centro_id, "centro_id": centro_id, "created_at": datetime(2026, 12, 1, 9, 0)}
        conn.execute(
            audit.insert(),
            [
                common
                | {
                    "entity": "centro",
                    "action": "update",
                    "before": OLD_AUDIT,
                    "after": OLD_AUDIT | {"nome": "Centro Alba 2"},
                },
                common | {"entity": "copertura", "action": "link", "before": None, "after": COVERAGE_AUDIT},
            ],
        )

    migrate(empty_url)
    assert not set(NEW_NAMES) & _columns(engine, "centro")
    assert {"distance_km", "note"} <= _columns(engine, "copertura")
    assert "ix_centro_source_key" in _indexes(engine) and "ix_centro_chiave_fonte" not in _indexes(engine)
    with Session(engine) as s:
        centro = s.exec(select(Centro)).one()
        for old, new in NEW_NAMES.items():
            assert getattr(centro, new) == OLD_VALUES[old], new
        link = s.exec(select(Copertura)).one()
        assert (link.distance_km, link.note) == (12.5, "Il centro più vicino")
        record = s.exec(select(AuditRecord).where(AuditRecord.entity == "centro")).one()
        assert record.before == {"name": "Centro Alba", "address": None, "stato_verifica": "verificato", "version": 1}
        assert record.after["name"] == "Centro Alba 2" and "nome" not in record.after
    assert _audit(engine)["copertura"] == (None, COVERAGE_AUDIT)  # its keys are no column names: unchanged

    command.downgrade(cfg, BEFORE)
    assert set(NEW_NAMES) <= _columns(engine, "centro")
    assert not set(NEW_NAMES.values()) & _columns(engine, "centro")
    assert {"distanza_km", "nota"} <= _columns(engine, "copertura")
    assert "ix_centro_chiave_fonte" in _indexes(engine) and "ix_centro_source_key" not in _indexes(engine)
    with engine.connect() as conn:
        row = conn.execute(sa.text(f"SELECT {', '.join(OLD_VALUES)} FROM centro")).mappings().one()
        assert {k: row[k] for k in OLD_VALUES if k != "lingue_mediazione"} == {
            k: v for k, v in OLD_VALUES.items() if k != "lingue_mediazione"
        }
        assert conn.execute(sa.text("SELECT distanza_km, nota FROM copertura")).one() == (12.5, "Il centro più vicino")
    audit = _audit(engine)
    assert audit["centro"] == (OLD_AUDIT, OLD_AUDIT | {"nome": "Centro Alba 2"})
    assert audit["copertura"] == (None, COVERAGE_AUDIT)
    command.upgrade(cfg, "head")
    assert "name" in _columns(engine, "centro")
    engine.dispose()
