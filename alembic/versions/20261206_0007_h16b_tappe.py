"""tappa: the public steps of a family's first six years; card_entry.funzione_id: an entry detailing a regional function

Rows come from data/tappe_0_6_piemonte.csv through seed_update (fresh and existing databases alike).

Revision ID: 0007_h16b
Revises: 0005
Create Date: 2026-12-06 08:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel

from alembic import op

revision: str = "0007_h16b"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    text = sqlmodel.sql.sqltypes.AutoString
    op.create_table(
        "tappa",
        sa.Column("id", text(length=60), nullable=False),
        sa.Column("titolo", text(length=150), nullable=False),
        sa.Column("sintesi", text(length=400), nullable=False),
        sa.Column("eta_da_mesi", sa.Integer(), nullable=False),
        sa.Column("eta_a_mesi", sa.Integer(), nullable=True),
        sa.Column("quando", text(length=300), nullable=False),
        sa.Column("chi", text(length=200), nullable=False),
        sa.Column("link", text(length=500), nullable=True),
        sa.Column("ambito", text(length=20), nullable=False),
        sa.Column("fonte_url", text(length=500), nullable=False),
        sa.Column("fonte_titolo", text(length=300), nullable=False),
        sa.Column("fonte_data", text(length=10), nullable=True),
        sa.Column("da_verificare", sa.Boolean(), nullable=False),
        sa.Column("verificato_il", sa.Date(), nullable=True),
        sa.Column("aggiornato_il", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("card_entry", schema=None) as batch_op:
        batch_op.add_column(sa.Column("funzione_id", text(length=60), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("card_entry", schema=None) as batch_op:
        batch_op.drop_column("funzione_id")
    op.drop_table("tappa")
