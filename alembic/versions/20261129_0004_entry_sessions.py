"""entry sessions (dated sessions of an entry, RFC 5545)

Revision ID: 0004
Revises: 0001
Create Date: 2026-11-29 20:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel

from alembic import op

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "entry_session",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("entry_id", sa.Integer(), nullable=False),
        sa.Column("tzid", sqlmodel.sql.sqltypes.AutoString(length=40), nullable=False),
        sa.Column("dtstart", sqlmodel.sql.sqltypes.AutoString(length=15), nullable=False),
        sa.Column("duration_minutes", sa.Integer(), nullable=False),
        sa.Column("rrule", sqlmodel.sql.sqltypes.AutoString(length=200), nullable=True),
        sa.Column("exdates", sa.JSON(), nullable=False),
        sa.Column("created_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.Column("updated_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(["entry_id"], ["card_entry.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("entry_session", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_entry_session_entry_id"), ["entry_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("entry_session", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_entry_session_entry_id"))
    op.drop_table("entry_session")
