"""the seeded bereavement service gets the new topic "lutto" (data only)

A path shows services with a situational topic (domain/catalog.SITUATIONAL_TOPICS) once, collapsed,
instead of in every path's main list. Fresh databases get the topic from the seed; this gives it to a
database seeded before it existed. Only the untouched seed row (still an example, still the seed's topics).

Revision ID: 0006
Revises: 0001
Create Date: 2026-11-29 20:10:00
"""

from collections.abc import Sequence

import sqlalchemy as sa

from alembic import op

revision: str = "0006"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

TITLE = "Accompagnamento nell'elaborazione del lutto"
BEFORE, AFTER = ["essere-genitori"], ["lutto"]

card_entry = sa.table(
    "card_entry",
    sa.column("id", sa.Integer),
    sa.column("title", sa.String),
    sa.column("topics", sa.JSON),
    sa.column("is_example", sa.Boolean),
)


def _retag(old: list[str], new: list[str]) -> None:
    bind = op.get_bind()
    rows = bind.execute(
        sa.select(card_entry.c.id, card_entry.c.topics).where(
            card_entry.c.title == TITLE, card_entry.c.is_example.is_(True)
        )
    ).all()
    for row_id, topics in rows:
        if list(topics or []) == old:
            bind.execute(sa.update(card_entry).where(card_entry.c.id == row_id).values(topics=new))


def upgrade() -> None:
    _retag(BEFORE, AFTER)


def downgrade() -> None:
    _retag(AFTER, BEFORE)
