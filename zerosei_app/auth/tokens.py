"""Random tokens (sessions, setup links) and the keyed hash of client addresses."""

from __future__ import annotations

import hashlib
import hmac
import secrets

from zerosei_app.domain.client_address import throttle_key
from zerosei_app.settings import get_settings


def new_token() -> str:
    return secrets.token_urlsafe(32)


def hash_token(token: str) -> str:
    """Only this hash is stored: a database leak does not give working sessions or links."""
    return hashlib.sha256(token.encode("utf-8", "surrogatepass")).hexdigest()


def client_hash(address: str) -> str:
    """Keyed, so the stored value cannot be turned back into an address by trying them all."""
    key = get_settings().secret_key.encode()
    return hmac.new(key, b"client:" + throttle_key(address).encode("utf-8", "replace"), hashlib.sha256).hexdigest()
