"""Staff accounts: create, invite (one-time setup link), set a password, disable, re-enable."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime, timedelta

from sqlmodel import Session, col, delete, select

from zerosei_app.auth.passwords import hash_password, verify_password
from zerosei_app.auth.sessions import revoke_user_sessions
from zerosei_app.auth.throttle import locked_message, locked_until, record_attempt
from zerosei_app.commands import audit
from zerosei_app.domain.clock import aware
from zerosei_app.domain.password_policy import password_problem
from zerosei_app.domain.permissions import ROLES
from zerosei_app.domain.tokens import hash_token, new_token
from zerosei_app.models import Centro, StaffMembership, StaffUser
from zerosei_app.queries.staff_accounts import memberships
from zerosei_app.view.share import site_base

SETUP_VALIDITY = timedelta(days=7)  # an invitation may wait a week in a mailbox
# What the audit log keeps of an account (never the password hash or tokens).
AUDIT_FIELDS = ("email", "name", "role", "is_active")
SETUP_PATH = "/staff/attiva"


class AccountError(ValueError):
    """A refusal the user can act on (the message says what to do)."""


def _audit(db: Session, account_id: int, actor_id: int | None, action: str, now: datetime, *, before=None, after=None):
    """Every change to an account goes into audit_record the same way (entity staff_user, no centre)."""
    audit.record(
        db,
        entity="staff_user",
        entity_id=account_id,
        centro_id=None,
        user_id=actor_id,
        action=action,
        before=before,
        after=after,
        now=now,
    )


def _audit_after(db: Session, user: StaffUser) -> dict:
    data = audit.snapshot(user, AUDIT_FIELDS)
    data["centri"] = memberships(db, user.id)
    return data


def get_by_email(db: Session, email: str) -> StaffUser | None:
    return db.exec(select(StaffUser).where(StaffUser.email == email.strip().casefold())).first()


def _check_centri(db: Session, centro_ids: Iterable[int]) -> list[int]:
    ids = sorted(set(centro_ids))
    if ids:
        found = set(db.exec(select(Centro.id).where(col(Centro.id).in_(ids))).all())
        missing = [i for i in ids if i not in found]
        if missing:
            raise AccountError(f"Centro non trovato: {', '.join(map(str, missing))}.")
    return ids


def create_account(
    db: Session,
    *,
    email: str,
    name: str,
    role: str,
    centro_ids: Iterable[int],
    actor_id: int | None,
    now: datetime,
    password: str | None = None,
) -> tuple[StaffUser, str | None]:
    """Returns the user and, without a password, the one-time setup token to put in a link."""
    email = email.strip().casefold()
    if role not in ROLES:
        raise AccountError("Ruolo non valido: operatore o regione.")
    if get_by_email(db, email) is not None:
        raise AccountError("Esiste già un account con questa e-mail.")
    ids = _check_centri(db, centro_ids)
    if role == "operatore" and not ids:
        raise AccountError("Un operatore deve avere almeno un centro.")
    user = StaffUser(email=email, name=name.strip(), role=role, created_at=now)
    token = None
    if password is not None:
        problem = password_problem(password, email, name)
        if problem:
            raise AccountError(problem)
        user.password_hash = hash_password(password)
        user.password_changed_at = now
    else:
        token = new_token()
        user.setup_token_hash = hash_token(token)
        user.setup_expires_at = now + SETUP_VALIDITY
    db.add(user)
    db.flush()
    for centro_id in ids:
        db.add(StaffMembership(user_id=user.id, centro_id=centro_id))
    db.flush()
    _audit(db, user.id, actor_id, "create", now, after=_audit_after(db, user))
    return user, token


def issue_setup_token(db: Session, user: StaffUser, actor_id: int | None, now: datetime) -> str:
    """A new one-time link (the previous one stops working); the current password keeps working until used."""
    token = new_token()
    user.setup_token_hash = hash_token(token)
    user.setup_expires_at = now + SETUP_VALIDITY
    db.add(user)
    _audit(db, user.id, actor_id, "setup_link", now, after={"scade": (now + SETUP_VALIDITY).isoformat()})
    return token


def setup_url(token: str, origin: str | None = None) -> str:
    base = site_base(origin)
    return f"{base}{SETUP_PATH}?token={token}"


def user_for_setup_token(db: Session, token: str | None, now: datetime) -> StaffUser | None:
    if not token or len(token) > 200:
        return None
    user = db.exec(select(StaffUser).where(StaffUser.setup_token_hash == hash_token(token))).first()
    if user is None or not user.is_active or user.setup_expires_at is None or aware(user.setup_expires_at) <= now:
        return None
    return user


def setup_link_expired(db: Session, token: str | None, now: datetime) -> bool:
    """The link was right but its 7 days are over (a used link has no stored hash any more)."""
    if not token or len(token) > 200:
        return False
    user = db.exec(select(StaffUser).where(StaffUser.setup_token_hash == hash_token(token))).first()
    return user is not None and user.setup_expires_at is not None and aware(user.setup_expires_at) <= now


def complete_setup(db: Session, token: str, password: str, now: datetime) -> StaffUser:
    user = user_for_setup_token(db, token, now)
    if user is None:
        raise AccountError("Il link non è valido o è scaduto: chiedi all'ufficio regionale un nuovo link.")
    problem = password_problem(password, user.email, user.name)
    if problem:
        raise AccountError(problem)
    user.password_hash = hash_password(password)
    user.password_changed_at = now
    user.setup_token_hash = None
    user.setup_expires_at = None
    db.add(user)
    revoke_user_sessions(db, user.id, now)  # a reset: sessions opened with the old password end
    _audit(db, user.id, user.id, "password_set", now)
    return user


def change_password(
    db: Session, user_id: int, current: str, new: str, now: datetime, keep_session_id: int | None, client_hash: str = ""
) -> None:
    """The current password is a login: every try counts towards the same locks. As for a login
    (auth/login.py), the try is recorded and committed as a failure *before* the password is
    checked, so parallel tries all see each other and no burst gets more checks than the limit."""
    user = db.get(StaffUser, user_id)
    if user is None:
        raise AccountError("La password attuale non è corretta.")
    email = user.email
    until = locked_until(db, email, client_hash, now)
    if until is not None:
        raise AccountError(locked_message(until))
    attempt = record_attempt(db, email, client_hash, False, now)
    db.commit()
    until = locked_until(db, email, client_hash, now, slack=1)
    if until is not None:
        raise AccountError(locked_message(until))
    user = db.get(StaffUser, user_id)
    if user is None or not verify_password(user.password_hash, current):
        until = locked_until(db, email, client_hash, now)
        raise AccountError(locked_message(until) if until else "La password attuale non è corretta.")
    attempt.success = True  # the right current password ends the streak, as a login does
    db.add(attempt)
    db.commit()
    problem = password_problem(new, user.email, user.name)
    if problem:
        raise AccountError(problem)
    if verify_password(user.password_hash, new):
        raise AccountError("La nuova password deve essere diversa da quella attuale.")
    user.password_hash = hash_password(new)
    user.password_changed_at = now
    db.add(user)
    revoke_user_sessions(db, user.id, now, keep_session_id=keep_session_id)
    _audit(db, user.id, user.id, "password_change", now)


def set_active(db: Session, user_id: int, active: bool, actor_id: int | None, now: datetime) -> StaffUser:
    user = db.get(StaffUser, user_id)
    if user is None:
        raise AccountError("Account non trovato.")
    if user.id == actor_id and not active:
        raise AccountError("Non puoi disattivare il tuo stesso account.")
    if user.is_active == active:
        return user
    before = _audit_after(db, user)
    user.is_active = active
    db.add(user)
    if not active:
        revoke_user_sessions(db, user.id, now)
    _audit(db, user.id, actor_id, "enable" if active else "disable", now, before=before, after=_audit_after(db, user))
    return user


def set_memberships(db: Session, user_id: int, centro_ids: Iterable[int], actor_id: int, now: datetime) -> StaffUser:
    user = db.get(StaffUser, user_id)
    if user is None:
        raise AccountError("Account non trovato.")
    ids = _check_centri(db, centro_ids)
    if user.role == "operatore" and not ids:
        raise AccountError("Un operatore deve avere almeno un centro.")
    before = _audit_after(db, user)
    db.execute(delete(StaffMembership).where(StaffMembership.user_id == user_id))
    for centro_id in ids:
        db.add(StaffMembership(user_id=user_id, centro_id=centro_id))
    db.flush()
    _audit(db, user.id, actor_id, "centri", now, before=before, after=_audit_after(db, user))
    return user
