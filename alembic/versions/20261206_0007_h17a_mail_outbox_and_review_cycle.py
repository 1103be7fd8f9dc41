"""mail outbox and review cycle (issue 17): e-mail kept until sent, confirmations, reminders

New tables only: nothing existing changes, so a database seeded earlier upgrades as is.

Revision ID: 0007_h17a
Revises: 0007_h16b
Create Date: 2026-12-06 07:23:26.720102
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel

from alembic import op

revision: str = "0007_h17a"
down_revision: str | None = "0007_h16b"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "mail_outbox",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("kind", sqlmodel.sql.sqltypes.AutoString(length=30), nullable=False),
        sa.Column("to_addrs", sa.JSON(), nullable=False),
        sa.Column("cc_addrs", sa.JSON(), nullable=False),
        sa.Column("subject", sqlmodel.sql.sqltypes.AutoString(length=300), nullable=False),
        sa.Column("body_text", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("body_html", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("created_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.Column("sent_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True),
        sa.Column("sent_via", sqlmodel.sql.sqltypes.AutoString(length=10), nullable=True),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("last_error", sqlmodel.sql.sqltypes.AutoString(length=1000), nullable=True),
        sa.Column("next_attempt_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.Column("claimed_until", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("mail_outbox", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_mail_outbox_kind"), ["kind"], unique=False)
        batch_op.create_index(batch_op.f("ix_mail_outbox_sent_at"), ["sent_at"], unique=False)

    op.create_table(
        "review_reminder",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("centro_id", sa.Integer(), nullable=False),
        sa.Column("sent_on", sa.Date(), nullable=False),
        sa.Column("sequence", sa.Integer(), nullable=False),
        sa.Column("status", sqlmodel.sql.sqltypes.AutoString(length=20), nullable=False),
        sa.Column("entry_ids", sa.JSON(), nullable=False),
        sa.Column("contatti", sa.Boolean(), nullable=False),
        sa.Column("recipients", sa.JSON(), nullable=False),
        sa.Column("cc", sa.JSON(), nullable=False),
        sa.Column("token_hash", sqlmodel.sql.sqltypes.AutoString(length=64), nullable=True),
        sa.Column("expires_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True),
        sa.Column("used_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True),
        sa.Column("mail_id", sa.Integer(), nullable=True),
        sa.Column("created_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["centro_id"],
            ["centro.id"],
        ),
        sa.ForeignKeyConstraint(
            ["mail_id"],
            ["mail_outbox.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("review_reminder", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_review_reminder_centro_id"), ["centro_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_review_reminder_sent_on"), ["sent_on"], unique=False)
        batch_op.create_index(batch_op.f("ix_review_reminder_token_hash"), ["token_hash"], unique=True)

    op.create_table(
        "review_confirmation",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("centro_id", sa.Integer(), nullable=False),
        sa.Column("entry_id", sa.Integer(), nullable=True),
        sa.Column("confirmed_on", sa.Date(), nullable=False),
        sa.Column("confirmed_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=True),
        sa.Column("how", sqlmodel.sql.sqltypes.AutoString(length=10), nullable=False),
        sa.Column("reminder_id", sa.Integer(), nullable=True),
        sa.Column("previous_on", sa.Date(), nullable=True),
        sa.Column("was_example", sa.Boolean(), nullable=False),
        sa.Column("undone_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["centro_id"],
            ["centro.id"],
        ),
        sa.ForeignKeyConstraint(
            ["entry_id"],
            ["card_entry.id"],
        ),
        sa.ForeignKeyConstraint(
            ["reminder_id"],
            ["review_reminder.id"],
        ),
        sa.ForeignKeyConstraint(
            ["user_id"],
            ["staff_user.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("review_confirmation", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_review_confirmation_centro_id"), ["centro_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_review_confirmation_entry_id"), ["entry_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_review_confirmation_reminder_id"), ["reminder_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("review_confirmation", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_review_confirmation_reminder_id"))
        batch_op.drop_index(batch_op.f("ix_review_confirmation_entry_id"))
        batch_op.drop_index(batch_op.f("ix_review_confirmation_centro_id"))

    op.drop_table("review_confirmation")
    with op.batch_alter_table("review_reminder", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_review_reminder_token_hash"))
        batch_op.drop_index(batch_op.f("ix_review_reminder_sent_on"))
        batch_op.drop_index(batch_op.f("ix_review_reminder_centro_id"))

    op.drop_table("review_reminder")
    with op.batch_alter_table("mail_outbox", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_mail_outbox_sent_at"))
        batch_op.drop_index(batch_op.f("ix_mail_outbox_kind"))

    op.drop_table("mail_outbox")
