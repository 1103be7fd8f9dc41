"""Keeping the Carta's slugs right after a rename (the old slug kept for redirects), and giving a slug to
every centre without one (finding a centre by its slug: queries/carta_slugs.py)."""

from __future__ import annotations

from sqlmodel import Session, col, select

from zerosei_app.domain.carta import slug_base, slug_fits, unique_slug
from zerosei_app.models import Centro, CentroSlugHistory, Comune
from zerosei_app.models.centro_slug import taken_slugs


def follow_rename(db: Session, centro: Centro) -> bool:
    """After a change of name or comune: a new slug if the old one no longer fits, the old one
    kept for redirects. Returns True when the slug changed (the caller commits)."""
    comune = db.get(Comune, centro.codice_istat)
    base = slug_base(centro.name, comune.name if comune else "")
    if centro.slug and slug_fits(centro.slug, base):
        return False
    old = centro.slug
    back = db.get(CentroSlugHistory, base)
    if back is not None and back.centro_id == centro.id:
        db.delete(back)  # renamed back: its own old slug becomes current again
        db.flush()
        new = base
    else:
        new = unique_slug(base, taken_slugs(db.connection(), base))
    if old:
        db.add(CentroSlugHistory(slug=old, centro_id=centro.id))
    centro.slug = new
    db.add(centro)
    db.flush()
    return True


def ensure_slugs(db: Session) -> int:
    """Gives a slug to any centre without one (rows written outside the ORM); returns how many."""
    missing = db.exec(select(Centro).where(col(Centro.slug).is_(None)).order_by(col(Centro.id))).all()
    for centro in missing:
        follow_rename(db, centro)
    return len(missing)


def fresh_slugs(db: Session) -> None:
    """A new database: slugs from the centres' current names, no history. The seed loads the 2025 names and
    then the update renames them; nobody has ever seen those first slugs, so nothing must redirect from them."""
    for old in db.exec(select(CentroSlugHistory)).all():
        db.delete(old)
    for centro in db.exec(select(Centro)).all():
        centro.slug = None
        db.add(centro)
    db.flush()
    for centro in db.exec(select(Centro).order_by(col(Centro.id))).all():
        follow_rename(db, centro)
