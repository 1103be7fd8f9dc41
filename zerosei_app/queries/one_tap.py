"""The one-tap link of a reminder, read: its items as the page shows them (changes nothing; confirming and
undoing: commands/one_tap.py).

The link's token is random and stored only hashed on its reminder (single purpose: it can only
confirm that reminder's items, for 30 days). Opening it (GET) never writes: mail scanners open links."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

from sqlmodel import Session, col, select

from zerosei_app.domain.clock import aware
from zerosei_app.domain.tokens import hash_token
from zerosei_app.mail.messages import CONTATTI_ITEM
from zerosei_app.models import CardEntry, Centro, EntryStatus, ReviewConfirmation, ReviewReminder
from zerosei_app.queries.review_cycle import SENT, last_contacts_confirmation

OK, DONE, EXPIRED, INVALID = "ok", "done", "expired", "invalid"


@dataclass
class OneTap:
    status: str  # ok (to confirm) | done (confirmed; may undo) | expired | invalid
    centro_id: int = 0
    centro: str = ""
    items: list[tuple[str, str, date | None]] = field(default_factory=list)  # (title, what it says, last confirmed)
    confirmed_on: date | None = None


def find_reminder(db: Session, token: str | None, now: datetime) -> tuple[ReviewReminder | None, str]:
    if not token or len(token) > 200:
        return None, INVALID
    r = db.exec(select(ReviewReminder).where(ReviewReminder.token_hash == hash_token(token))).first()
    if r is None or r.status != SENT:
        return None, INVALID
    if r.expires_at is None or aware(r.expires_at) < now:
        return r, EXPIRED
    return r, OK


def entries_to_confirm(db: Session, r: ReviewReminder) -> list[CardEntry]:
    """The reminder's entries that are still the centre's and still published (others are skipped)."""
    if not r.entry_ids:
        return []
    rows = db.exec(
        select(CardEntry)
        .where(
            col(CardEntry.id).in_(r.entry_ids),
            CardEntry.centro_id == r.centro_id,
            CardEntry.status == EntryStatus.PUBLISHED,
        )
        .order_by(col(CardEntry.title), col(CardEntry.id))
    ).all()
    return list(rows)


def confirmations_of(db: Session, r: ReviewReminder) -> list[ReviewConfirmation]:
    return list(
        db.exec(
            select(ReviewConfirmation).where(
                ReviewConfirmation.reminder_id == r.id, col(ReviewConfirmation.undone_at).is_(None)
            )
        ).all()
    )


def _contacts(centro: Centro | None) -> str:
    """The stored contacts as one line, so what is confirmed is what is shown."""
    if centro is None:
        return ""
    parts = (centro.address, centro.phone, centro.email, centro.website, centro.hours)
    return " · ".join(p.strip() for p in parts if p and p.strip()) or "nessun recapito registrato"


def view(db: Session, token: str | None, now: datetime) -> OneTap:
    r, status = find_reminder(db, token, now)
    if r is None:
        return OneTap(INVALID)
    centro = db.get(Centro, r.centro_id)
    name = centro.name if centro else ""
    if status == EXPIRED:
        return OneTap(EXPIRED, r.centro_id, name)
    done = confirmations_of(db, r)
    if done:
        ids = [c.entry_id for c in done if c.entry_id]
        entries = {e.id: e for e in db.exec(select(CardEntry).where(col(CardEntry.id).in_(ids))).all()}
        items = [
            (entries[c.entry_id].title, entries[c.entry_id].summary, c.previous_on)
            if c.entry_id in entries
            else (CONTATTI_ITEM, _contacts(centro), c.previous_on)
            for c in done
        ]
        items.sort(key=lambda i: (i[0] == CONTATTI_ITEM, i[0]))
        return OneTap(DONE, r.centro_id, name, items, done[0].confirmed_on)
    items = [(e.title, e.summary, e.last_reviewed_on) for e in entries_to_confirm(db, r)]
    if r.contacts:
        items.append((CONTATTI_ITEM, _contacts(centro), last_contacts_confirmation(db, r.centro_id)))
    return OneTap(OK, r.centro_id, name, items)
