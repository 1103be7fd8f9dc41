"""official contacts of comuni and enti gestori (IndicePA); staff-only notes and source key of centres

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-29 20:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel

from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_STR = sqlmodel.sql.sqltypes.AutoString


def _contact_columns() -> list[sa.Column]:
    return [
        sa.Column("sito", _STR(length=500), nullable=True),
        sa.Column("email", _STR(length=254), nullable=True),
        sa.Column("pec", _STR(length=254), nullable=True),
        sa.Column("telefono", _STR(length=80), nullable=True),
        sa.Column("indirizzo_sede", _STR(length=300), nullable=True),
        sa.Column("codice_ipa", _STR(length=20), nullable=True),
        sa.Column("contatti_fonte", _STR(length=500), nullable=True),
        sa.Column("contatti_data_fonte", _STR(length=300), nullable=True),
        sa.Column("contatti_note", _STR(length=1000), nullable=True),
        sa.Column("contatti_modificati_il", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True),
    ]


def upgrade() -> None:
    for table in ("comune", "ente_gestore"):
        with op.batch_alter_table(table, schema=None) as batch_op:
            for column in _contact_columns():
                batch_op.add_column(column)
    with op.batch_alter_table("centro", schema=None) as batch_op:
        batch_op.add_column(sa.Column("note_interne", _STR(length=4000), nullable=True))
        batch_op.add_column(sa.Column("chiave_fonte", _STR(length=80), nullable=True))
        batch_op.create_index(batch_op.f("ix_centro_chiave_fonte"), ["chiave_fonte"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("centro", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_centro_chiave_fonte"))
        batch_op.drop_column("chiave_fonte")
        batch_op.drop_column("note_interne")
    for table in ("ente_gestore", "comune"):
        with op.batch_alter_table(table, schema=None) as batch_op:
            for column in reversed(_contact_columns()):
                batch_op.drop_column(column.name)
