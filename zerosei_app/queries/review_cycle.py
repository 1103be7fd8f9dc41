"""The review cycle: what each centre must confirm, the reminders, and the one-tap confirmation.

Tables: review_confirmation (who, when, how: editor | one-tap | import; an entry, or with entry_id
None the centre's contacts) and review_reminder (each reminder, or "senza_account" for a centre with
due items and nobody to write to). The Regione's view reads both (`centro_status`, `no_account`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import update
from sqlmodel import Session, col, select

from zerosei_app.domain.review import ONE_TAP_DAYS, is_due, next_reminder
from zerosei_app.domain.tokens import hash_token, new_token
from zerosei_app.mail.messages import CONTATTI_ITEM, DueItem, reminder
from zerosei_app.mail.outbox import enqueue
from zerosei_app.models import (
    CardEntry,
    Centro,
    EntryStatus,
    ReviewConfirmation,
    ReviewReminder,
    StaffMembership,
    StaffUser,
)
from zerosei_app.queries import audit
from zerosei_app.settings import get_mail_settings

ONE_TAP_PATH = "/staff/conferma"
SENT, NO_ACCOUNT = "inviato", "senza_account"
_ROME = ZoneInfo("Europe/Rome")


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


# --- what is due ---


@dataclass
class CentroDue:
    centro: Centro
    entries: list[CardEntry]
    contatti_due: bool
    contatti_last: date | None

    @property
    def any(self) -> bool:
        return bool(self.entries) or self.contatti_due

    def items(self) -> list[DueItem]:
        out = [DueItem(e.title, e.last_reviewed_on) for e in self.entries]
        if self.contatti_due:
            out.append(DueItem(CONTATTI_ITEM, self.contatti_last))
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
    contatti_last = last_contacts_confirmation(db, centro.id)
    return CentroDue(centro, entries, is_due(contatti_last, today, review_days), contatti_last)


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


# --- sending ---


@dataclass
class ReminderReport:
    today: date
    sent: list[tuple[str, int, list[str], list[str], int]] = field(default_factory=list)  # centro, seq, to, cc, items
    no_account: list[tuple[int, str, int]] = field(default_factory=list)  # id, centro, items due
    up_to_date: int = 0
    waiting: int = 0  # due, but no reminder today (one was sent recently)


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
            report.no_account.append((centro.id, centro.nome, len(due.items())))
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
            centro=centro.nome,
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
                contatti=due.contatti_due,
                recipients=to,
                cc=cc,
                token_hash=hash_token(token),
                expires_at=expires,
                mail_id=mail.id,
                created_at=now,
            )
        )
        report.sent.append((centro.nome, seq, to, cc, len(due.items())))
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
                contatti=due.contatti_due,
            )
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
        select(Centro.id, Centro.nome)
        .join(ReviewReminder, col(ReviewReminder.centro_id) == col(Centro.id))
        .where(ReviewReminder.status == NO_ACCOUNT, ReviewReminder.sent_on == on)
        .order_by(col(Centro.nome))
    ).all()
    return [(cid, nome) for cid, nome in rows]


# --- for the Regione's view (per centre) ---


@dataclass
class CentroReview:
    centro_id: int
    nome: str
    invito: str  # attivo (someone set a password) | invitato (invited, not yet) | nessuno
    pubblicate: int
    confermate: int  # published and confirmed within the review period
    scadute: int  # published and due (never confirmed counts)
    contatti_da_confermare: bool
    ultima_conferma: date | None
    promemoria: int  # reminders sent
    ultimo_promemoria: date | None


def _invitation_status(db: Session, centro_id: int) -> str:
    users = db.exec(
        select(StaffUser)
        .join(StaffMembership, col(StaffMembership.user_id) == col(StaffUser.id))
        .where(StaffMembership.centro_id == centro_id, col(StaffUser.is_active).is_(True))
    ).all()
    if any(u.password_hash for u in users):
        return "attivo"
    return "invitato" if users else "nessuno"


def review_overview(db: Session, today: date, review_days: int | None = None) -> list[CentroReview]:
    """Every open centre's place in the review cycle, by name."""
    days = review_days or get_mail_settings().review_days
    out = []
    for centro in db.exec(select(Centro).where(col(Centro.is_active).is_(True)).order_by(col(Centro.nome))).all():
        published = published_entries(db, centro.id)
        due = [e for e in published if is_due(e.last_reviewed_on, today, days)]
        sent = reminders_of(db, centro.id)
        out.append(
            CentroReview(
                centro_id=centro.id,
                nome=centro.nome,
                invito=_invitation_status(db, centro.id),
                pubblicate=len(published),
                confermate=len(published) - len(due),
                scadute=len(due),
                contatti_da_confermare=is_due(last_contacts_confirmation(db, centro.id), today, days),
                ultima_conferma=last_confirmation(db, centro.id),
                promemoria=len(sent),
                ultimo_promemoria=sent[-1].sent_on if sent else None,
            )
        )
    return out
