"""Dated sessions of an entry: from plain choices to RFC 5545 and back to dated occurrences.

Staff choose "one date", "every week", "every two weeks" or "every month" on some weekdays,
from/to times and an end date; this module checks the choice, turns it into RFC 5545 pieces
(DTSTART with TZID=Europe/Rome, RRULE, EXDATE) and expands them with python-dateutil's rrule.
Times are wall-clock times in Europe/Rome: 9:30 stays 9:30 across the daylight-saving changes.
Pure Python: no database, no Reflex.
"""

from __future__ import annotations

import dataclasses
from datetime import UTC, date, datetime, time, timedelta
from enum import StrEnum
from zoneinfo import ZoneInfo

from dateutil.rrule import rruleset, rrulestr

from zerosei_app.domain.errors import FieldError

TZID = "Europe/Rome"
ROME = ZoneInfo(TZID)
MAX_YEARS_AHEAD = 5
MAX_DURATION_HOURS = 12
ICAL_DAYS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
WEEKDAY_NAMES = ("lunedì", "martedì", "mercoledì", "giovedì", "venerdì", "sabato", "domenica")
_LOCAL = "%Y%m%dT%H%M%S"


class Repeat(StrEnum):
    ONCE = "once"
    WEEKLY = "weekly"
    BIWEEKLY = "biweekly"
    MONTHLY = "monthly"


REPEAT_LABELS = {
    Repeat.ONCE: "Una sola volta",
    Repeat.WEEKLY: "Ogni settimana",
    Repeat.BIWEEKLY: "Ogni due settimane",
    Repeat.MONTHLY: "Ogni mese",
}

# What session input can get wrong; each has an `error.<code>` text in every catalogue
# (tests/unit/test_sessions.py). Kept apart from domain/errors.ERROR_CODES, which lists the
# codes the public path API can report.
SESSION_ERROR_CODES = (
    "session_bad_repeat",
    "session_bad_date",
    "session_bad_time",
    "session_in_past",
    "session_too_far",
    "session_end_before_start",
    "session_no_weekday",
    "session_no_until",
    "session_until_before_start",
    "session_no_occurrence",
)


def _error(field: str, code: str, **params) -> FieldError:
    if code not in SESSION_ERROR_CODES:
        raise ValueError(f"unknown session error {code!r}")
    return FieldError(field, code, params)


