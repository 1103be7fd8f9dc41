"""Addresses of the centres' Carte: every centre gets a slug when it is inserted, and a rename
keeps the old slug here so that old links and printed QR codes still lead to the centre.

The insert hook sits on the model so that every way of creating a centre (seed, staff form,
CSV import) gets one; renames are applied by queries/carta_slugs.py::follow_rename.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import event, select
from sqlalchemy.orm import object_session
from sqlmodel import Field, SQLModel

from zerosei_app.domain.carta import slug_base, unique_slug
from zerosei_app.models._common import utcnow
from zerosei_app.models.centro import Centro
from zerosei_app.models.geography import Comune


class CentroSlugStorico(SQLModel, table=True):
    """A slug a centre had before a rename; /carta/<slug> redirects to its current one."""

    __tablename__ = "centro_slug_storico"

    slug: str = Field(primary_key=True, max_length=80)
    centro_id: int = Field(foreign_key="centro.id", index=True)
    created_at: datetime = Field(default_factory=utcnow)


def taken_slugs(connection, prefix: str) -> set[str]:
    """Slugs in use or once used that start with `prefix` (current and historic)."""
    current = connection.execute(select(Centro.slug).where(Centro.slug.startswith(prefix))).scalars()
    old = connection.execute(select(CentroSlugStorico.slug).where(CentroSlugStorico.slug.startswith(prefix))).scalars()
    return {s for s in (*current, *old) if s}


@event.listens_for(Centro, "before_insert")
def _assign_slug(mapper, connection, target: Centro) -> None:  # noqa: ARG001
    if target.slug:
        return
    comune = connection.execute(select(Comune.nome).where(Comune.codice_istat == target.codice_istat)).scalar()
    base = slug_base(target.nome, comune or "")
    taken = taken_slugs(connection, base)
    # Centres inserted in the same flush have their slugs already but are not in the table yet.
    session = object_session(target)
    if session is not None:
        taken |= {c.slug for c in session.new if isinstance(c, Centro) and c is not target and c.slug}
    target.slug = unique_slug(base, taken)
