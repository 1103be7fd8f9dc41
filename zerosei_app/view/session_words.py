"""A dated session rule in the staff's words (Italian): "Ogni settimana il martedì e giovedì, 9:30–11:30, …".

The staff list of an entry's appointments and the HSDS schedules' description both say it this way."""

from __future__ import annotations

from datetime import UTC, datetime

from zerosei_app.domain.sessions import ICAL_DAYS, ROME, WEEKDAY_NAMES, SessionRule
from zerosei_app.view.wording import STAFF_LANG, and_list

_ORDINALS = {1: "primo", 2: "secondo", 3: "terzo", 4: "quarto", -1: "ultimo"}


def _days(codes: list[str]) -> str:
    return and_list([WEEKDAY_NAMES[ICAL_DAYS.index(c[-2:])] for c in codes], STAFF_LANG)


def describe(rule: SessionRule) -> str:
    """ "Ogni settimana il martedì e giovedì, 9:30–11:30, dal 06/10/2026 al 31/01/2027" (staff, Italian)."""
    hours = f"{rule.dtstart:%H:%M}–{(rule.dtstart + rule.duration):%H:%M}"
    if not rule.rrule:
        return f"Il {rule.dtstart:%d/%m/%Y}, {hours}"
    parts = dict(p.split("=", 1) for p in rule.rrule.split(";"))
    codes = parts.get("BYDAY", "").split(",")
    if parts.get("FREQ") == "MONTHLY":
        n = codes[0][:-2]
        how = f"Ogni mese il {_ORDINALS.get(int(n or 1), n)} {_days(codes)}"
    elif parts.get("INTERVAL") == "2":
        how = f"Ogni due settimane il {_days(codes)}"
    else:
        how = f"Ogni settimana il {_days(codes)}"
    until = datetime.strptime(parts["UNTIL"], "%Y%m%dT%H%M%SZ").replace(tzinfo=UTC).astimezone(ROME)
    text = f"{how}, {hours}, dal {rule.dtstart:%d/%m/%Y} al {until:%d/%m/%Y}"
    if rule.exdates:
        text += f" (annullati: {', '.join(f'{d:%d/%m}' for d in rule.exdates)})"
    return text