@dataclasses.dataclass(frozen=True)
class SessionRule:
    """One session series: the first start (aware, Europe/Rome), its length, the RRULE value
    (None: a single date) and the cancelled starts."""

    dtstart: datetime
    duration: timedelta
    rrule: str | None = None
    exdates: tuple[datetime, ...] = ()

    def stored(self) -> dict:
        """The pieces as the database keeps them (models/entry_session.py)."""
        return {
            "tzid": TZID,
            "dtstart": self.dtstart.strftime(_LOCAL),
            "duration_minutes": int(self.duration.total_seconds() // 60),
            "rrule": self.rrule,
            "exdates": [d.strftime(_LOCAL) for d in self.exdates],
        }

    def ical_lines(self) -> list[str]:
        """RFC 5545 content lines (what an .ics VEVENT carries for the recurrence)."""
        lines = [f"DTSTART;TZID={TZID}:{self.dtstart.strftime(_LOCAL)}"]
        if self.rrule:
            lines.append(f"RRULE:{self.rrule}")
        if self.exdates:
            lines.append(f"EXDATE;TZID={TZID}:" + ",".join(d.strftime(_LOCAL) for d in self.exdates))
        return lines


@dataclasses.dataclass(frozen=True)
class Occurrence:
    start: datetime  # aware, Europe/Rome
    end: datetime


def from_stored(dtstart: str, duration_minutes: int, rrule: str | None, exdates: list[str] | None) -> SessionRule:
    return SessionRule(
        dtstart=_local(dtstart),
        duration=timedelta(minutes=duration_minutes),
        rrule=rrule or None,
        exdates=tuple(sorted(_local(x) for x in exdates or [])),
    )


def _local(text: str) -> datetime:
    return datetime.strptime(text, _LOCAL).replace(tzinfo=ROME)


def _set(rule: SessionRule) -> rruleset:
    out = rruleset()
    if rule.rrule:
        out.rrule(rrulestr(rule.rrule, dtstart=rule.dtstart))
    else:
        out.rdate(rule.dtstart)
    for ex in rule.exdates:
        out.exdate(ex)
    return out


def occurrences(rule: SessionRule, start: datetime, end: datetime, limit: int = 500) -> list[Occurrence]:
    """Occurrences that have not ended by `start` and begin before `end` (aware datetimes)."""
    found = []
    for begin in _set(rule).between(start - rule.duration, end, inc=True):
        begin = begin.astimezone(ROME)
        if begin + rule.duration <= start:
            continue
        found.append(Occurrence(begin, begin + rule.duration))
        if len(found) >= limit:
            break
    return found


def all_occurrences(rule: SessionRule, limit: int = 2000) -> list[Occurrence]:
    return [Occurrence(b.astimezone(ROME), b.astimezone(ROME) + rule.duration) for b in list(_set(rule))[:limit]]


def cancel(rule: SessionRule, start: datetime) -> SessionRule | None:
    """The rule with one occurrence cancelled; None if no occurrence starts then."""
    start = start.astimezone(ROME)
    if start not in [o.start for o in all_occurrences(rule)]:
        return None
    return dataclasses.replace(rule, exdates=tuple(sorted({*rule.exdates, start})))


def last_day(rule: SessionRule) -> date | None:
    """The day of the last occurrence (None if every occurrence is cancelled)."""
    every = all_occurrences(rule)
    return every[-1].start.date() if every else None


# --- From the staff's choices --------------------------------------------------------------


@dataclasses.dataclass
class SessionChoice:
    """What the editor's controls send (all text, as forms do)."""

    repeat: str = Repeat.ONCE
    day: str = ""  # YYYY-MM-DD
    start: str = ""  # HH:MM
    end: str = ""  # HH:MM
    weekdays: tuple[int, ...] = ()  # 0 = Monday
    until: str = ""  # YYYY-MM-DD, for repeats


def _date(text: str) -> date | None:
    try:
        return date.fromisoformat(text.strip())
    except (ValueError, AttributeError):
        return None


def _time(text: str) -> time | None:
    try:
        parsed = time.fromisoformat(text.strip())
    except (ValueError, AttributeError):
        return None
    return parsed.replace(second=0, microsecond=0, tzinfo=None)


def _add_years(d: date, years: int) -> date:
    try:
        return d.replace(year=d.year + years)
    except ValueError:  # 29 February
        return d.replace(year=d.year + years, day=28)


def _ordinal(d: date) -> int:
    n = (d.day - 1) // 7 + 1
    return -1 if n == 5 else n


def validate(choice: SessionChoice, today: date) -> tuple[SessionRule | None, list[FieldError]]:
    """A rule, or the errors (each with the control it concerns); nothing half-valid passes."""
    try:
        repeat = Repeat(choice.repeat)
    except ValueError:
        return None, [_error("sess_repeat", "session_bad_repeat")]
    day = _date(choice.day)
    start, end = _time(choice.start), _time(choice.end)
    horizon = _add_years(today, MAX_YEARS_AHEAD)
    weekdays = tuple(sorted({w for w in choice.weekdays if isinstance(w, int) and 0 <= w <= 6}))
    until = None if repeat == Repeat.ONCE else _date(choice.until)
    errors = _day_errors(day, today, horizon) + _time_errors(start, end)
    if repeat != Repeat.ONCE:
        errors += _repeat_errors(weekdays, until, day, horizon)
    if errors:
        return None, errors
    assert day is not None and start is not None and end is not None
    first = datetime.combine(day, start, tzinfo=ROME)
    duration = datetime.combine(day, end) - datetime.combine(day, start)
    if repeat == Repeat.ONCE:
        return SessionRule(first, duration), []
    rule = SessionRule(first, duration, _rrule(repeat, day, until, weekdays))
    # DTSTART must itself be an occurrence (RFC 5545 counts it even when it doesn't match the
    # rule, dateutil does not): start at the first day that matches.
    matches = list(_set(rule))[:1]
    if not matches:
        return None, [_error("sess_until", "session_no_occurrence")]
    return dataclasses.replace(rule, dtstart=matches[0].astimezone(ROME)), []


def _day_errors(day: date | None, today: date, horizon: date) -> list[FieldError]:
    if day is None:
        return [_error("sess_day", "session_bad_date")]
    if day < today:
        return [_error("sess_day", "session_in_past")]
    if day > horizon:
        return [_error("sess_day", "session_too_far", years=MAX_YEARS_AHEAD)]
    return []


def _time_errors(start: time | None, end: time | None) -> list[FieldError]:
    errors = []
    if start is None:
        errors.append(_error("sess_start", "session_bad_time"))
    if end is None:
        errors.append(_error("sess_end", "session_bad_time"))
    if start is not None and end is not None and end <= start:
        errors.append(_error("sess_end", "session_end_before_start"))
    return errors


def _repeat_errors(weekdays: tuple[int, ...], until: date | None, day: date | None, horizon: date) -> list[FieldError]:
    errors = []
    if not weekdays:
        errors.append(_error("sess_weekdays", "session_no_weekday"))
    if until is None:
        errors.append(_error("sess_until", "session_no_until"))
    elif until > horizon:
        errors.append(_error("sess_until", "session_too_far", years=MAX_YEARS_AHEAD))
    elif day is not None and until < day:
        errors.append(_error("sess_until", "session_until_before_start"))
    return errors


def _rrule(repeat: Repeat, day: date, until: date, weekdays: tuple[int, ...]) -> str:
    # UNTIL is UTC (RFC 5545, with a TZID start): the end of the chosen day in Rome.
    until_utc = datetime.combine(until, time(23, 59, 59), tzinfo=ROME).astimezone(UTC)
    parts = ["FREQ=MONTHLY" if repeat == Repeat.MONTHLY else "FREQ=WEEKLY"]
    if repeat == Repeat.BIWEEKLY:
        parts.append("INTERVAL=2")
    if repeat == Repeat.MONTHLY:
        n = _ordinal(day)
        parts.append("BYDAY=" + ",".join(f"{n}{ICAL_DAYS[w]}" for w in weekdays))
    else:
        parts.append("BYDAY=" + ",".join(ICAL_DAYS[w] for w in weekdays))
    parts += ["WKST=MO", f"UNTIL={until_utc:%Y%m%dT%H%M%SZ}"]
    return ";".join(parts)
