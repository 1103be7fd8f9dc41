"""Revision 0012_h19_tappa: the tappe's, closures' and reminders' columns and the old slugs' table get English
names, with the audit history of "tappa" and "chiusura" rewritten; downgrade gives the old names back. Both databases."""

from __future__ import annotations

from datetime import date

import sqlalchemy as sa
from sqlalchemy import inspect
from sqlmodel import Session, select

from alembic import command
from zerosei_app.db import make_engine
from zerosei_app.models import AuditRecord, CentroSlugHistory, Chiusura, ReviewReminder, Tappa
from zerosei_app.prestart import alembic_config, migrate

BEFORE = "0009_h18"
OLD_TAPPA = {"id": "buono_vesta", "titolo": "Buono Vesta", "sintesi": "Un buono.", "fonte_titolo": "Regione"}
NEW_TAPPA = {"id": "buono_vesta", "title": "Buono Vesta", "summary": "Un buono.", "source_title": "Regione"}
OLD_CHIUSURA = {"id": 1, "centro_id": 1, "dal": "2027-08-01", "al": "2027-08-31", "motivo": "ferie"}
NEW_CHIUSURA = {"id": 1, "centro_id": 1, "starts_on": "2027-08-01", "ends_on": "2027-08-31", "reason": "ferie"}
OTHER = {"titolo": "Una voce", "motivo": "non è una chiusura"}  # another entity: its keys are not these tables'


def _columns(engine, table: str) -> set[str]:
    return {c["name"] for c in inspect(engine).get_columns(table)}


def _indexes(engine, table: str) -> set[str]:
    return {i["name"] for i in inspect(engine).get_indexes(table)}


def _audit(engine) -> dict[int, tuple]:
    with engine.connect() as conn:
        rows = conn.execute(
            sa.text("SELECT id, before, after FROM audit_record ORDER BY id").columns(
                sa.column("id", sa.Integer()), sa.column("before", sa.JSON()), sa.column("after", sa.JSON())
            )
        ).all()
    return {r.id: (r.before, r.after) for r in rows}


def _old_rows(engine) -> None:
    """Rows saved before the rename, in plain SQL with the old names."""
    audit = sa.text(
        "INSERT INTO audit_record (id, entity, entity_id, centro_id, action, before, after, created_at) "
        "VALUES (:id, :entity, :entity_id, 1, :action, :before, :after, CURRENT_TIMESTAMP)"
    ).bindparams(
        sa.bindparam("before", type_=sa.JSON(none_as_null=True)),
        sa.bindparam("after", type_=sa.JSON(none_as_null=True)),
    )
    with engine.begin() as conn:
        conn.execute(
            sa.text(
                "INSERT INTO comune (codice_istat, nome, sigla_provincia, cap) VALUES ('001272', 'Torino', 'TO', '[]')"
            )
        )
        conn.execute(
            sa.text(
                "INSERT INTO centro (id, nome, codice_istat, stato_verifica, is_active, created_at, updated_at, version) "
                "VALUES (1, 'Centro', '001272', 'verificato', true, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, 1)"
            )
        )
        conn.execute(
            sa.text(
                "INSERT INTO tappa (id, titolo, sintesi, eta_da_mesi, eta_a_mesi, quando, chi, link, ambito, fonte_url, "
                "fonte_titolo, fonte_data, da_verificare, verificato_il, aggiornato_il, version) VALUES ('buono_vesta', "
                "'Buono Vesta', 'Un buono.', 0, 72, 'ogni anno', 'Regione Piemonte', NULL, 'regionale', "
                "'https://vestapiemonte.it/', 'Regione', '2026-12', true, '2026-12-06', CURRENT_TIMESTAMP, 2)"
            )
        )
        conn.execute(
            sa.text(
                "INSERT INTO chiusura (id, centro_id, entry_id, dal, al, motivo, created_at) "
                "VALUES (1, 1, NULL, '2027-08-01', '2027-08-31', 'ferie', CURRENT_TIMESTAMP)"
            )
        )
        conn.execute(
            sa.text(
                "INSERT INTO review_reminder (id, centro_id, sent_on, sequence, status, entry_ids, contatti, recipients, cc, "
                "created_at) VALUES (1, 1, '2026-12-01', 1, 'inviato', '[]', true, '[]', '[]', CURRENT_TIMESTAMP)"
            )
        )
        conn.execute(
            sa.text(
                "INSERT INTO centro_slug_storico (slug, centro_id, created_at) "
                "VALUES ('torino-vecchio', 1, CURRENT_TIMESTAMP)"
            )
        )
        conn.execute(
            audit, dict(id=1, entity="tappa", entity_id=None, action="update", before=OLD_TAPPA, after=OLD_TAPPA)
        )
        conn.execute(
            audit, dict(id=2, entity="chiusura", entity_id=1, action="create", before=None, after=OLD_CHIUSURA)
        )
        conn.execute(
            audit, dict(id=3, entity="chiusura", entity_id=1, action="delete", before=OLD_CHIUSURA, after=None)
        )
        conn.execute(audit, dict(id=4, entity="card_entry", entity_id=7, action="update", before=OTHER, after=OTHER))


