"""centre slugs: centro.slug (unique) and centro_slug_storico (old slugs after a rename)

Revision ID: 0003
Revises: 0001
Create Date: 2026-11-29 20:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel

from alembic import op
from zerosei_app.domain.carta import slug_base, unique_slug

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("centro", schema=None) as batch_op:
        batch_op.add_column(sa.Column("slug", sqlmodel.sql.sqltypes.AutoString(length=80), nullable=True))

    # Centres already in the database get their slug now, in id order (so a clash numbers the later one).
    conn = op.get_bind()
    rows = conn.execute(
        sa.text(
            "SELECT centro.id, centro.nome, comune.nome FROM centro "
            "JOIN comune ON comune.codice_istat = centro.codice_istat ORDER BY centro.id"
        )
    ).all()
    taken: set[str] = set()
    for centro_id, nome, comune in rows:
        slug = unique_slug(slug_base(nome, comune), taken)
        taken.add(slug)
        conn.execute(sa.text("UPDATE centro SET slug = :slug WHERE id = :id"), {"slug": slug, "id": centro_id})

    with op.batch_alter_table("centro", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_centro_slug"), ["slug"], unique=True)

    op.create_table(
        "centro_slug_storico",
        sa.Column("slug", sqlmodel.sql.sqltypes.AutoString(length=80), nullable=False),
        sa.Column("centro_id", sa.Integer(), nullable=False),
        sa.Column("created_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(["centro_id"], ["centro.id"]),
        sa.PrimaryKeyConstraint("slug"),
    )
    with op.batch_alter_table("centro_slug_storico", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_centro_slug_storico_centro_id"), ["centro_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("centro_slug_storico", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_centro_slug_storico_centro_id"))
    op.drop_table("centro_slug_storico")
    with op.batch_alter_table("centro", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_centro_slug"))
        batch_op.drop_column("slug")
