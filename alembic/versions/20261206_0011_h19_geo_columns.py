"""comuni and enti gestori: English names for the columns that are not domain terms

Issue 19 (docs/GLOSSARY.md, "How the code names things"): comune, ente_gestore, comune_ente_gestore and
comune_ente_gestore_proposta rename their generic columns (nome → name, sito → website, fonte_url →
source_url ...); the domain terms stay (codice_istat, sigla_provincia, codice_catastale, cap, email, pec,
codice_ipa, confidenza). Data and behaviour are unchanged: the indexes derived from a renamed column get
the new name, and the audit history (before/after, keyed by column name) of these tables is rewritten.

Revision ID: 0011_h19_geo
Revises: 0010_h19_centro
Create Date: 2026-12-06 21:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa

from alembic import op

revision: str = "0011_h19_geo"
down_revision: str | None = "0010_h19_centro"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# The official contacts (models.geography.RecapitiUfficiali) of both comune and ente_gestore.
_RECAPITI = {
    "sito": "website",
    "telefono": "phone",
    "indirizzo_sede": "office_address",
    "contatti_fonte": "contacts_source",
    "contatti_data_fonte": "contacts_source_date",
    "contatti_note": "contacts_notes",
    "contatti_modificati_il": "contacts_edited_at",
}
COLUMNS: dict[str, dict[str, str]] = {
    "comune": _RECAPITI
    | {
        "nome": "name",
        "nome_altra_lingua": "name_other_language",
        "popolazione": "population",
        "fonte_coordinate": "coordinates_source",
    },
    "ente_gestore": _RECAPITI
    | {
        "nome": "name",
        "sigla": "short_name",
        "sede": "seat",
        "n_comuni_dichiarati": "comuni_declared",
        "fonte_url": "source_url",
        "data_fonte": "source_date",
        "note": "notes",
        "chiave": "source_key",
        "telefono_fonte": "phone_source",
    },
    "comune_ente_gestore": {
        "nome_nella_fonte": "name_as_cited",
        "fonte_url": "source_url",
        "data_riferimento": "reference_date",
        "note": "notes",
        "fonte_titolo": "source_title",
        "evidenza": "evidence",
        "modificato_il": "edited_at",
    },
    "comune_ente_gestore_proposta": {
        "nome_nella_fonte": "name_as_cited",
        "fonte_url": "source_url",
        "fonte_titolo": "source_title",
        "data_fonte": "source_date",
        "evidenza": "evidence",
        "stato": "status",
        "deciso_il": "decided_at",
        "deciso_da": "decided_by",
    },
}
# (table, old name, new name, column, unique)
INDEXES = (
    ("comune", "ix_comune_nome", "ix_comune_name", "nome", False),
    ("ente_gestore", "ix_ente_gestore_chiave", "ix_ente_gestore_source_key", "chiave", True),
    (
        "comune_ente_gestore_proposta",
        "ix_comune_ente_gestore_proposta_stato",
        "ix_comune_ente_gestore_proposta_status",
        "stato",
        False,
    ),
)
# Audit entities whose before/after are keyed by these columns. A rejected lead is audited as
# comune_ente_gestore with the proposta's `stato`.
AUDIT_KEYS: dict[str, dict[str, str]] = {
    "comune": COLUMNS["comune"],
    "ente_gestore": COLUMNS["ente_gestore"],
    "comune_ente_gestore": COLUMNS["comune_ente_gestore"] | {"stato": "status"},
}


def upgrade() -> None:
    _rename(forward=True)


def downgrade() -> None:
    _rename(forward=False)


def _rename(forward: bool) -> None:
    for table, columns in COLUMNS.items():
        names = columns if forward else {new: old for old, new in columns.items()}
        indexes = [i for i in INDEXES if i[0] == table]
        with op.batch_alter_table(table, schema=None) as b:
            for _, old_ix, new_ix, _, _ in indexes:
                b.drop_index(old_ix if forward else new_ix)
            for old, new in names.items():
                b.alter_column(old, new_column_name=new)
        # After the batch: inside it, a renamed column is still known by its old name.
        for _, old_ix, new_ix, column, unique in indexes:
            name, col = (new_ix, columns[column]) if forward else (old_ix, column)
            op.create_index(name, table, [col], unique=unique)
    _rename_constraints(forward)
    _rewrite_audit(forward)


# The names PostgreSQL gave two constraints when they were created follow their column (SQLite names none).
PG_CONSTRAINTS = (
    ("ente_gestore", "ente_gestore_nome_key", "ente_gestore_name_key"),
    (
        "comune_ente_gestore_proposta",
        "comune_ente_gestore_proposta_deciso_da_fkey",
        "comune_ente_gestore_proposta_decided_by_fkey",
    ),
)


def _rename_constraints(forward: bool) -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    for table, old, new in PG_CONSTRAINTS:
        a, b = (old, new) if forward else (new, old)
        op.execute(sa.text(f"ALTER TABLE {table} RENAME CONSTRAINT {a} TO {b}"))


def _rewrite_audit(forward: bool) -> None:
    audit = sa.table(
        "audit_record",
        sa.column("id", sa.Integer),
        sa.column("entity", sa.String),
        sa.column("before", sa.JSON),
        sa.column("after", sa.JSON),
    )
    conn = op.get_bind()
    for name, keys in AUDIT_KEYS.items():
        keys = keys if forward else {new: old for old, new in keys.items()}
        rows = conn.execute(sa.select(audit.c.id, audit.c.before, audit.c.after).where(audit.c.entity == name)).all()
        for row_id, before, after in rows:
            new_before, new_after = _renamed(before, keys), _renamed(after, keys)
            if (new_before, new_after) != (before, after):
                conn.execute(audit.update().where(audit.c.id == row_id).values(before=new_before, after=new_after))


def _renamed(data: dict | None, keys: dict[str, str]) -> dict | None:
    if not isinstance(data, dict):
        return data
    return {keys.get(k, k): v for k, v in data.items()}
