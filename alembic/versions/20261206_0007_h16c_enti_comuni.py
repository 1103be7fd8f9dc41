"""which ente gestore serves a comune: source, confidence and the Regione's corrections; leads to confirm

The research of 2026-12-06 (data/PROVENANCE.md) names the ente gestore of 301 more comuni, each with
a source and a confidence. `alta`/`media` rows become facts (comune_ente_gestore, now with the source's
title, evidence and confidence, and `modificato_il` once the Regione corrects a row); `bassa` rows are
leads (comune_ente_gestore_proposta) in the Regione's queue. Enti get the research files' key
(`chiave`) and the source of a phone number. Schema only: the data comes with data/seed_update.py.

Revision ID: 0007_h16c
Revises: 0007_h17a
Create Date: 2026-12-06 08:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel

from alembic import op

revision: str = "0007_h16c"
down_revision: str | None = "0007_h17a"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_STR = sqlmodel.sql.sqltypes.AutoString


def upgrade() -> None:
    with op.batch_alter_table("ente_gestore", schema=None) as batch_op:
        batch_op.add_column(sa.Column("chiave", _STR(length=80), nullable=True))
        batch_op.add_column(sa.Column("telefono_fonte", _STR(length=500), nullable=True))
        # A unique index, not a constraint: SQLite adds it without copying the table (which other tables reference).
        batch_op.create_index(batch_op.f("ix_ente_gestore_chiave"), ["chiave"], unique=True)
    with op.batch_alter_table("comune_ente_gestore", schema=None) as batch_op:
        batch_op.add_column(sa.Column("fonte_titolo", _STR(length=500), nullable=True))
        batch_op.add_column(sa.Column("evidenza", _STR(length=1000), nullable=True))
        batch_op.add_column(sa.Column("confidenza", _STR(length=10), nullable=True))
        batch_op.add_column(sa.Column("modificato_il", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True))
    op.create_table(
        "comune_ente_gestore_proposta",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("codice_istat", _STR(length=6), nullable=False),
        sa.Column("ente_gestore_id", sa.Integer(), nullable=False),
        sa.Column("nome_nella_fonte", _STR(length=300), nullable=True),
        sa.Column("fonte_url", _STR(length=1000), nullable=True),
        sa.Column("fonte_titolo", _STR(length=500), nullable=True),
        sa.Column("data_fonte", _STR(length=200), nullable=True),
        sa.Column("evidenza", _STR(length=1000), nullable=True),
        sa.Column("confidenza", _STR(length=10), nullable=False),
        sa.Column("stato", _STR(length=20), nullable=False),
        sa.Column("deciso_il", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True),
        sa.Column("deciso_da", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(["codice_istat"], ["comune.codice_istat"]),
        sa.ForeignKeyConstraint(["ente_gestore_id"], ["ente_gestore.id"]),
        sa.ForeignKeyConstraint(["deciso_da"], ["staff_user.id"]),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("codice_istat", "ente_gestore_id"),
    )
    with op.batch_alter_table("comune_ente_gestore_proposta", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_comune_ente_gestore_proposta_codice_istat"), ["codice_istat"])
        batch_op.create_index(batch_op.f("ix_comune_ente_gestore_proposta_ente_gestore_id"), ["ente_gestore_id"])
        batch_op.create_index(batch_op.f("ix_comune_ente_gestore_proposta_stato"), ["stato"])


def downgrade() -> None:
    # Plain ALTER TABLE … DROP COLUMN (SQLite ≥ 3.35 too): a batch would copy ente_gestore, which other
    # tables reference, and SQLite refuses to drop it with foreign keys on.
    op.drop_table("comune_ente_gestore_proposta")
    for column in ("modificato_il", "confidenza", "evidenza", "fonte_titolo"):
        op.drop_column("comune_ente_gestore", column)
    op.drop_index(op.f("ix_ente_gestore_chiave"), table_name="ente_gestore")
    op.drop_column("ente_gestore", "telefono_fonte")
    op.drop_column("ente_gestore", "chiave")
