"""chiusura: temporary closures of a centre or of one entry (from a day to a day, with a reason)

Revision ID: 0007_h17b
Revises: 0008_h16a
Create Date: 2026-12-06 07:40:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel

from alembic import op

revision: str = "0007_h17b"
down_revision: str | None = "0008_h16a"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "chiusura",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("centro_id", sa.Integer(), nullable=False),
        sa.Column("entry_id", sa.Integer(), nullable=True),
        sa.Column("dal", sa.Date(), nullable=False),
        sa.Column("al", sa.Date(), nullable=False),
        sa.Column("motivo", sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
        sa.Column("created_by", sa.Integer(), nullable=True),
        sa.Column("created_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(["centro_id"], ["centro.id"]),
        sa.ForeignKeyConstraint(["entry_id"], ["card_entry.id"]),
        sa.ForeignKeyConstraint(["created_by"], ["staff_user.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("chiusura", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_chiusura_centro_id"), ["centro_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_chiusura_entry_id"), ["entry_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("chiusura", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_chiusura_entry_id"))
        batch_op.drop_index(batch_op.f("ix_chiusura_centro_id"))
    op.drop_table("chiusura")
