"""The keyed hash of client addresses (the tokens themselves: domain/tokens.py)."""

from __future__ import annotations

import hashlib
import hmac

from zerosei_app.domain.client_address import throttle_key
from zerosei_app.settings import get_settings


def client_hash(address: str) -> str:
    """Keyed, so the stored value cannot be turned back into an address by trying them all."""
    key = get_settings().secret_key.encode()
    return hmac.new(key, b"client:" + throttle_key(address).encode("utf-8", "replace"), hashlib.sha256).hexdigest()
