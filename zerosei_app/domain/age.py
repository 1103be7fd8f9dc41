"""A child's age in whole calendar months, from a birth month or an expected birth month."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any, Literal

from .catalog import MAX_AGE_MONTHS, MIN_AGE_MONTHS
from .months import YearMonth


class AgeError(ValueError):
    """A month that cannot describe a child we serve; `code` maps to the i18n key `error.<code>`."""

    def __init__(self, code: str, params: dict[str, Any] | None = None) -> None:
        super().__init__(code)
        self.code = code
        self.params = dict(params or {})


@dataclass(frozen=True)
class Child:
    kind: Literal["nato", "atteso"]
    month: YearMonth  # birth month, or expected birth month
    age_months: int  # negative while expected
    # An expected month already in the past (old bookmark): we assume the baby was born then.
    born_presumably: bool = False


def child_from_birth(month: YearMonth, today: date) -> Child:
    age = month.months_until(YearMonth.of(today))
    if age < 0:
        raise AgeError("birth_in_future", {"month": str(month)})
    _check_not_too_old(month, age)
    return Child(kind="nato", month=month, age_months=age)


def child_from_expected(month: YearMonth, today: date) -> Child:
    age = month.months_until(YearMonth.of(today))
    if age < MIN_AGE_MONTHS:
        raise AgeError("expected_too_far", {"month": str(month), "months": -age})
    if age > 0:
        # Old link: the due month has passed, so the baby is (presumably) born.
        _check_not_too_old(month, age)
        return Child(kind="nato", month=month, age_months=age, born_presumably=True)
    # Due this month counts as age 0: services from birth already apply.
    return Child(kind="atteso", month=month, age_months=age)


def _check_not_too_old(month: YearMonth, age: int) -> None:
    if age > MAX_AGE_MONTHS:
        raise AgeError("too_old", {"month": str(month), "years": age // 12})
