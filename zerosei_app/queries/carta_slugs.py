"""Finding a centre by the slug of its Carta, current or from before a rename (commands/carta_slugs.py keeps
the slugs right)."""

from __future__ import annotations

from dataclasses import dataclass

from sqlmodel import Session, select

from zerosei_app.domain.carta import is_slug
from zerosei_app.models import Centro, CentroSlugHistory


@dataclass(frozen=True)
class SlugMatch:
    centro: Centro
    moved: bool  # True: an old slug, the page redirects to centro.slug


def find_by_slug(db: Session, slug: str) -> SlugMatch | None:
    """An open centre by its current slug, or by one it had before a rename."""
    slug = (slug or "").strip().lower()
    if not is_slug(slug):
        return None
    centro = db.exec(select(Centro).where(Centro.slug == slug)).first()
    if centro is not None:
        return SlugMatch(centro, False) if centro.is_active else None
    old = db.get(CentroSlugHistory, slug)
    if old is None:
        return None
    centro = db.get(Centro, old.centro_id)
    return SlugMatch(centro, True) if centro is not None and centro.is_active and centro.slug else None
