"""Addresses of the centres' Carte: every centre gets a slug when it is inserted, and a rename
keeps the old slug here so that old links and printed QR codes still lead to the centre.

The hooks sit on the model so that every way of creating or renaming a centre through the ORM
(seed, staff form, CSV import) keeps its slug right; the staff form's versioned UPDATE bypasses
the ORM and calls commands/carta_slugs.py::follow_rename instead.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import delete, event, insert, inspect, select
from sqlalchemy.orm import object_session
from sqlmodel import Field, SQLModel

from zerosei_app.domain.carta import slug_base, slug_fits, unique_slug
from zerosei_app.models._common import utcnow
from zerosei_app.models.centro import Centro
from zerosei_app.models.geography import Comune


class CentroSlugHistory(SQLModel, table=True):
    """A slug a centre had before a rename; /carta/<slug> redirects to its current one."""

    __tablename__ = "centro_slug_history"

    slug: str = Field(primary_key=True, max_length=80)
    centro_id: int = Field(foreign_key="centro.id", index=True)
    created_at: datetime = Field(default_factory=utcnow)


def taken_slugs(connection, prefix: str) -> set[str]:
    """Slugs in use or once used that start with `prefix` (current and historic)."""
    current = connection.execute(select(Centro.slug).where(Centro.slug.startswith(prefix))).scalars()
    old = connection.execute(select(CentroSlugHistory.slug).where(CentroSlugHistory.slug.startswith(prefix))).scalars()
    return {s for s in (*current, *old) if s}


@event.listens_for(Centro, "before_insert")
def _assign_slug(mapper, connection, target: Centro) -> None:  # noqa: ARG001
    if target.slug:
        return
    comune = connection.execute(select(Comune.name).where(Comune.codice_istat == target.codice_istat)).scalar()
    base = slug_base(target.name, comune or "")
    taken = taken_slugs(connection, base)
    # Centres inserted in the same flush have their slugs already but are not in the table yet.
    session = object_session(target)
    if session is not None:
        taken |= {c.slug for c in session.new if isinstance(c, Centro) and c is not target and c.slug}
    target.slug = unique_slug(base, taken)


@event.listens_for(Centro, "before_update")
def _follow_rename(mapper, connection, target: Centro) -> None:  # noqa: ARG001
    attrs = inspect(target).attrs
    if not (attrs.name.history.has_changes() or attrs.codice_istat.history.has_changes()):
        return
    comune = connection.execute(select(Comune.name).where(Comune.codice_istat == target.codice_istat)).scalar()
    base = slug_base(target.name, comune or "")
    if target.slug and slug_fits(target.slug, base):
        return
    old = target.slug
    mine = connection.execute(
        select(CentroSlugHistory.slug).where(CentroSlugHistory.slug == base, CentroSlugHistory.centro_id == target.id)
    ).first()
    if mine is not None:  # renamed back: its own old slug becomes current again
        connection.execute(delete(CentroSlugHistory).where(CentroSlugHistory.slug == base))
        new = base
    else:
        new = unique_slug(base, taken_slugs(connection, base))
    if old:
        connection.execute(insert(CentroSlugHistory).values(slug=old, centro_id=target.id, created_at=utcnow()))
    target.slug = new
