"""When an entry needs checking again, and when a parent's report is late.

- An entry is "da verificare" when nobody has confirmed it for 6 months or more, or ever.
- A report should be handled within 15 days: it is late while still open after that.
"""

from __future__ import annotations

import calendar
from datetime import date, datetime, timedelta

from .vocabulary import ReportStatus

STALE_AFTER_MONTHS = 6
REPORT_RESPONSE_DAYS = 15
OPEN_REPORT_STATUSES = (ReportStatus.NUOVA, ReportStatus.IN_LAVORAZIONE)


def months_before(day: date, months: int) -> date:
    """The same day `months` calendar months earlier (31 August − 6 months → 28/29 February)."""
    total = day.year * 12 + (day.month - 1) - months
    year, month0 = divmod(total, 12)
    last = calendar.monthrange(year, month0 + 1)[1]
    return date(year, month0 + 1, min(day.day, last))


def stale_before(today: date) -> date:
    """Entries last reviewed on or before this date are due for review."""
    return months_before(today, STALE_AFTER_MONTHS)


def is_stale(last_reviewed_on: date | None, today: date) -> bool:
    return last_reviewed_on is None or last_reviewed_on <= stale_before(today)


def report_due(created_at: datetime) -> datetime:
    return created_at + timedelta(days=REPORT_RESPONSE_DAYS)


def report_days_left(created_at: datetime, now: datetime) -> int:
    """Whole days left before the target (negative when late)."""
    return (report_due(created_at).date() - now.date()).days


def report_is_late(status: str, created_at: datetime, now: datetime) -> bool:
    return status in OPEN_REPORT_STATUSES and now > report_due(created_at)
