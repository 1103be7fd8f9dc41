"""English column names for the tappe, the closures and the reminders; centro_slug_storico → centro_slug_history

docs/GLOSSARY.md ("How the code names things"): Italian only for the Regione's domain terms. Renamed, with the
audit history that snapshots these rows (entities "tappa" and "chiusura": their `before`/`after` are keyed by
column name) rewritten to the new names; downgrade does the exact reverse. No value changes.

- tappa: titolo→title, sintesi→summary, eta_da_mesi→age_min_months, eta_a_mesi→age_max_months, quando→timing,
  chi→who, ambito→scope, fonte_url→source_url, fonte_titolo→source_title, fonte_data→source_date,
  da_verificare→needs_check, verificato_il→verified_on, aggiornato_il→updated_at
- chiusura: dal→starts_on, al→ends_on, motivo→reason
- review_reminder: contatti→contacts
- centro_slug_storico → centro_slug_history (its index too)

Revision ID: 0012_h19_tappa
Revises: 0011_h19_geo
Create Date: 2026-12-06 21:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa

from alembic import op

revision: str = "0012_h19_tappa"
down_revision: str | None = "0011_h19_geo"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

TAPPA = {
    "titolo": "title",
    "sintesi": "summary",
    "eta_da_mesi": "age_min_months",
    "eta_a_mesi": "age_max_months",
    "quando": "timing",
    "chi": "who",
    "ambito": "scope",
    "fonte_url": "source_url",
    "fonte_titolo": "source_title",
    "fonte_data": "source_date",
    "da_verificare": "needs_check",
    "verificato_il": "verified_on",
    "aggiornato_il": "updated_at",
}
CHIUSURA = {"dal": "starts_on", "al": "ends_on", "motivo": "reason"}
REVIEW_REMINDER = {"contatti": "contacts"}
# The audit entities whose snapshots are keyed by these tables' columns (commands/staff_tappe.py, commands/chiusure.py).
AUDIT = {"tappa": TAPPA, "chiusura": CHIUSURA}

OLD_TABLE, NEW_TABLE = "centro_slug_storico", "centro_slug_history"


def _rename_columns(table: str, names: dict[str, str]) -> None:
    with op.batch_alter_table(table, schema=None) as b:
        for old, new in names.items():
            b.alter_column(old, new_column_name=new)


def _rename_table(old: str, new: str) -> None:
    with op.batch_alter_table(old, schema=None) as b:
        b.drop_index(f"ix_{old}_centro_id")
    op.rename_table(old, new)
    if op.get_bind().dialect.name == "postgresql":  # the names PostgreSQL gave the constraints follow the table
        op.execute(sa.text(f"ALTER TABLE {new} RENAME CONSTRAINT {old}_pkey TO {new}_pkey"))
        op.execute(sa.text(f"ALTER TABLE {new} RENAME CONSTRAINT {old}_centro_id_fkey TO {new}_centro_id_fkey"))
    with op.batch_alter_table(new, schema=None) as b:
        b.create_index(f"ix_{new}_centro_id", ["centro_id"], unique=False)


def _renamed(snapshot, names: dict[str, str]):
    if not isinstance(snapshot, dict) or not any(k in names for k in snapshot):
        return None
    return {names.get(k, k): v for k, v in snapshot.items()}


def _rewrite_audit(forward: bool) -> None:
    audit = sa.table(
        "audit_record",
        sa.column("id", sa.Integer()),
        sa.column("entity", sa.String()),
        sa.column("before", sa.JSON()),
        sa.column("after", sa.JSON()),
    )
    conn = op.get_bind()
    rows = conn.execute(
        sa.select(audit.c.id, audit.c.entity, audit.c.before, audit.c.after).where(audit.c.entity.in_(list(AUDIT)))
    ).all()
    for row in rows:
        names = AUDIT[row.entity] if forward else {new: old for old, new in AUDIT[row.entity].items()}
        values = {}
        for column in ("before", "after"):
            changed = _renamed(getattr(row, column), names)
            if changed is not None:
                values[column] = changed
        if values:  # only what changed: an empty side stays SQL NULL
            conn.execute(sa.update(audit).where(audit.c.id == row.id).values(**values))


def upgrade() -> None:
    _rename_columns("tappa", TAPPA)
    _rename_columns("chiusura", CHIUSURA)
    _rename_columns("review_reminder", REVIEW_REMINDER)
    _rename_table(OLD_TABLE, NEW_TABLE)
    _rewrite_audit(forward=True)


def downgrade() -> None:
    _rewrite_audit(forward=False)
    _rename_table(NEW_TABLE, OLD_TABLE)
    _rename_columns("review_reminder", {new: old for old, new in REVIEW_REMINDER.items()})
    _rename_columns("chiusura", {new: old for old, new in CHIUSURA.items()})
    _rename_columns("tappa", {new: old for old, new in TAPPA.items()})
