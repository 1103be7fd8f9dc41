"""centro.lingue_mediazione: the languages of a centre's cultural mediators

Issue 18: once a centre states it has a cultural mediator in a language, parents asking for services
"in my language" see its services with that note. A JSON list of ISO 639-1 codes; empty = not stated
(existing centres start empty: nothing is assumed).

Revision ID: 0009_h18
Revises: 0007_h17b (the head: it revises 0008_h16a)
Create Date: 2026-12-06 18:30:00
"""

from collections.abc import Sequence

import sqlalchemy as sa

from alembic import op

revision: str = "0009_h18"
down_revision: str | None = "0007_h17b"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # The server default fills the existing rows on SQLite and PostgreSQL alike (the model writes the list itself).
    op.add_column("centro", sa.Column("lingue_mediazione", sa.JSON(), nullable=False, server_default=sa.text("'[]'")))


def downgrade() -> None:
    # Plain DROP COLUMN (SQLite 3.35+, PostgreSQL): a batch copy of `centro` would break the foreign keys to it.
    op.execute(sa.text("ALTER TABLE centro DROP COLUMN lingue_mediazione"))
