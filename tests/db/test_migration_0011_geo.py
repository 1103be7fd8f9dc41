"""Revision 0011: comuni and enti gestori get English column names; values, indexes and audit history follow,
and the downgrade brings the old names back (on both databases)."""

from __future__ import annotations

import json

import sqlalchemy as sa
from sqlalchemy import inspect
from sqlmodel import Session, select

from alembic import command
from zerosei_app.db import make_engine
from zerosei_app.models import AuditRecord, Comune, ComuneEnteGestore, ComuneEnteGestoreProposta, EnteGestore
from zerosei_app.prestart import alembic_config, migrate

BEFORE = "0009_h18"


def _columns(engine, table: str) -> set[str]:
    return {c["name"] for c in inspect(engine).get_columns(table)}


def _indexes(engine, table: str) -> set[str]:
    return {i["name"] for i in inspect(engine).get_indexes(table)}


def _audit(engine) -> dict[str, tuple[dict, dict]]:
    with engine.connect() as conn:
        rows = conn.execute(sa.text("SELECT entity, action, before, after FROM audit_record")).all()
    load = lambda v: json.loads(v) if isinstance(v, str) else v  # noqa: E731 (SQLite gives text)
    return {f"{e}/{a}": (load(b), load(x)) for e, a, b, x in rows}


def _old_rows(engine) -> None:
    """Rows saved before 0011 (plain SQL with the old column names: the models have the new ones)."""
    with engine.begin() as conn:
        conn.execute(
            sa.text(
                "INSERT INTO comune (codice_istat, nome, nome_altra_lingua, sigla_provincia, cap, popolazione,"
                " fonte_coordinate, sito, telefono, indirizzo_sede, contatti_fonte, contatti_data_fonte,"
                " contatti_note, contatti_modificati_il) VALUES ('001272', 'Torino', 'Turin', 'TO', '[]', 872367,"
                " 'OSM', 'www.comune.torino.it', '011 01111', 'Piazza Palazzo di Città 1', 'IndicePA', '2026-11-29',"
                " 'nota', '2026-12-01 10:00:00')"
            )
        )
        conn.execute(
            sa.text(
                "INSERT INTO ente_gestore (id, nome, sigla, sede, n_comuni_dichiarati, fonte_url, data_fonte, note,"
                " chiave, telefono_fonte, sito, telefono) VALUES (5, 'Consorzio X', 'CX', 'Chieri', '22',"
                " 'https://x.it', '2025', 'una nota', 'cx-chieri', 'ufficio — https://x.it', 'www.x.it', '011 1')"
            )
        )
        conn.execute(
            sa.text(
                "INSERT INTO comune_ente_gestore (codice_istat, ente_gestore_id, nome_nella_fonte, fonte_url,"
                " data_riferimento, note, fonte_titolo, evidenza, confidenza, modificato_il) VALUES ('001272', 5,"
                " 'Consorzio X', 'https://x.it/c', '2017', 'nota link', 'Titolo', 'evidenza', 'alta',"
                " '2026-12-02 10:00:00')"
            )
        )
        conn.execute(
            sa.text(
                "INSERT INTO comune_ente_gestore_proposta (codice_istat, ente_gestore_id, nome_nella_fonte, fonte_url,"
                " fonte_titolo, data_fonte, evidenza, confidenza, stato) VALUES ('001272', 5, 'CX', 'https://x.it/p',"
                " 'Titolo P', '2024', 'indizio', 'bassa', 'da_confermare')"
            )
        )
        audit = (
            "INSERT INTO audit_record (entity, entity_id, action, before, after, created_at)"
            " VALUES (:e, :i, :a, :b, :x, CURRENT_TIMESTAMP)"
        )
        statement = sa.text(audit).bindparams(sa.bindparam("b", type_=sa.JSON), sa.bindparam("x", type_=sa.JSON))
        for entity, entity_id, action, before, after in (
            ("comune", 1272, "contatti", {"sito": "a", "telefono": "1", "contatti_note": None}, {"sito": "b"}),
            ("ente_gestore", 5, "import", None, {"id": 5, "nome": "Consorzio X", "sigla": "CX", "chiave": "cx"}),
            ("comune_ente_gestore", 1272, "set_ente", {"nome_nella_fonte": "A", "modificato_il": None}, {"note": "n"}),
            ("comune_ente_gestore", 1272, "reject_lead", {"ente_gestore_id": 5, "stato": "da_confermare"}, None),
            ("centro", 1, "update", {"nome": "Centro", "sito": "c"}, {"nome": "Centro 2"}),  # not these tables
        ):
            conn.execute(statement, {"e": entity, "i": entity_id, "a": action, "b": before, "x": after})