def test_the_columns_and_the_audit_keys_are_renamed_and_come_back(empty_url):
    cfg = alembic_config(empty_url)
    command.upgrade(cfg, BEFORE)
    engine = make_engine(empty_url)
    _old_rows(engine)
    old_audit = _audit(engine)

    migrate(empty_url)
    with Session(engine) as s:
        x = s.get(Tappa, "buono_vesta")
        assert (x.title, x.summary, x.age_min_months, x.age_max_months, x.timing, x.who, x.scope) == (
            "Buono Vesta", "Un buono.", 0, 72, "ogni anno", "Regione Piemonte", "regionale",
        )  # fmt: skip
        assert (x.source_url, x.source_title, x.source_date, x.needs_check, x.verified_on, x.version) == (
            "https://vestapiemonte.it/", "Regione", "2026-12", True, date(2026, 12, 6), 2,
        )  # fmt: skip
        assert x.updated_at is not None
        c = s.exec(select(Chiusura)).one()
        assert (c.starts_on, c.ends_on, c.reason) == (date(2027, 8, 1), date(2027, 8, 31), "ferie")
        assert s.exec(select(ReviewReminder)).one().contacts is True
        assert s.get(CentroSlugHistory, "torino-vecchio").centro_id == 1
        audits = {a.id: (a.before, a.after) for a in s.exec(select(AuditRecord)).all()}
    assert audits == {1: (NEW_TAPPA, NEW_TAPPA), 2: (None, NEW_CHIUSURA), 3: (NEW_CHIUSURA, None), 4: (OTHER, OTHER)}
    assert "centro_slug_storico" not in inspect(engine).get_table_names()
    assert _indexes(engine, "centro_slug_history") == {"ix_centro_slug_history_centro_id"}

    command.downgrade(cfg, BEFORE)
    assert {"titolo", "eta_da_mesi", "fonte_titolo", "da_verificare", "aggiornato_il"} <= _columns(engine, "tappa")
    assert not {"title", "timing", "who", "updated_at"} & _columns(engine, "tappa")
    assert {"dal", "al", "motivo"} <= _columns(engine, "chiusura") and "reason" not in _columns(engine, "chiusura")
    assert "contatti" in _columns(engine, "review_reminder") and "contacts" not in _columns(engine, "review_reminder")
    assert "centro_slug_history" not in inspect(engine).get_table_names()
    assert _indexes(engine, "centro_slug_storico") == {"ix_centro_slug_storico_centro_id"}
    assert _audit(engine) == old_audit
    with engine.connect() as conn:
        assert conn.execute(sa.text("SELECT titolo, quando, chi FROM tappa")).one() == (
            "Buono Vesta", "ogni anno", "Regione Piemonte",
        )  # fmt: skip
        assert conn.execute(sa.text("SELECT motivo FROM chiusura")).scalar_one() == "ferie"
        assert conn.execute(sa.text("SELECT slug FROM centro_slug_storico")).scalar_one() == "torino-vecchio"
    command.upgrade(cfg, "head")
    assert {"title", "timing", "who"} <= _columns(engine, "tappa")
    engine.dispose()
