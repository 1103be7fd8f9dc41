"""The outbox: a message is stored in the request's own transaction, then sent after it.
Once sent, its text is dropped (it holds one-time links); what, to whom and when stay.

Sending never happens inside a request: `send_soon()` wakes one background thread, the running app
retries every few minutes (web/mail_retry.py) and `zerosei mail flush` retries by hand. A message
that fails stays unsent with its error and is tried again later (the wait grows, up to an hour).
Two senders never send the same message: each first claims it with a conditional UPDATE.
"""

from __future__ import annotations

import logging
import threading
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta

from sqlalchemy import or_, update
from sqlmodel import Session, col, select

from zerosei_app.domain import clock
from zerosei_app.mail.compose import Message
from zerosei_app.mail.transport import SendError, build, send_smtp, write_eml
from zerosei_app.models import MailOutbox
from zerosei_app.settings import MailSettings, get_mail_settings, get_publisher

log = logging.getLogger(__name__)
CLAIM = timedelta(minutes=2)
MAX_WAIT = timedelta(hours=1)
SENT_BODY = "(inviato; il testo non viene conservato perché contiene link personali)"


def enqueue(db: Session, message: Message, now: datetime) -> MailOutbox:
    """Stored with the caller's transaction (committed with it, or not at all)."""
    signed = replace(message, signature=message.signature or f"{get_publisher().name} – ZeroSei digitale")
    row = MailOutbox(
        kind=message.kind,
        to_addrs=list(message.to),
        cc_addrs=list(message.cc),
        subject=message.subject,
        body_text=signed.text(),
        body_html=signed.html(),
        created_at=now,
        next_attempt_at=now,
    )
    db.add(row)
    db.flush()
    return row


@dataclass
class FlushResult:
    sent: list[int] = field(default_factory=list)
    failed: dict[int, str] = field(default_factory=dict)


def _claim(db: Session, msg_id: int, now: datetime) -> bool:
    result = db.execute(
        update(MailOutbox)
        .where(
            col(MailOutbox.id) == msg_id,
            col(MailOutbox.sent_at).is_(None),
            or_(col(MailOutbox.claimed_until).is_(None), col(MailOutbox.claimed_until) < now),
        )
        .values(claimed_until=now + CLAIM)
    )
    db.commit()
    return result.rowcount == 1


def flush(
    db: Session, settings: MailSettings | None = None, now: datetime | None = None, *, all_due=False
) -> FlushResult:
    """Sends what is waiting (every unsent message with all_due, else those whose retry time came)."""
    settings = settings or get_mail_settings()
    now = now or clock.now()
    query = select(MailOutbox.id).where(col(MailOutbox.sent_at).is_(None))
    if not all_due:
        query = query.where(col(MailOutbox.next_attempt_at) <= now)
    result = FlushResult()
    for msg_id in db.exec(query.order_by(col(MailOutbox.id))).all():
        if not _claim(db, msg_id, now):
            continue
        row = db.get(MailOutbox, msg_id)
        message = build(settings, row.id, row.to_addrs, row.cc_addrs, row.subject, row.body_text, row.body_html, now)
        try:
            if settings.uses_files:
                write_eml(settings.outbox_dir, row.id, message)
            else:
                send_smtp(settings, message)
        except (SendError, OSError) as exc:
            row.attempts += 1
            row.last_error = str(exc)[:1000]
            row.next_attempt_at = now + min(MAX_WAIT, timedelta(minutes=2 ** min(row.attempts, 6)))
            row.claimed_until = None
            result.failed[row.id] = row.last_error
            log.warning("e-mail %s not sent (attempt %s): %s", row.id, row.attempts, exc)
        else:
            row.sent_at, row.sent_via, row.last_error, row.claimed_until = (
                now,
                "file" if settings.uses_files else "smtp",
                None,
                None,
            )
            row.attempts += 1
            # Bodies carry one-time links (set-up, one-tap) whose tokens are otherwise stored only hashed:
            # once delivered they are not kept (subject, recipients and dates stay for the record).
            row.body_text, row.body_html = SENT_BODY, SENT_BODY
            result.sent.append(row.id)
        db.add(row)
        db.commit()
    return result


def pending(db: Session) -> list[MailOutbox]:
    return list(db.exec(select(MailOutbox).where(col(MailOutbox.sent_at).is_(None)).order_by(col(MailOutbox.id))).all())


def failed_unsent(db: Session) -> list[MailOutbox]:
    """Unsent messages that have already failed at least once (the staff page says so)."""
    query = select(MailOutbox).where(col(MailOutbox.sent_at).is_(None), col(MailOutbox.attempts) > 0)
    return list(db.exec(query.order_by(col(MailOutbox.id))).all())


_wake = threading.Event()
_thread: threading.Thread | None = None
_thread_lock = threading.Lock()


def _sender_loop() -> None:
    from zerosei_app.db import session_scope

    while True:
        _wake.wait()
        _wake.clear()
        try:
            with session_scope() as db:
                flush(db)
        except Exception:  # the messages stay queued; the next wake or the periodic retry tries again
            log.exception("e-mail sender failed; messages stay queued")


def send_soon() -> None:
    """After a commit that queued messages: one background thread sends them (never the request)."""
    global _thread
    with _thread_lock:
        if _thread is None or not _thread.is_alive():
            _thread = threading.Thread(target=_sender_loop, name="zerosei-mail", daemon=True)
            _thread.start()
    _wake.set()
