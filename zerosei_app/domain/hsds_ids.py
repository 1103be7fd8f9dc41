"""Stable HSDS ids: uuid5 of one fixed namespace and the record's internal kind and id.

The same row gets the same UUID after a restart, on another machine and on PostgreSQL as on
SQLite, because nothing but the kind and the database id goes into it. Never change NAMESPACE
or the kind names: every published id would change with them.
"""

from __future__ import annotations

import uuid

# uuid5(NAMESPACE_URL, "https://zerosei.regione.piemonte.it/hsds"), written out so it never moves.
NAMESPACE = uuid.UUID("5f2c6a4e-0d7b-5b9e-9a51-3c8e2f4b7d10")

KINDS = (
    "ente_gestore",  # organization
    "centro",  # organization
    "location",  # a centre's place
    "address",
    "service",  # a published card entry
    "service_at_location",
    "phone",
    "language",
    "cost_option",
    "schedule",
    "taxonomy",
    "taxonomy_term",
    "attribute",
    "metadata",
)


def hsds_id(kind: str, key: object) -> str:
    if kind not in KINDS:
        raise ValueError(f"unknown HSDS kind {kind!r}")
    return str(uuid.uuid5(NAMESPACE, f"{kind}/{key}"))
