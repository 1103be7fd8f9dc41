"""Password hashing with argon2id (argon2-cffi). Passwords are never logged or stored in clear."""

from __future__ import annotations

import functools
import threading

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError

from zerosei_app.settings import get_limits

# argon2id with RFC 9106's profile takes 64 MiB and 4 threads per computation: at most this many
# run at once in the process, so a burst of logins can neither exhaust memory nor starve the event
# loop of CPU (the others wait their turn in the blocking-work threads, never in the event loop).
_SLOTS = threading.BoundedSemaphore(get_limits().hash_slots)


@functools.cache
def hasher() -> PasswordHasher:
    # argon2-cffi's defaults follow RFC 9106's recommended argon2id profile.
    return PasswordHasher()


def hash_password(password: str) -> str:
    with _SLOTS:
        return hasher().hash(password)


@functools.cache
def _dummy_hash() -> str:
    return hasher().hash("not a real password: evens out the time of unknown e-mails")


def verify_password(stored_hash: str | None, password: str) -> bool:
    """Constant work whether or not the account exists (no timing hint about e-mails)."""
    target = stored_hash or _dummy_hash()
    try:
        with _SLOTS:
            return hasher().verify(target, password) and stored_hash is not None
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return False


def needs_rehash(stored_hash: str) -> bool:
    try:
        return hasher().check_needs_rehash(stored_hash)
    except InvalidHashError:
        return True
