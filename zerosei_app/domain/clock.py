"""The one clock of the app: the only place that reads the system time.

- `now()`: aware UTC, for timestamps (what the database stores, session expiry, throttling).
- `today()`: the date in Italy (Europe/Rome). Ages, "reviewed on" and every date a person sees follow the
  Italian calendar, whatever the server's time zone: at 00:30 on 1 December in Turin it is already December,
  although UTC still says 30 November.
- `local`, `hhmm`, `when`, `day`: stored UTC times as staff read them, in Italian time.

Tests freeze time by passing `at=` or by replacing `now` (every other function reads the time through it).
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

ROME = ZoneInfo("Europe/Rome")


def now() -> datetime:
    """Aware UTC now."""
    return datetime.now(UTC)


def aware(dt: datetime | None) -> datetime | None:
    """Values read back from SQLite may be naive; they were written as UTC."""
    if dt is None or dt.tzinfo is not None:
        return dt
    return dt.replace(tzinfo=UTC)


def local(dt: datetime) -> datetime:
    """A stored time in Italian time (naive values are UTC, see `aware`)."""
    return aware(dt).astimezone(ROME)


def today(at: datetime | None = None) -> date:
    """The date in Italy at `at` (default: now)."""
    return local(at if at is not None else now()).date()


def hhmm(dt: datetime) -> str:
    return local(dt).strftime("%H:%M")


def when(dt: datetime | None) -> str:
    """ "25/11/2026 alle 15:42"."""
    if dt is None:
        return ""
    d = local(dt)
    return f"{d:%d/%m/%Y} alle {d:%H:%M}"


def day(d: date | datetime | None) -> str:
    """ "25/11/2026"; a datetime is taken on its Italian date."""
    if d is None:
        return ""
    if isinstance(d, datetime):
        d = local(d).date()
    return f"{d:%d/%m/%Y}"
