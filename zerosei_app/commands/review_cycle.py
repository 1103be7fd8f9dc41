"""The review cycle, written: a confirmation recorded (editor, one-tap, import), and the reminders queued
in the mail outbox (what is due: queries/review_cycle.py)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import update
from sqlmodel import Session, col, select

from zerosei_app.commands import audit
from zerosei_app.domain.review import ONE_TAP_DAYS, next_reminder
from zerosei_app.domain.tokens import hash_token, new_token
from zerosei_app.mail.messages import reminder
from zerosei_app.mail.outbox import enqueue
from zerosei_app.models import (
    CardEntry,
    Centro,
    ReviewConfirmation,
    ReviewReminder,
)
from zerosei_app.queries.review_cycle import (
    NO_ACCOUNT,
    ONE_TAP_PATH,
    CentroDue,
    active_operatori,
    due_for,
    last_confirmation,
    last_contacts_confirmation,
    regione_emails,
    reminders_of,
)
from zerosei_app.settings import get_mail_settings


def record_confirmation(
    db: Session,
    *,
    centro_id: int,
    entry: CardEntry | None,
    how: str,
    user_id: int | None,
    today: date,
    now: datetime,
    reminder_id: int | None = None,
) -> ReviewConfirmation:
    """Records it; for an entry also sets the date parents see ("Verificato dal centro il …").

    The editor's own save path sets the entry's date itself (it versions the entry; an import writes
    its own record); here the one-tap path writes it, without a new version, so an editor open
    meanwhile keeps working. As in the editor, a confirmed entry is no longer an unconfirmed example."""
    previous = entry.last_reviewed_on if entry is not None else last_contacts_confirmation(db, centro_id)
    row = ReviewConfirmation(
        centro_id=centro_id,
        entry_id=entry.id if entry is not None else None,
        confirmed_on=today,
        confirmed_at=now,
        user_id=user_id,
        how=how,
        reminder_id=reminder_id,
        previous_on=previous,
        was_example=bool(entry is not None and entry.is_example),
    )
    db.add(row)
    if entry is not None and how != "editor":
        db.execute(
            update(CardEntry).where(col(CardEntry.id) == entry.id).values(last_reviewed_on=today, is_example=False)
        )
        audit.record(
            db,
            entity="card_entry",
            entity_id=entry.id,
            centro_id=centro_id,
            user_id=user_id,
            action="review",
            before={"last_reviewed_on": previous.isoformat() if previous else None, "is_example": entry.is_example},
            after={"last_reviewed_on": today.isoformat(), "is_example": False, "come": how},
            now=now,
        )
    db.flush()
    return row


# --- sending ---


@dataclass
class ReminderReport:
    today: date
    sent: list[tuple[str, int, list[str], list[str], int]] = field(default_factory=list)  # centro, seq, to, cc, items
    no_account: list[tuple[int, str, int]] = field(default_factory=list)  # id, centro, items due
    up_to_date: int = 0
    waiting: int = 0  # due, but no reminder today (one was sent recently)


_ROME = ZoneInfo("Europe/Rome")


def token_expiry(today: date) -> datetime:
    """The end of the 30th day after sending (Italian time), in UTC."""
    return datetime.combine(today + timedelta(days=ONE_TAP_DAYS), time(23, 59, 59), _ROME).astimezone(UTC)


def send_reminders(db: Session, today: date, base_url: str, now: datetime | None = None) -> ReminderReport:
    """One e-mail per open centre with due items (queued in this transaction; the caller commits and
    sends). Running it again the same day sends nothing new."""
    from zerosei_app.domain import clock

    now = now or clock.now()
    review_days = get_mail_settings().review_days
    report = ReminderReport(today)
    base = base_url.rstrip("/")
    regione = regione_emails(db)
    for centro in db.exec(select(Centro).where(col(Centro.is_active).is_(True)).order_by(col(Centro.id))).all():
        due = due_for(db, centro, today, review_days)
        if not due.any:
            report.up_to_date += 1
            continue
        to = active_operatori(db, centro.id)
        if not to:
            report.no_account.append((centro.id, centro.name, len(due.items())))
            _note_no_account(db, centro.id, today, due)
            continue
        history = [(r.sent_on, r.sequence) for r in reminders_of(db, centro.id)]
        seq = next_reminder(history, last_confirmation(db, centro.id), today)
        if seq is None:
            report.waiting += 1
            continue
        cc = [e for e in regione if e not in to] if seq >= 3 else []
        token = new_token()
        expires = token_expiry(today)
        message = reminder(
            centro=centro.name,
            to=to,
            cc=cc,
            sequence=seq,
            items=due.items(),
            editor_url=f"{base}/staff/voci?centro={centro.id}",
            one_tap_url=f"{base}{ONE_TAP_PATH}?t={token}",
            expires=today + timedelta(days=ONE_TAP_DAYS),
            review_days=review_days,
        )
        mail = enqueue(db, message, now)
        db.add(
            ReviewReminder(
                centro_id=centro.id,
                sent_on=today,
                sequence=seq,
                entry_ids=[e.id for e in due.entries],
                contacts=due.contacts_due,
                recipients=to,
                cc=cc,
                token_hash=hash_token(token),
                expires_at=expires,
                mail_id=mail.id,
                created_at=now,
            )
        )
        report.sent.append((centro.name, seq, to, cc, len(due.items())))
    db.flush()
    return report


def _note_no_account(db: Session, centro_id: int, today: date, due: CentroDue) -> None:
    """At most one row a day per centre, so the Regione's view can list and count them."""
    exists = db.exec(
        select(ReviewReminder.id).where(
            ReviewReminder.centro_id == centro_id, ReviewReminder.status == NO_ACCOUNT, ReviewReminder.sent_on == today
        )
    ).first()
    if exists is None:
        db.add(
            ReviewReminder(
                centro_id=centro_id,
                sent_on=today,
                sequence=0,
                status=NO_ACCOUNT,
                entry_ids=[e.id for e in due.entries],
                contacts=due.contacts_due,
            )
        )
