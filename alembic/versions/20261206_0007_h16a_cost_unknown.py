"""card_entry.cost_free may be unknown (NULL): a cost nobody stated is not "Gratuito"

Issue 16: parents and reusers see only what a source or the centre states. The seed used to write
"Gratuito" on every entry; now an entry whose cost nobody stated has cost_free NULL (the API says
null, HSDS exports no cost option). The entries themselves are corrected by the data step that runs
at every start (data/honest_entries.py via data/seed_update.py), which keeps what staff edited.

Revision ID: 0007_h16a
Revises: 0007_h16c
Create Date: 2026-12-06 07:40:00
"""

from collections.abc import Sequence

import sqlalchemy as sa

from alembic import op

revision: str = "0007_h16a"
down_revision: str | None = "0007_h16c"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("card_entry", schema=None) as batch_op:
        batch_op.alter_column("cost_free", existing_type=sa.Boolean(), nullable=True)


def downgrade() -> None:
    # An unknown cost has no honest boolean; the old schema only had "free" or "not free".
    op.execute(sa.text("UPDATE card_entry SET cost_free = false WHERE cost_free IS NULL"))
    with op.batch_alter_table("card_entry", schema=None) as batch_op:
        batch_op.alter_column("cost_free", existing_type=sa.Boolean(), nullable=False)
