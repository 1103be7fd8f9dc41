"""Temporary closures, written: add and remove, each audited (reading them: queries/chiusure.py)."""

from __future__ import annotations

from datetime import date, datetime

from sqlmodel import Session

from zerosei_app.commands.audit import record, snapshot
from zerosei_app.domain.chiusure import ChiusuraInput, check_not_past
from zerosei_app.domain.errors import Refused
from zerosei_app.models import CardEntry, Chiusura


class ChiusuraError(Refused):
    """A closure refused (codes: chiusura_past, chiusura_not_of_centro, chiusura_gone)."""


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
        centro_id=centro_id,
        entry_id=entry_id,
        starts_on=data.starts_on,
        ends_on=data.ends_on,
        reason=data.reason,
        created_by=user_id,
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
