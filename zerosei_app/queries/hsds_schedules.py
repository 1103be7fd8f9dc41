"""Dated sessions of the entries as HSDS schedules: the same sessions the pages and .ics show.

HSDS 3.0 schedules carry iCal's pieces (dtstart, freq, interval, byday, until) but no EXDATE:
cancelled dates are listed in `notes` and `description`, and `schedule_link` points at the
entry's .ics, which has them all. Times are Italian wall-clock times (Europe/Rome); `timezone`
is the UTC offset of the first session.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import TYPE_CHECKING

from sqlmodel import Session

from zerosei_app.domain.hsds_ids import hsds_id
from zerosei_app.domain.sessions import ROME, TZID, describe, last_day
from zerosei_app.queries import sessions as q
from zerosei_app.schemas.hsds import ScheduleOut

if TYPE_CHECKING:
    from zerosei_app.queries.hsds import HsdsData

ENTRY_ICS = "/calendario/voce/{id}.ics"


def schedules_by_entry(
    session: Session, data: HsdsData, entry_ids: list[int] | None = None
) -> dict[int, list[ScheduleOut]]:
    entries = {e.id: e for e in data.entries}
    out: dict[int, list[ScheduleOut]] = {}
    by_entry = q.sessions_of(session, entry_ids)
    # Days of a temporary closure are listed as cancelled dates, as in the .ics.
    rows_shown = [s for i, rows in by_entry.items() if i in entries for s in rows]
    rules = q.public_rules(session, rows_shown, {i: e.centro_id for i, e in entries.items()})
    for entry_id, rows in by_entry.items():
        e = entries.get(entry_id)
        if e is None:  # not published, or its centre is closed
            continue
        for s in rows:
            rule = rules[s.id]
            parts = dict(p.split("=", 1) for p in rule.rrule.split(";")) if rule.rrule else {}
            until = None
            if "UNTIL" in parts:
                until = datetime.strptime(parts["UNTIL"], "%Y%m%dT%H%M%SZ").replace(tzinfo=UTC).astimezone(ROME)
            end = last_day(rule)
            notes = f"Orari in ora italiana ({TZID})."
            if rule.exdates:
                notes += " Date annullate: " + ", ".join(f"{d:%Y-%m-%d}" for d in rule.exdates) + "."
            out.setdefault(entry_id, []).append(
                ScheduleOut(
                    id=hsds_id("schedule", f"session/{s.id}"),
                    service_id=hsds_id("service", entry_id),
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
                    schedule_link=f"{data.base_url}{ENTRY_ICS.format(id=entry_id)}" if data.base_url else None,
                    attending_type="online" if e.online else "in presenza",
                    notes=notes,
                )
            )
    return out
