"""Logging in: throttle, verify, open a session. One message for every failure (no account enumeration)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlmodel import Session

from zerosei_app.auth.accounts import get_by_email
from zerosei_app.auth.passwords import hash_password, needs_rehash, verify_password
from zerosei_app.auth.sessions import create_session
from zerosei_app.auth.throttle import locked_message, locked_until, record_attempt

BAD_CREDENTIALS = "E-mail o password non corretti. Controlla e riprova."
DISABLED = "Questo account è stato disattivato. Rivolgiti all'ufficio regionale."


@dataclass(frozen=True)
class LoginOutcome:
    ok: bool
    message: str = ""
    token: str | None = None
    user_id: int | None = None


def attempt_login(db: Session, email: str, password: str, client_hash: str, now: datetime) -> LoginOutcome:
    email = email.strip().casefold()[:254]
    until = locked_until(db, email, client_hash, now)
    if until is not None:
        return LoginOutcome(False, locked_message(until))
    # Counted as a failure before the password is checked: a burst of parallel tries all see each
    # other, so no burst gets more guesses than the limit.
    attempt = record_attempt(db, email, client_hash, False, now)
    db.commit()
    until = locked_until(db, email, client_hash, now, slack=1)
    if until is not None:
        return LoginOutcome(False, locked_message(until))
    user = get_by_email(db, email)
    ok = verify_password(user.password_hash if user else None, password)
    if ok and user is not None and user.is_active:
        attempt.success = True
        db.add(attempt)
        if needs_rehash(user.password_hash):
            user.password_hash = hash_password(password)
            db.add(user)
        token = create_session(db, user.id, now)
        db.commit()
        return LoginOutcome(True, token=token, user_id=user.id)
    until = locked_until(db, email, client_hash, now)
    if until is not None:
        return LoginOutcome(False, locked_message(until))
    # Only someone who knows the password learns that the account is disabled.
    return LoginOutcome(False, DISABLED if ok else BAD_CREDENTIALS)
