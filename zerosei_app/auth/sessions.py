"""Server-side staff sessions: the browser holds a random token, the database only its hash."""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import update
from sqlmodel import Session, col, select

from zerosei_app.domain.clock import aware
from zerosei_app.domain.tokens import hash_token, new_token
from zerosei_app.models import StaffSession, StaffUser

ABSOLUTE_LIFETIME = timedelta(hours=12)  # a working day, then log in again
IDLE_TIMEOUT = timedelta(hours=2)
TOUCH_EVERY = timedelta(minutes=1)  # don't write last_seen_at on every click
MAX_TOKEN_CHARS = 200


def create_session(db: Session, user_id: int, now: datetime) -> str:
    token = new_token()
    db.add(
        StaffSession(
            token_hash=hash_token(token),
            user_id=user_id,
            created_at=now,
            expires_at=now + ABSOLUTE_LIFETIME,
            last_seen_at=now,
        )
    )
    return token


def find_session(db: Session, token: str | None, now: datetime) -> tuple[StaffSession, StaffUser] | None:
    """The live session behind a token and its active user, or None (unknown, expired, revoked, disabled)."""
    if not token or not isinstance(token, str) or len(token) > MAX_TOKEN_CHARS:
        return None
    row = db.exec(
        select(StaffSession, StaffUser)
        .join(StaffUser, col(StaffUser.id) == col(StaffSession.user_id))
        .where(StaffSession.token_hash == hash_token(token))
    ).first()
    if row is None:
        return None
    sess, user = row
    if sess.revoked_at is not None or not user.is_active:
        return None
    if aware(sess.expires_at) <= now or aware(sess.last_seen_at) + IDLE_TIMEOUT <= now:
        return None
    if now - aware(sess.last_seen_at) >= TOUCH_EVERY:
        sess.last_seen_at = now
        db.add(sess)
        db.commit()
    return sess, user


def revoke_token(db: Session, token: str | None, now: datetime) -> None:
    if not token or len(token) > MAX_TOKEN_CHARS:
        return
    db.execute(
        update(StaffSession)
        .where(StaffSession.token_hash == hash_token(token), col(StaffSession.revoked_at).is_(None))
        .values(revoked_at=now)
    )


def revoke_user_sessions(db: Session, user_id: int, now: datetime, keep_session_id: int | None = None) -> None:
    stmt = update(StaffSession).where(StaffSession.user_id == user_id, col(StaffSession.revoked_at).is_(None))
    if keep_session_id is not None:
        stmt = stmt.where(StaffSession.id != keep_session_id)
    db.execute(stmt.values(revoked_at=now))
