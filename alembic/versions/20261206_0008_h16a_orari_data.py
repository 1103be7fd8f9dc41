"""centro.orari_data: when a source gave a centre's opening hours

Issue 16: hours from 2019 or the Covid period appeared undated. Parents now read "orari indicati nel
2019: chiedi conferma" beside hours older than a year. Filled by the data step at start
(data/seed_update.py from data/centri_curati.py) for centres staff have not changed; staff editing
the hours clears it (they are the centre's own then).

Revision ID: 0008_h16a
Revises: 0007_h16a
Create Date: 2026-12-06 08:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa

from alembic import op

revision: str = "0008_h16a"
down_revision: str | None = "0007_h16a"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column("centro", sa.Column("orari_data", sa.String(length=40), nullable=True))


def downgrade() -> None:
    # Plain DROP COLUMN (SQLite 3.35+, PostgreSQL): a batch copy of `centro` would break the foreign keys to it.
    op.execute(sa.text("ALTER TABLE centro DROP COLUMN orari_data"))
