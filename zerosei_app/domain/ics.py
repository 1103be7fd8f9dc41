"""iCalendar (RFC 5545) files of dated sessions, written with the `icalendar` library.

One VEVENT per session series: DTSTART/DTEND with TZID=Europe/Rome, the RRULE and EXDATEs
exactly as stored, and the Europe/Rome VTIMEZONE, so any calendar app expands the same dates
the pages show (tests/api/test_calendar.py checks it with a second, independent reader).
"""

from __future__ import annotations

import dataclasses
from datetime import UTC, date, datetime, timedelta

from icalendar import Calendar, Event, vDuration, vRecur

from zerosei_app.domain.sessions import TZID, SessionRule

PRODID = "-//Regione Piemonte//ZeroSei digitale//IT"
REFRESH = timedelta(hours=6)  # how often subscribed calendars should look again


@dataclasses.dataclass(frozen=True)
class IcsEvent:
    uid: str
    rule: SessionRule
    summary: str
    description: str = ""
    location: str = ""
    url: str = ""
    changed: datetime | None = None  # last change of the session (DTSTAMP, LAST-MODIFIED)


@dataclasses.dataclass(frozen=True)
class IcsReminder:
    """An all-day reminder (a tappa's window opens): no time, shown as free."""

    uid: str
    day: date
    summary: str
    description: str = ""
    url: str = ""


def calendar_bytes(
    name: str, events: list[IcsEvent], now: datetime, description: str = "", reminders: list[IcsReminder] = ()
) -> bytes:
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("name", name)  # RFC 7986
    cal.add("x-wr-calname", name)
    cal.add("x-wr-timezone", TZID)
    if description:
        cal.add("description", description)
    cal.add("refresh-interval", REFRESH, parameters={"VALUE": "DURATION"})
    cal.add("x-published-ttl", vDuration(REFRESH))
    for e in events:
        ev = Event()
        stamp = (e.changed or now).astimezone(UTC)
        ev.add("uid", e.uid)
        ev.add("dtstamp", stamp)
        ev.add("last-modified", stamp)
        ev.add("dtstart", e.rule.dtstart)
        ev.add("dtend", e.rule.dtstart + e.rule.duration)
        if e.rule.rrule:
            ev.add("rrule", vRecur.from_ical(e.rule.rrule))
        if e.rule.exdates:
            ev.add("exdate", list(e.rule.exdates))
        ev.add("summary", e.summary)
        if e.description:
            ev.add("description", e.description)
        if e.location:
            ev.add("location", e.location)
        if e.url:
            ev.add("url", e.url)
        cal.add_component(ev)
    for r in reminders:
        ev = Event()
        ev.add("uid", r.uid)
        ev.add("dtstamp", now.astimezone(UTC))
        ev.add("dtstart", r.day)  # a date: VALUE=DATE, all day
        ev.add("dtend", r.day + timedelta(days=1))
        ev.add("transp", "TRANSPARENT")
        ev.add("summary", r.summary)
        if r.description:
            ev.add("description", r.description)
        if r.url:
            ev.add("url", r.url)
        cal.add_component(ev)
    cal.add_missing_timezones()
    return cal.to_ical()
