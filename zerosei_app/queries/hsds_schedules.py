"""Dated sessions of the exported entries, as parents get them (the same sessions the pages and
.ics show): view/hsds_schedules.py turns them into HSDS schedules."""

from __future__ import annotations

from dataclasses import dataclass

from sqlmodel import Session

from zerosei_app.domain.sessions import SessionRule
from zerosei_app.models import CardEntry
from zerosei_app.queries import sessions as q


@dataclass(frozen=True)
class DatedSession:
    session_id: int
    rule: SessionRule  # with the days of a temporary closure as cancelled dates, as in the .ics


def dated_sessions(
    session: Session, entries: dict[int, CardEntry], entry_ids: list[int] | None = None
) -> dict[int, list[DatedSession]]:
    """Sessions by entry id, of these exported entries only (`entry_ids` None: of every entry)."""
    by_entry = q.sessions_of(session, entry_ids)
    rows_shown = [s for i, rows in by_entry.items() if i in entries for s in rows]
    rules = q.public_rules(session, rows_shown, {i: e.centro_id for i, e in entries.items()})
    return {
        entry_id: [DatedSession(s.id, rules[s.id]) for s in rows]
        for entry_id, rows in by_entry.items()
        if entry_id in entries  # not published, or its centre is closed: left out
    }
