"""Login throttling, three locks of 15 minutes each:

- 5 failures within 15 minutes for one account from one address lock that account from that
  address (a guesser), without locking the account's owner out from her own office;
- 10 failures from one address, whatever the accounts, lock that address (trying many accounts);
- 20 failures for one account from any addresses lock that account (guessing from many places).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timedelta

from sqlmodel import Session, col, func, select

from zerosei_app.domain.clock import aware, hhmm
from zerosei_app.models import LoginAttempt

MAX_FAILURES = 5  # one account from one address
MAX_FAILURES_PER_ADDRESS = 10
MAX_FAILURES_PER_ACCOUNT = 20
WINDOW = timedelta(minutes=15)
LOCK = timedelta(minutes=15)


def _lock_end(failures: Sequence[datetime], limit: int) -> datetime | None:
    """End of the latest lock: any `limit` failures within WINDOW lock until the last one + LOCK."""
    times = sorted(aware(t) for t in failures)
    end = None
    for i in range(len(times) - limit + 1):
        if times[i + limit - 1] - times[i] <= WINDOW:
            end = times[i + limit - 1] + LOCK
    return end


def locked_until(db: Session, email: str, client_hash: str, now: datetime, slack: int = 0) -> datetime | None:
    """When the lock ends, or None. `slack=1` once the current try is itself recorded as a failure."""
    since = now - WINDOW - LOCK
    # A successful login ends the account's streak (not the address's: one good account
    # must not let an address keep guessing others).
    last_ok = db.exec(
        select(func.max(LoginAttempt.created_at)).where(
            LoginAttempt.email == email, col(LoginAttempt.success).is_(True)
        )
    ).one()
    account_since = max(since, aware(last_ok)) if last_ok else since
    by_account = db.exec(
        select(LoginAttempt.created_at, LoginAttempt.client_hash).where(
            LoginAttempt.email == email, col(LoginAttempt.success).is_(False), LoginAttempt.created_at > account_since
        )
    ).all()
    by_client = db.exec(
        select(LoginAttempt.created_at).where(
            LoginAttempt.client_hash == client_hash,
            col(LoginAttempt.success).is_(False),
            LoginAttempt.created_at > since,
        )
    ).all()
    ends = [
        _lock_end([t for t, h in by_account if h == client_hash], MAX_FAILURES + slack),
        _lock_end([t for t, _ in by_account], MAX_FAILURES_PER_ACCOUNT + slack),
        _lock_end(by_client, MAX_FAILURES_PER_ADDRESS + slack),
    ]
    ends = [e for e in ends if e and e > now]
    return max(ends) if ends else None


def locked_message(until: datetime) -> str:
    return (
        "Troppi tentativi non riusciti: per sicurezza l'accesso è bloccato per 15 minuti "
        f"(fino alle {hhmm(until)}). Se non ricordi la password, chiedi all'ufficio regionale un nuovo link di attivazione."
    )


def record_attempt(db: Session, email: str, client_hash: str, success: bool, now: datetime) -> LoginAttempt:
    attempt = LoginAttempt(email=email[:254], client_hash=client_hash, success=success, created_at=now)
    db.add(attempt)
    return attempt
