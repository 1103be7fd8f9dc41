"""Temporary closures: a centre or an entry closed from a day to a day (both included), with a reason.

Days are dates in Italy (Europe/Rome, `clock.today()`): a closure "dal 1 al 31 agosto" starts at
midnight in Turin on 1 August and ends at midnight after 31 August, whatever the server's zone.
Families are told during the window and `NOTICE_DAYS` before it (time to plan).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime, time, timedelta
from typing import Protocol

from pydantic import BaseModel, Field, field_validator, model_validator

from zerosei_app.domain.clock import ROME
from zerosei_app.domain.sessions import SessionRule, occurrences

NOTICE_DAYS = 14  # an upcoming closure is shown this many days before it starts
MAX_DAYS = 366  # a longer "temporary" closure is a closure: the Regione closes the centre instead
REASON_MAX = 200


class WindowLike(Protocol):
    starts_on: date
    ends_on: date
    reason: str


@dataclass(frozen=True)
class Window:
    starts_on: date
    ends_on: date
    reason: str = ""


def is_active(w: WindowLike, day: date) -> bool:
    """The closure covers this day (both ends included)."""
    return w.starts_on <= day <= w.ends_on


def is_upcoming(w: WindowLike, day: date, within: int = NOTICE_DAYS) -> bool:
    """It starts after `day` and within `within` days."""
    return day < w.starts_on <= day + timedelta(days=within)


def to_announce(windows: Iterable[WindowLike], day: date, within: int = NOTICE_DAYS) -> WindowLike | None:
    """The closure families should hear about on `day`: one in course first, else the next upcoming one."""
    shown = [w for w in windows if is_active(w, day) or is_upcoming(w, day, within)]
    shown.sort(key=lambda w: (not is_active(w, day), w.starts_on, w.ends_on))
    return shown[0] if shown else None


def covers(windows: Sequence[WindowLike], moment: datetime) -> bool:
    """An aware moment falls on a closed day (its date in Italy)."""
    d = moment.astimezone(ROME).date()
    return any(is_active(w, d) for w in windows)


def is_current_or_future(w: WindowLike, day: date) -> bool:
    """Still worth listing to staff (not over yet)."""
    return w.ends_on >= day


class ChiusuraInput(BaseModel):
    """The staff form: from, to (ISO or dd/mm/yyyy), reason; the entry (0: the whole centre)."""

    starts_on: date
    ends_on: date
    reason: str = Field("", max_length=REASON_MAX)
    entry_id: int = Field(0, ge=0, lt=2**31)

    @field_validator("starts_on", "ends_on", mode="before")
    @classmethod
    def _day(cls, v):
        if isinstance(v, str):
            text = v.strip()
            if not text:
                raise ValueError("Campo obbligatorio.")
            if "/" in text:
                parts = text.split("/")
                if len(parts) == 3 and all(p.isascii() and p.isdigit() for p in parts):
                    try:
                        return date(int(parts[2]), int(parts[1]), int(parts[0]))
                    except ValueError:
                        pass
                raise ValueError("Data non valida: scrivila come 2026-11-25 o 25/11/2026.")
            return text
        return v

    @field_validator("reason")
    @classmethod
    def _reason(cls, v: str) -> str:
        return " ".join(v.split())

    @model_validator(mode="after")
    def _order(self):
        if self.ends_on < self.starts_on:
            raise ValueError("L'ultimo giorno di chiusura viene prima del primo: controlla le date.")
        if (self.ends_on - self.starts_on).days + 1 > MAX_DAYS:
            raise ValueError(
                f"Una chiusura temporanea dura al massimo {MAX_DAYS} giorni; per una chiusura definitiva "
                "scrivi all'ufficio regionale."
            )
        return self


def check_not_past(data: ChiusuraInput, today: date) -> str | None:
    """A new closure that ended before today is a typing mistake: its refusal code, else None."""
    if data.ends_on < today:
        return "chiusura_past"
    return None


def without_closed_days(rule: SessionRule, windows: Sequence[WindowLike]) -> SessionRule:
    """The series with every occurrence on a closed day cancelled (EXDATEs), so calendars, the
    pages and HSDS never offer a session while the centre or the service is closed."""
    closed = []
    for w in windows:
        start = datetime.combine(w.starts_on, time(0), ROME)
        end = datetime.combine(w.ends_on + timedelta(days=1), time(0), ROME)
        closed += [o.start for o in occurrences(rule, start, end, limit=2000) if is_active(w, o.start.date())]
    if not closed:
        return rule
    return replace(rule, exdates=tuple(sorted({*rule.exdates, *closed})))
