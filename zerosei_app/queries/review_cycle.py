"""The review cycle, read: what each centre must confirm, its confirmations and reminders, the Regione's
view (recording a confirmation and sending reminders: commands/review_cycle.py).

Tables: review_confirmation (who, when, how: editor | one-tap | import; an entry, or with entry_id
None the centre's contacts) and review_reminder (each reminder, or "senza_account" for a centre with
due items and nobody to write to). The Regione's view reads the centres nobody could be reminded (`no_account`)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlmodel import Session, col, select

from zerosei_app.domain.review import is_due
from zerosei_app.mail.messages import CONTATTI_ITEM, DueItem
from zerosei_app.models import (
    CardEntry,
    Centro,
    EntryStatus,
    ReviewConfirmation,
    ReviewReminder,
    StaffMembership,
    StaffUser,
)

ONE_TAP_PATH = "/staff/conferma"
SENT, NO_ACCOUNT = "inviato", "senza_account"


# --- confirmations ---


def last_contacts_confirmation(db: Session, centro_id: int) -> date | None:
    return db.exec(
        select(ReviewConfirmation.confirmed_on)
        .where(
            ReviewConfirmation.centro_id == centro_id,
            col(ReviewConfirmation.entry_id).is_(None),
            col(ReviewConfirmation.undone_at).is_(None),
        )
        .order_by(col(ReviewConfirmation.confirmed_on).desc())
    ).first()


def last_confirmation(db: Session, centro_id: int) -> date | None:
    """The centre's latest confirmation of anything (not undone)."""
    return db.exec(
        select(ReviewConfirmation.confirmed_on)
        .where(ReviewConfirmation.centro_id == centro_id, col(ReviewConfirmation.undone_at).is_(None))
        .order_by(col(ReviewConfirmation.confirmed_on).desc())
    ).first()


# --- what is due ---


@dataclass
class CentroDue:
    centro: Centro
    entries: list[CardEntry]
    contacts_due: bool
    contacts_last: date | None

    @property
    def any(self) -> bool:
        return bool(self.entries) or self.contacts_due

    def items(self) -> list[DueItem]:
        out = [DueItem(e.title, e.last_reviewed_on) for e in self.entries]
        if self.contacts_due:
            out.append(DueItem(CONTATTI_ITEM, self.contacts_last))
        return out


def published_entries(db: Session, centro_id: int) -> list[CardEntry]:
    return list(
        db.exec(
            select(CardEntry)
            .where(CardEntry.centro_id == centro_id, CardEntry.status == EntryStatus.PUBLISHED)
            .order_by(col(CardEntry.title), col(CardEntry.id))
        ).all()
    )


def due_for(db: Session, centro: Centro, today: date, review_days: int) -> CentroDue:
    entries = [e for e in published_entries(db, centro.id) if is_due(e.last_reviewed_on, today, review_days)]
    contacts_last = last_contacts_confirmation(db, centro.id)
    return CentroDue(centro, entries, is_due(contacts_last, today, review_days), contacts_last)


def active_operatori(db: Session, centro_id: int) -> list[str]:
    """Addresses of the centre's active accounts that have set their password (invited ones can't act yet)."""
    return list(
        db.exec(
            select(StaffUser.email)
            .join(StaffMembership, col(StaffMembership.user_id) == col(StaffUser.id))
            .where(
                StaffMembership.centro_id == centro_id,
                col(StaffUser.is_active).is_(True),
                col(StaffUser.password_hash).is_not(None),
            )
            .order_by(col(StaffUser.email))
        ).all()
    )


def regione_emails(db: Session) -> list[str]:
    return list(
        db.exec(
            select(StaffUser.email)
            .where(
                StaffUser.role == "regione",
                col(StaffUser.is_active).is_(True),
                col(StaffUser.password_hash).is_not(None),
            )
            .order_by(col(StaffUser.email))
        ).all()
    )


def reminders_of(db: Session, centro_id: int, status: str = SENT) -> list[ReviewReminder]:
    return list(
        db.exec(
            select(ReviewReminder)
            .where(ReviewReminder.centro_id == centro_id, ReviewReminder.status == status)
            .order_by(col(ReviewReminder.sent_on), col(ReviewReminder.id))
        ).all()
    )


def no_account(db: Session, on: date | None = None) -> list[tuple[int, str]]:
    """Centres with due items and no active account as of the latest `reminders send` (or of day `on`),
    by name: the Regione's job (invite someone there)."""
    if on is None:
        on = db.exec(
            select(ReviewReminder.sent_on)
            .where(ReviewReminder.status == NO_ACCOUNT)
            .order_by(col(ReviewReminder.sent_on).desc())
        ).first()
        if on is None:
            return []
    rows = db.exec(
        select(Centro.id, Centro.name)
        .join(ReviewReminder, col(ReviewReminder.centro_id) == col(Centro.id))
        .where(ReviewReminder.status == NO_ACCOUNT, ReviewReminder.sent_on == on)
        .order_by(col(Centro.name))
    ).all()
    return [(cid, nome) for cid, nome in rows]
