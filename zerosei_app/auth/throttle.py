"""Login throttling: 5 failures within 15 minutes lock that account and that address for 15 minutes."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timedelta

from sqlmodel import Session, col, func, select

from zerosei_app.auth.clock import aware
from zerosei_app.models import LoginAttempt

MAX_FAILURES = 5
WINDOW = timedelta(minutes=15)
LOCK = timedelta(minutes=15)


def _lock_end(failures: Sequence[datetime]) -> datetime | None:
    """End of the latest lock: any MAX_FAILURES failures within WINDOW lock until the last one + LOCK."""
    times = sorted(aware(t) for t in failures)
    end = None
    for i in range(len(times) - MAX_FAILURES + 1):
        if times[i + MAX_FAILURES - 1] - times[i] <= WINDOW:
            end = times[i + MAX_FAILURES - 1] + LOCK
    return end


def locked_until(db: Session, email: str, client_hash: str, now: datetime) -> datetime | None:
    since = now - WINDOW - LOCK
    # A successful login ends the account's streak (not the address's: one good account
    # must not let an address keep guessing others).
    last_ok = db.exec(
        select(func.max(LoginAttempt.created_at)).where(LoginAttempt.email == email, col(LoginAttempt.success).is_(True))
    ).one()
    account_since = max(since, aware(last_ok)) if last_ok else since
    by_account = db.exec(
        select(LoginAttempt.created_at).where(
            LoginAttempt.email == email, col(LoginAttempt.success).is_(False), LoginAttempt.created_at > account_since
        )
    ).all()
    by_client = db.exec(
        select(LoginAttempt.created_at).where(
            LoginAttempt.client_hash == client_hash, col(LoginAttempt.success).is_(False), LoginAttempt.created_at > since
        )
    ).all()
    ends = [e for e in (_lock_end(by_account), _lock_end(by_client)) if e and e > now]
    return max(ends) if ends else None


def record_attempt(db: Session, email: str, client_hash: str, success: bool, now: datetime) -> None:
    db.add(LoginAttempt(email=email[:254], client_hash=client_hash, success=success, created_at=now))
