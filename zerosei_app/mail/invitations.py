"""An invitation: the account without a password, and an e-mail with its one-time set-up link."""

from __future__ import annotations

from datetime import datetime

from sqlmodel import Session, col, select

from zerosei_app.auth.accounts import SETUP_VALIDITY, create_account, issue_setup_token, setup_url
from zerosei_app.domain.clock import local
from zerosei_app.mail.messages import invitation
from zerosei_app.mail.outbox import enqueue
from zerosei_app.models import Centro, MailOutbox, StaffUser
from zerosei_app.queries.staff_accounts import memberships
from zerosei_app.settings import get_publisher


def centri_names(db: Session, ids: list[int]) -> list[str]:
    if not ids:
        return []
    return list(db.exec(select(Centro.name).where(col(Centro.id).in_(ids)).order_by(col(Centro.name))).all())


def send_setup_link(db: Session, user: StaffUser, token: str, base_url: str, now: datetime) -> MailOutbox:
    """Queues the e-mail with the link (in the caller's transaction; send after the commit)."""
    message = invitation(
        name=user.name,
        email=user.email,
        role=user.role,
        centri=centri_names(db, memberships(db, user.id)),
        url=setup_url(token, base_url),
        expires=local(now + SETUP_VALIDITY).date(),
        publisher=get_publisher().name,
    )
    return enqueue(db, message, now)


def invite(
    db: Session,
    *,
    email: str,
    name: str,
    role: str,
    centro_ids: list[int],
    actor_id: int | None,
    now: datetime,
    base_url: str,
) -> tuple[StaffUser, str]:
    """Creates the account (no password) and queues its invitation; returns the user and the link."""
    user, token = create_account(
        db, email=email, name=name, role=role, centro_ids=centro_ids, actor_id=actor_id, now=now
    )
    send_setup_link(db, user, token, base_url, now)
    return user, setup_url(token, base_url)


def resend(db: Session, user: StaffUser, actor_id: int | None, now: datetime, base_url: str) -> str:
    """A new link by e-mail (the previous one stops working); returns the link."""
    token = issue_setup_token(db, user, actor_id, now)
    send_setup_link(db, user, token, base_url, now)
    return setup_url(token, base_url)