def test_geography_columns_get_english_names_and_come_back(empty_url):
    cfg = alembic_config(empty_url)
    command.upgrade(cfg, BEFORE)
    engine = make_engine(empty_url)
    _old_rows(engine)
    migrate(empty_url)
    with Session(engine) as s:
        torino = s.get(Comune, "001272")
        assert (torino.name, torino.name_other_language, torino.population) == ("Torino", "Turin", 872367)
        assert (torino.website, torino.phone, torino.office_address) == (
            "www.comune.torino.it",
            "011 01111",
            "Piazza Palazzo di Città 1",
        )
        assert (torino.contacts_source, torino.contacts_source_date, torino.contacts_notes) == (
            "IndicePA",
            "2026-11-29",
            "nota",
        )
        assert torino.contacts_edited_at is not None and torino.coordinates_source == "OSM"
        ente = s.get(EnteGestore, 5)
        assert (ente.name, ente.short_name, ente.seat, ente.comuni_declared) == ("Consorzio X", "CX", "Chieri", "22")
        assert (ente.source_url, ente.source_date, ente.notes, ente.source_key) == (
            "https://x.it",
            "2025",
            "una nota",
            "cx-chieri",
        )
        assert ente.phone_source.startswith("ufficio") and (ente.website, ente.phone) == ("www.x.it", "011 1")
        link = s.get(ComuneEnteGestore, "001272")
        assert (link.name_as_cited, link.source_url, link.reference_date, link.notes) == (
            "Consorzio X",
            "https://x.it/c",
            "2017",
            "nota link",
        )
        assert (link.source_title, link.evidence, link.confidenza) == ("Titolo", "evidenza", "alta")
        assert link.edited_at is not None
        lead = s.exec(select(ComuneEnteGestoreProposta)).one()
        assert (lead.name_as_cited, lead.source_url, lead.source_title, lead.source_date, lead.evidence) == (
            "CX",
            "https://x.it/p",
            "Titolo P",
            "2024",
            "indizio",
        )
        assert lead.status == "da_confermare" and lead.decided_at is None and lead.decided_by is None
        assert s.exec(select(Comune).where(Comune.name == "Torino")).one() is torino
        assert len(s.exec(select(AuditRecord)).all()) == 5
    assert "ix_comune_name" in _indexes(engine, "comune") and "ix_comune_nome" not in _indexes(engine, "comune")
    assert "ix_ente_gestore_source_key" in _indexes(engine, "ente_gestore")
    assert "ix_comune_ente_gestore_proposta_status" in _indexes(engine, "comune_ente_gestore_proposta")
    audit = _audit(engine)
    assert audit["comune/contatti"] == ({"website": "a", "phone": "1", "contacts_notes": None}, {"website": "b"})
    assert audit["ente_gestore/import"] == (
        None,
        {"id": 5, "name": "Consorzio X", "short_name": "CX", "source_key": "cx"},
    )
    assert audit["comune_ente_gestore/set_ente"] == ({"name_as_cited": "A", "edited_at": None}, {"notes": "n"})
    assert audit["comune_ente_gestore/reject_lead"] == ({"ente_gestore_id": 5, "status": "da_confermare"}, None)
    # A centre's own keys: renamed by its own migration (0010), by centro's names, not comune's.
    assert audit["centro/update"] == ({"name": "Centro", "website": "c"}, {"name": "Centro 2"})

    command.downgrade(cfg, BEFORE)
    assert {"nome", "sito", "contatti_modificati_il", "popolazione"} <= _columns(engine, "comune")
    assert not {"name", "website", "contacts_edited_at", "population"} & _columns(engine, "comune")
    assert {"nome", "sigla", "chiave", "telefono_fonte"} <= _columns(engine, "ente_gestore")
    assert {"nome_nella_fonte", "modificato_il", "note"} <= _columns(engine, "comune_ente_gestore")
    assert {"stato", "deciso_da", "data_fonte"} <= _columns(engine, "comune_ente_gestore_proposta")
    assert "ix_comune_nome" in _indexes(engine, "comune") and "ix_ente_gestore_chiave" in _indexes(
        engine, "ente_gestore"
    )
    assert "ix_comune_ente_gestore_proposta_stato" in _indexes(engine, "comune_ente_gestore_proposta")
    with engine.connect() as conn:
        assert conn.execute(sa.text("SELECT nome, popolazione FROM comune")).one() == ("Torino", 872367)
        assert conn.execute(sa.text("SELECT chiave FROM ente_gestore")).scalar() == "cx-chieri"
        assert conn.execute(sa.text("SELECT evidenza FROM comune_ente_gestore")).scalar() == "evidenza"
        assert conn.execute(sa.text("SELECT stato FROM comune_ente_gestore_proposta")).scalar() == "da_confermare"
    audit = _audit(engine)
    assert audit["comune/contatti"] == ({"sito": "a", "telefono": "1", "contatti_note": None}, {"sito": "b"})
    assert audit["ente_gestore/import"][1] == {"id": 5, "nome": "Consorzio X", "sigla": "CX", "chiave": "cx"}
    assert audit["comune_ente_gestore/set_ente"] == ({"nome_nella_fonte": "A", "modificato_il": None}, {"note": "n"})
    assert audit["comune_ente_gestore/reject_lead"][0] == {"ente_gestore_id": 5, "stato": "da_confermare"}
    command.upgrade(cfg, "head")
    assert "name" in _columns(engine, "comune")
    engine.dispose()
