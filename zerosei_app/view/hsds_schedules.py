"""An entry's schedules in HSDS 3.0: its free-text hours and its dated sessions.

HSDS 3.0 schedules carry iCal's pieces (dtstart, freq, interval, byday, until) but no EXDATE:
cancelled dates are listed in `notes` and `description`, and `schedule_link` points at the
entry's .ics, which has them all. Times are Italian wall-clock times (Europe/Rome); `timezone`
is the UTC offset of the first session.
"""

from __future__ import annotations

from datetime import UTC, datetime

from zerosei_app.domain.hsds_ids import hsds_id
from zerosei_app.domain.sessions import ROME, TZID, last_day
from zerosei_app.models import CardEntry
from zerosei_app.queries.hsds_schedules import DatedSession
from zerosei_app.schemas.hsds import ScheduleOut
from zerosei_app.view.session_words import describe

ENTRY_ICS = "/calendario/voce/{id}.ics"


def _notes(s: DatedSession) -> str:
    notes = f"Orari in ora italiana ({TZID})."
    if s.rule.exdates:
        notes += " Date annullate: " + ", ".join(f"{d:%Y-%m-%d}" for d in s.rule.exdates) + "."
    return notes


def session_schedule(e: CardEntry, s: DatedSession, base_url: str) -> ScheduleOut:
    rule = s.rule
    parts = dict(p.split("=", 1) for p in rule.rrule.split(";")) if rule.rrule else {}
    until = None
    if "UNTIL" in parts:
        until = datetime.strptime(parts["UNTIL"], "%Y%m%dT%H%M%SZ").replace(tzinfo=UTC).astimezone(ROME)
    end = last_day(rule)
    return ScheduleOut(
        id=hsds_id("schedule", f"session/{s.session_id}"),
        service_id=hsds_id("service", e.id),
        valid_from=rule.dtstart.date().isoformat(),
        valid_to=end.isoformat() if end else rule.dtstart.date().isoformat(),
        dtstart=rule.dtstart.date().isoformat(),
        timezone=rule.dtstart.utcoffset().total_seconds() / 3600,
        until=until.date().isoformat() if until else None,
        wkst=parts.get("WKST"),
        freq=parts.get("FREQ"),
        interval=float(parts.get("INTERVAL", 1)) if parts else None,
        byday=parts.get("BYDAY"),
        description=describe(rule),
        opens_at=f"{rule.dtstart:%H:%M}",
        closes_at=f"{rule.dtstart + rule.duration:%H:%M}",
        schedule_link=f"{base_url}{ENTRY_ICS.format(id=e.id)}" if base_url else None,
        attending_type="online" if e.online else "in presenza",
        notes=_notes(s),
    )


def entry_schedules(e: CardEntry, sessions: list[DatedSession], base_url: str) -> list[ScheduleOut]:
    """The entry's free-text hours first (if any), then one schedule per dated session."""
    out = [session_schedule(e, s, base_url) for s in sessions]
    if e.schedule.strip():
        out.insert(
            0,
            ScheduleOut(
                id=hsds_id("schedule", f"text/{e.id}"), service_id=hsds_id("service", e.id), description=e.schedule
            ),
        )
    return out
