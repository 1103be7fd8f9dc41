"""Dated sessions of entries, read: stored rules, their occurrences as parents get them (staff changes:
commands/sessions.py)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlmodel import Session, col, select

from zerosei_app.domain.chiusure import without_closed_days
from zerosei_app.domain.sessions import ROME, Occurrence, SessionRule, from_stored, occurrences
from zerosei_app.models import CardEntry, Centro, EntrySession
from zerosei_app.queries.backed import backed_entries
from zerosei_app.queries.chiusure import all_by_owner

ENTITY = "entry_session"
UPCOMING_DAYS = 30


def rule_of(s: EntrySession) -> SessionRule:
    return from_stored(s.dtstart, s.duration_minutes, s.rrule, s.exdates)


def public_rules(db: Session, rows: Sequence[EntrySession], centro_of: dict[int, int]) -> dict[int, SessionRule]:
    """Each session's rule as parents get it: occurrences on days its centre or its entry is
    temporarily closed are cancelled (domain/chiusure.py). `centro_of`: entry id → centre id."""
    by_centro, by_entry = all_by_owner(db)
    return {
        r.id: without_closed_days(
            rule_of(r), [*by_centro.get(centro_of.get(r.entry_id, 0), []), *by_entry.get(r.entry_id, [])]
        )
        for r in rows
    }


def sessions_of(db: Session, entry_ids: Sequence[int] | None) -> dict[int, list[EntrySession]]:
    """Sessions by entry, of these entries (None: of every entry, for whole-directory exports)."""
    out: dict[int, list[EntrySession]] = {}
    if entry_ids is not None and not entry_ids:
        return out
    query = select(EntrySession).order_by(col(EntrySession.id))
    if entry_ids is not None:
        query = query.where(col(EntrySession.entry_id).in_(list(entry_ids)))
    for s in db.exec(query).all():
        out.setdefault(s.entry_id, []).append(s)
    return out


@dataclass(frozen=True)
class SessionOccurrence:
    entry_id: int
    centro_id: int
    title: str
    location: str
    occurrence: Occurrence


def upcoming(
    db: Session, entry_ids: Sequence[int], now: datetime, days: int = UPCOMING_DAYS
) -> list[SessionOccurrence]:
    """Sessions of these published entries (of open centres) that have not ended, starting
    within `days`, in time order."""
    if not entry_ids:
        return []
    entries = {
        e.id: e
        for e in db.exec(
            select(CardEntry)
            .join(Centro, col(Centro.id) == col(CardEntry.centro_id))
            .where(
                col(CardEntry.id).in_(list(entry_ids)),
                *backed_entries(),
                col(Centro.is_active).is_(True),
            )
        ).all()
    }
    start = now.astimezone(ROME)
    end = start + timedelta(days=days)
    found = []
    by_entry = sessions_of(db, list(entries))
    rules = public_rules(
        db, [r for rows in by_entry.values() for r in rows], {i: e.centro_id for i, e in entries.items()}
    )
    for entry_id, rows in by_entry.items():
        e = entries[entry_id]
        for row in rows:
            for occ in occurrences(rules[row.id], start, end):
                found.append(SessionOccurrence(e.id, e.centro_id, e.title, e.location, occ))
    found.sort(key=lambda a: (a.occurrence.start, a.entry_id))
    return found


def published_entry_ids(db: Session, centro_ids: Sequence[int]) -> list[int]:
    if not centro_ids:
        return []
    return list(
        db.exec(select(CardEntry.id).where(col(CardEntry.centro_id).in_(list(centro_ids)), *backed_entries())).all()
    )
