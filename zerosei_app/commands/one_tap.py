"""The one-tap link of a reminder, written: confirm exactly its items, or undo (what it shows:
queries/one_tap.py)."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import update
from sqlmodel import Session, col

from zerosei_app.commands.review_cycle import record_confirmation
from zerosei_app.models import CardEntry, ReviewReminder
from zerosei_app.queries.one_tap import OK, OneTap, confirmations_of, entries_to_confirm, find_reminder, view


def confirm(db: Session, token: str | None, now: datetime, today: date) -> OneTap:
    """Confirms exactly the reminder's items, once (a second press shows what was confirmed)."""
    r, status = find_reminder(db, token, now)
    if r is None or status != OK:
        return view(db, token, now)
    # Claim the link first (a conditional UPDATE): two presses at once confirm once.
    claimed = db.execute(
        update(ReviewReminder)
        .where(col(ReviewReminder.id) == r.id, col(ReviewReminder.used_at).is_(None))
        .values(used_at=now)
    )
    if claimed.rowcount == 1 and not confirmations_of(db, r):
        for entry in entries_to_confirm(db, r):
            record_confirmation(
                db,
                centro_id=r.centro_id,
                entry=entry,
                how="one-tap",
                user_id=None,
                today=today,
                now=now,
                reminder_id=r.id,
            )
        if r.contacts:
            record_confirmation(
                db,
                centro_id=r.centro_id,
                entry=None,
                how="one-tap",
                user_id=None,
                today=today,
                now=now,
                reminder_id=r.id,
            )
        db.flush()
    return view(db, token, now)


def undo(db: Session, token: str | None, now: datetime) -> OneTap:
    """Takes back this link's confirmations: each entry gets its earlier date again, unless
    someone confirmed it again since (then that later confirmation stands)."""
    r, status = find_reminder(db, token, now)
    if r is None or status != OK:
        return view(db, token, now)
    for c in confirmations_of(db, r):
        if c.entry_id is not None:
            entry = db.get(CardEntry, c.entry_id)
            if entry is not None and entry.last_reviewed_on == c.confirmed_on:
                entry.last_reviewed_on = c.previous_on
                entry.is_example = entry.is_example or c.was_example
                db.add(entry)
        c.undone_at = now
        db.add(c)
    r.used_at = None
    db.add(r)
    db.flush()
    return view(db, token, now)
