"""centro and copertura: English names for the columns that are not domain words (issue 19)

docs/GLOSSARY.md, "How the code names things": Italian only for the Regione's domain terms. `centro`'s
nome, indirizzo, telefono, sito, orari, ... and `copertura`'s distanza_km, nota become English, like
`card_entry`'s. The audit history keeps the values of the centres' columns by name (entity "centro"): its
keys are renamed with the columns, so the history reads the same. Nothing else changes (the API, the CSV
headers and the data files keep their published names).

Revision ID: 0010_h19_centro
Revises: 0009_h18
Create Date: 2026-12-06 21:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa

from alembic import op

revision: str = "0010_h19_centro"
down_revision: str | None = "0009_h18"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

CENTRO = {
    "nome": "name",
    "indirizzo": "address",
    "telefono": "phone",
    "sito": "website",
    "orari": "hours",
    "orari_data": "hours_as_of",
    "lingue_mediazione": "mediation_languages",
    "ente_nella_fonte": "ente_as_cited",
    "territorio_nella_fonte": "territory_as_cited",
    "servizi_citati": "services_cited",
    "fonte_url": "source_url",
    "data_fonte": "source_date",
    "nota_verifica": "verification_note",
    "note_interne": "internal_notes",
    "chiave_fonte": "source_key",
}
COPERTURA = {"distanza_km": "distance_km", "nota": "note"}
# The audit entities whose `before`/`after` hold those columns by name ("copertura" records hold only
# "comune" and "origine": nothing to rename there).
AUDIT = {"centro": CENTRO}


def _rename_columns(table: str, names: dict[str, str], index: tuple[str, str], new_index: tuple[str, str]) -> None:
    """One batch per table (SQLite copies the table once); the index SQLModel names after a column goes with it."""
    with op.batch_alter_table(table, schema=None) as b:
        if index[0]:
            b.drop_index(index[0])
        for old, new in names.items():
            b.alter_column(old, new_column_name=new)
    if new_index[0]:  # after the copy: the batch cannot index a column it is renaming (a plain CREATE INDEX)
        with op.batch_alter_table(table, schema=None) as b:
            b.create_index(new_index[0], [new_index[1]], unique=False)


def _rename_audit_keys(forward: bool) -> None:
    audit = sa.table(
        "audit_record", sa.column("id", sa.Integer), sa.column("entity", sa.String),
        sa.column("before", sa.JSON), sa.column("after", sa.JSON),
    )  # fmt: skip
    conn = op.get_bind()
    for entity, names in AUDIT.items():
        mapping = names if forward else {new: old for old, new in names.items()}
        rows = conn.execute(sa.select(audit.c.id, audit.c.before, audit.c.after).where(audit.c.entity == entity))
        for id_, before, after in rows.all():
            new_before, new_after = _renamed(before, mapping), _renamed(after, mapping)
            if (new_before, new_after) != (before, after):
                conn.execute(audit.update().where(audit.c.id == id_).values(before=new_before, after=new_after))


def _renamed(values: dict | None, mapping: dict[str, str]) -> dict | None:
    if not isinstance(values, dict):
        return values
    return {mapping.get(k, k): v for k, v in values.items()}


_NO_INDEX = ("", "")
_OLD_INDEX = ("ix_centro_chiave_fonte", "chiave_fonte")
_NEW_INDEX = ("ix_centro_source_key", "source_key")


def upgrade() -> None:
    _rename_columns("centro", CENTRO, _OLD_INDEX, _NEW_INDEX)
    _rename_columns("copertura", COPERTURA, _NO_INDEX, _NO_INDEX)
    _rename_audit_keys(forward=True)


def downgrade() -> None:
    _rename_audit_keys(forward=False)
    _rename_columns("centro", {new: old for old, new in CENTRO.items()}, _NEW_INDEX, _OLD_INDEX)
    _rename_columns("copertura", {new: old for old, new in COPERTURA.items()}, _NO_INDEX, _NO_INDEX)
