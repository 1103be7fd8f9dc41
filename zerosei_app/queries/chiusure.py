"""Temporary closures in the database, read: a centre's current and future ones, what may be closed, and
every closure by owner (adding and removing: commands/chiusure.py)."""

from __future__ import annotations

from datetime import date

from sqlmodel import Session, col, select

from zerosei_app.domain.chiusure import is_current_or_future
from zerosei_app.models import CardEntry, Chiusura, EntryStatus


def of_centro(db: Session, centro_id: int, today: date, entry_id: int | None = None) -> list[Chiusura]:
    """Closures not over yet of a centre (entry_id None: the centre's own and its entries'), by start."""
    q = select(Chiusura).where(Chiusura.centro_id == centro_id)
    if entry_id is not None:
        q = q.where(Chiusura.entry_id == entry_id)
    rows = db.exec(q.order_by(col(Chiusura.starts_on), col(Chiusura.id))).all()
    return [r for r in rows if is_current_or_future(r, today)]


def entry_titles(db: Session, centro_id: int) -> dict[int, str]:
    """The centre's entries that are not archived (what may be closed), by title."""
    rows = db.exec(
        select(CardEntry.id, CardEntry.title)
        .where(CardEntry.centro_id == centro_id, CardEntry.status != EntryStatus.ARCHIVED)
        .order_by(col(CardEntry.title))
    ).all()
    return {i: title for i, title in rows}


def all_by_owner(db: Session) -> tuple[dict[int, list[Chiusura]], dict[int, list[Chiusura]]]:
    """Every closure, by centre (whole-centre ones) and by entry."""
    by_centro: dict[int, list[Chiusura]] = {}
    by_entry: dict[int, list[Chiusura]] = {}
    for c in db.exec(select(Chiusura).order_by(col(Chiusura.starts_on), col(Chiusura.id))).all():
        if c.entry_id is None:
            by_centro.setdefault(c.centro_id, []).append(c)
        else:
            by_entry.setdefault(c.entry_id, []).append(c)
    return by_centro, by_entry
