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


# --- The review cycle with the centres (issue 17): reminders by e-mail, one-tap confirmation. ---

DEFAULT_REVIEW_DAYS = 180  # ZEROSEI_REVIEW_DAYS
SECOND_REMINDER_DAYS = 14  # after the first reminder of a cycle
COPY_REGIONE_DAYS = 21  # the third reminder, with the Regione's staff in copy
ONE_TAP_DAYS = 30  # how long the "È tutto ancora valido" link works
CONFIRM_HOW = ("editor", "one-tap", "import")


def is_due(last_confirmed_on: date | None, today: date, review_days: int = DEFAULT_REVIEW_DAYS) -> bool:
    """Never confirmed, or confirmed `review_days` or more days ago."""
    return last_confirmed_on is None or (today - last_confirmed_on).days >= review_days


def next_reminder(sent: list[tuple[date, int]], last_confirmed_on: date | None, today: date) -> int | None:
    """Which reminder (1, 2 or 3) a centre with due items gets today, or None.

    `sent` is the centre's reminders as (day, sequence), oldest first. A cycle starts with a first
    reminder; the second follows 14 days after it and the third (copying the Regione) 21 days after
    it, unless the centre confirmed something since the cycle began: then, once 14 days have passed
    since the last reminder, a new cycle starts. After the third nothing more is sent in that cycle
    (the Regione knows and the centre shows as overdue on its page). At most one reminder a day.
    """
    if not sent:
        return 1
    last_day, last_seq = sent[-1]
    if last_day >= today:
        return None
    start = next((d for d, seq in reversed(sent) if seq == 1), sent[0][0])
    if last_confirmed_on is not None and last_confirmed_on >= start:
        return 1 if (today - last_day).days >= SECOND_REMINDER_DAYS else None
    elapsed = (today - start).days
    if last_seq == 1 and elapsed >= SECOND_REMINDER_DAYS:
        return 3 if elapsed >= COPY_REGIONE_DAYS else 2
    if last_seq == 2 and elapsed >= COPY_REGIONE_DAYS:
        return 3
    return None
