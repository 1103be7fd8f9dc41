"""Which Host headers and Origins the site answers to (plain Python; settings pass the lists in).

A forged Host must never reach shareable links, QR codes or cacheable answers, and a page of
another site must not drive a tab's websocket: both checks compare `host[:port]` text only.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

LOCAL_HOSTS = ("localhost", "127.0.0.1", "::1")
# A host name or IP literal: letters, digits, dots, hyphens; IPv6 in brackets.
_HOST = re.compile(r"(?:[A-Za-z0-9](?:[A-Za-z0-9.-]{0,251}[A-Za-z0-9])?|\[[0-9A-Fa-f:.]{2,45}\])(?::[0-9]{1,5})?")


def host_name(header: str | None) -> str | None:
    """The name part of a Host header (`[::1]:3000` → `::1`), lower case; None if malformed."""
    text = (header or "").strip()
    if not _HOST.fullmatch(text):
        return None
    if text.startswith("["):
        return text[1 : text.index("]")].lower()
    return text.rsplit(":", 1)[0].lower() if ":" in text else text.lower()


def host_allowed(header: str | None, allowed: tuple[str, ...] | list[str]) -> bool:
    """True when the Host header names one of `allowed` (any port); "*" allows every well-formed host."""
    name = host_name(header)
    if name is None:
        return False
    return "*" in allowed or name.rstrip(".") in allowed


def default_allowed_hosts(public_url: str | None) -> list[str]:
    """The host of ZEROSEI_PUBLIC_URL, else the local names `make run` is reached by."""
    if public_url:
        name = host_name(urlsplit(public_url).netloc)
        if name:
            return [name]
    return list(LOCAL_HOSTS)


def origin_netloc(origin: str | None) -> str | None:
    """`https://a.example:8443` → `a.example:8443`; None for `null`, schemes other than http(s), junk."""
    parts = urlsplit((origin or "").strip())
    if parts.scheme not in ("http", "https") or not parts.netloc or parts.path not in ("", "/"):
        return None
    return parts.netloc.lower() if _HOST.fullmatch(parts.netloc) else None


def origin_allowed(origin: str | None, host_header: str | None, listed: tuple[str, ...] | list[str]) -> bool:
    """A websocket Origin is accepted when it is the site's own (same host[:port] as the request),
    listed (ZEROSEI_CORS_ORIGINS plus the public URL's origin), or the list is "*"."""
    if "*" in listed:
        return True
    own = origin_netloc(origin)
    if own is None:
        return False
    if own == (host_header or "").strip().lower():
        return True
    return any(origin_netloc(o) == own and urlsplit(o).scheme == urlsplit(origin or "").scheme for o in listed)
