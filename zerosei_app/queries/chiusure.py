"""Temporary closures in the database: list, add, remove (each audited), and the ones to announce."""

from __future__ import annotations

from datetime import date, datetime

from sqlmodel import Session, col, select

from zerosei_app.domain.chiusure import ChiusuraInput, check_not_past, is_current_or_future
from zerosei_app.domain.errors import Refused
from zerosei_app.models import CardEntry, Chiusura, EntryStatus
from zerosei_app.queries.audit import record, snapshot


class ChiusuraError(Refused):
    """A closure refused (codes: chiusura_past, chiusura_not_of_centro, chiusura_gone)."""


def of_centro(db: Session, centro_id: int, today: date, entry_id: int | None = None) -> list[Chiusura]:
    """Closures not over yet of a centre (entry_id None: the centre's own and its entries'), by start."""
    q = select(Chiusura).where(Chiusura.centro_id == centro_id)
    if entry_id is not None:
        q = q.where(Chiusura.entry_id == entry_id)
    rows = db.exec(q.order_by(col(Chiusura.dal), col(Chiusura.id))).all()
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
    for c in db.exec(select(Chiusura).order_by(col(Chiusura.dal), col(Chiusura.id))).all():
        if c.entry_id is None:
            by_centro.setdefault(c.centro_id, []).append(c)
        else:
            by_entry.setdefault(c.entry_id, []).append(c)
    return by_centro, by_entry


def add(db: Session, centro_id: int, data: ChiusuraInput, user_id: int | None, now: datetime, today: date) -> Chiusura:
    problem = check_not_past(data, today)
    if problem:
        raise ChiusuraError(problem)
    entry_id = data.entry_id or None
    if entry_id is not None:
        entry = db.get(CardEntry, entry_id)
        if entry is None or entry.centro_id != centro_id:
            raise ChiusuraError("chiusura_not_of_centro")
    row = Chiusura(
        centro_id=centro_id, entry_id=entry_id, dal=data.dal, al=data.al, motivo=data.motivo, created_by=user_id
    )
    row.created_at = now
    db.add(row)
    db.flush()
    record(
        db,
        entity="chiusura",
        entity_id=row.id,
        centro_id=centro_id,
        user_id=user_id,
        action="create",
        before=None,
        after=snapshot(row),
        now=now,
    )
    return row


def remove(
    db: Session, centro_id: int, chiusura_id: int, user_id: int | None, now: datetime, entry_id: int | None = None
) -> Chiusura:
    """`entry_id`: only a closure of that entry (the entry editor)."""
    row = db.get(Chiusura, chiusura_id)
    if row is None or row.centro_id != centro_id or (entry_id is not None and row.entry_id != entry_id):
        raise ChiusuraError("chiusura_gone")
    before = snapshot(row)
    db.delete(row)
    record(
        db,
        entity="chiusura",
        entity_id=chiusura_id,
        centro_id=centro_id,
        user_id=user_id,
        action="delete",
        before=before,
        after=None,
        now=now,
    )
    return row
