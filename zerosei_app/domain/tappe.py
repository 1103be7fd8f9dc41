"""Which public steps (tappe) fit a child now, which ones open in the coming months, and when to remind.

Like services (domain/path.py): "now" when the child's age is inside the step's window, "coming" when the
window opens within LOOKAHEAD_MONTHS; ordered by fit (the narrowest window first: a step for this very age
says more than one for the whole 0-6). Ages count from the (expected) birth month, so a pregnancy is an
expected child with a negative age. A window with no end runs to the end of the 0-6 years.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import Protocol

from .age import Child
from .catalog import LOOKAHEAD_MONTHS, MAX_AGE_MONTHS
from .months import YearMonth
from .text import fold

# A regional or comunale step names who to ask here; a national one applies everywhere but says less.
_AMBITO_RANK = {"regionale": 0, "comunale": 1, "nazionale": 2}


class TappaLike(Protocol):
    id: str
    title: str
    scope: str
    age_min_months: int
    age_max_months: int | None


def end_of(t: TappaLike) -> int:
    return MAX_AGE_MONTHS if t.age_max_months is None else t.age_max_months


def fits(t: TappaLike, age_months: int) -> bool:
    return t.age_min_months <= age_months <= end_of(t)


def fit_key(t: TappaLike) -> tuple[int, int, int, str, str]:
    """Narrowest window first; then regional before national, the earliest start, the title, the id."""
    return (
        end_of(t) - t.age_min_months,
        _AMBITO_RANK.get(t.scope, len(_AMBITO_RANK)),
        t.age_min_months,
        fold(t.title),
        t.id,
    )


@dataclass
class TappaSoon:
    tappa: TappaLike
    starts_in_months: int
    starts_on: YearMonth  # the month the child reaches the window's start


@dataclass
class TappePath:
    now: list[TappaLike] = field(default_factory=list)
    upcoming: list[TappaSoon] = field(default_factory=list)


def select_tappe(tappe: Iterable[TappaLike], child: Child, lookahead: int = LOOKAHEAD_MONTHS) -> TappePath:
    age = child.age_months
    path = TappePath()
    for t in tappe:
        if fits(t, age):
            path.now.append(t)
        elif age < t.age_min_months <= age + lookahead:
            path.upcoming.append(TappaSoon(t, t.age_min_months - age, child.month.plus(t.age_min_months)))
    path.now.sort(key=fit_key)
    path.upcoming.sort(key=lambda s: (s.starts_in_months, *fit_key(s.tappa)))
    return path


# Steps whose window is not simply months from birth: the day to remind, from the (expected) birth month.
def _school_enrolment(birth: YearMonth) -> date:
    """Preschool enrolment is in January–February of the year the child turns 3 (born in 2024: January 2027)."""
    return date(birth.year + 3, 1, 7)


REMINDER_RULES: dict[str, Callable[[YearMonth], date]] = {"iscrizione_scuola_infanzia": _school_enrolment}


def reminder_day(t: TappaLike, birth: YearMonth) -> date:
    """The day a calendar should remind the family of this step."""
    rule = REMINDER_RULES.get(t.id)
    if rule is not None:
        return rule(birth)
    start = birth.plus(t.age_min_months)
    return date(start.year, start.month, 1)


def reminders(tappe: Iterable[TappaLike], child: Child, today: date) -> list[tuple[TappaLike, date]]:
    """Each step whose window opens (or whose rule's day falls) after today, with its day: soonest first."""
    age = child.age_months
    out = [(t, reminder_day(t, child.month)) for t in tappe if end_of(t) >= age and end_of(t) >= 0]
    out = [(t, day) for t, day in out if day > today and (t.age_min_months > age or t.id in REMINDER_RULES)]
    return sorted(out, key=lambda pair: (pair[1], *fit_key(pair[0])))
