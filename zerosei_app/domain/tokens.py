"""Random tokens (sessions, setup links, one-tap links) and the hash that is stored in their place."""

from __future__ import annotations

import hashlib
import secrets


def new_token() -> str:
    return secrets.token_urlsafe(32)


def hash_token(token: str) -> str:
    """Only this hash is stored: a database leak does not give working sessions or links."""
    return hashlib.sha256(token.encode("utf-8", "surrogatepass")).hexdigest()
