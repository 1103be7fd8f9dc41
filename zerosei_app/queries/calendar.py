"""Calendars for parents, as data: one entry's sessions, and the feed of a path link
(view/calendar_ics.py writes them as .ics files).

The feed of a path contains the sessions of exactly the services that path shows (now and in
the coming months, for every child), read afresh on every request: a subscribed calendar sees
new sessions at its next refresh. It also reminds, all day, of each public step (tappa) whose window
opens later for a child (domain/tappe.py::reminders: e.g. preschool enrolment in the January of the year
the child turns 3).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

from sqlmodel import Session

from zerosei_app.domain.errors import FieldError
from zerosei_app.domain.link import parse_query_string, to_query_string, validate_for_path
from zerosei_app.domain.months import YearMonth
from zerosei_app.domain.sessions import SessionRule
from zerosei_app.domain.tappe import reminders
from zerosei_app.models import CardEntry, Centro, Tappa
from zerosei_app.queries import sessions as q
from zerosei_app.queries.backed import is_backed
from zerosei_app.queries.percorso import load_path
from zerosei_app.queries.snapshot import public_data


@dataclass(frozen=True)
class SessionEvent:
    """One dated session of a published entry of an open centre."""

    session_id: int
    rule: SessionRule  # days its centre or entry is temporarily closed are cancelled dates (EXDATE)
    entry: CardEntry
    centro: Centro
    changed: datetime


@dataclass(frozen=True)
class TappaReminder:
    """A tappa whose window opens after today for the child born in `child_month`, on `day`."""

    tappa: Tappa
    child_month: YearMonth  # part of the reminder's uid
    day: date


@dataclass
class EntryCalendar:
    entry: CardEntry
    centro: Centro
    events: list[SessionEvent]


@dataclass
class PathCalendar:
    found: bool = False  # False: the link leaves no path (see errors, not_found)
    events: list[SessionEvent] = field(default_factory=list)
    reminders: list[TappaReminder] = field(default_factory=list)
    link: str = ""  # the path's canonical query
    errors: list[FieldError] = field(default_factory=list)
    not_found: bool = False
    lang: str = "it"


def _events(db: Session, entries: list[CardEntry]) -> list[SessionEvent]:
    centri = {c.id: c for c in (db.get(Centro, cid) for cid in {e.centro_id for e in entries}) if c}
    by_entry = q.sessions_of(db, [e.id for e in entries])
    rules = q.public_rules(db, [s for rows in by_entry.values() for s in rows], {e.id: e.centro_id for e in entries})
    return [
        SessionEvent(s.id, rules[s.id], e, centri[e.centro_id], s.updated_at)
        for e in entries
        if e.centro_id in centri and centri[e.centro_id].is_active
        for s in by_entry.get(e.id, [])
    ]


def entry_calendar(db: Session, entry_id: int) -> EntryCalendar | None:
    """None if the entry is not published (or its centre is closed)."""
    entry = db.get(CardEntry, entry_id)
    if entry is None or not is_backed(entry):
        return None
    centro = db.get(Centro, entry.centro_id)
    if centro is None or not centro.is_active:
        return None
    return EntryCalendar(entry, centro, _events(db, [entry]))


def path_entry_ids(db: Session, raw_query: str, today: date) -> tuple[list[int], str, PathCalendar | None]:
    """The ids of the services a path link shows, its canonical query, or why there are none."""
    # As on the page, a mangled link keeps its valid parts (a second comune, an unknown language, a cut
    # list): only what leaves no path (no comune, no child) is refused, by load_path.
    parsed = parse_query_string(raw_query)
    lang = parsed.query.lang
    result = load_path(db, parsed.query, today)
    if result.data is None:
        return [], "", PathCalendar(errors=result.errors, not_found=result.unknown_comune, lang=lang)
    return result.data.entry_ids(), to_query_string(parsed.query), None


def path_calendar(db: Session, raw_query: str, today: date) -> PathCalendar:
    ids, link, failed = path_entry_ids(db, raw_query, today)
    if failed is not None:
        return failed
    entries = [e for e in (db.get(CardEntry, i) for i in ids) if e is not None]
    return PathCalendar(
        found=True,
        events=_events(db, entries),
        reminders=tappe_reminders(db, raw_query, today),
        link=link,
        lang=parse_query_string(raw_query).query.lang,
    )


def tappe_reminders(db: Session, raw_query: str, today: date) -> list[TappaReminder]:
    """One reminder per tappa and child whose window opens after today."""
    children, _ = validate_for_path(parse_query_string(raw_query).query, today)
    tappe = public_data(db).tappe
    return [TappaReminder(x, child.month, day) for child in children for x, day in reminders(tappe, child, today)]
