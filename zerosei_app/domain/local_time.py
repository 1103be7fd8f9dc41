"""Times shown to staff, in Italian local time (stored values are UTC)."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

try:
    ROME = ZoneInfo("Europe/Rome")
except ZoneInfoNotFoundError:  # pragma: no cover - a system without tzdata
    ROME = None


def local(dt: datetime) -> datetime:
    if dt.tzinfo is None:
        from datetime import UTC

        dt = dt.replace(tzinfo=UTC)
    return dt.astimezone(ROME) if ROME else dt


def hhmm(dt: datetime) -> str:
    return local(dt).strftime("%H:%M")


def when(dt: datetime | None) -> str:
    """ "25/11/2026 alle 15:42"."""
    if dt is None:
        return ""
    d = local(dt)
    return f"{d:%d/%m/%Y} alle {d:%H:%M}"


def day(d: date | datetime | None) -> str:
    if d is None:
        return ""
    if isinstance(d, datetime):
        d = local(d).date()
    return f"{d:%d/%m/%Y}"
