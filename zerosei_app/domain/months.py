"""Calendar months: we only ever know the month of a birth, never the day."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

_YEAR_MONTH = re.compile(r"([0-9]{4})-([0-9]{2})")
MIN_YEAR = 1900
MAX_YEAR = 2200


@dataclass(frozen=True, order=True, slots=True)
class YearMonth:
    year: int
    month: int

    def __post_init__(self) -> None:
        # Guard the invariant here so `plus`, `str` and ordering can trust it.
        if not isinstance(self.year, int) or isinstance(self.year, bool):
            raise ValueError(f"year must be an int, got {self.year!r}")
        if not isinstance(self.month, int) or isinstance(self.month, bool):
            raise ValueError(f"month must be an int, got {self.month!r}")
        if not 1 <= self.month <= 12:
            raise ValueError(f"month out of range: {self.month}")
        if not 1 <= self.year <= 9999:
            raise ValueError(f"year out of range: {self.year}")

    @classmethod
    def parse(cls, s: str) -> YearMonth:
        """Strict `YYYY-MM` (year 1900–2200, month 01–12); anything else raises ValueError."""
        match = _YEAR_MONTH.fullmatch(s) if isinstance(s, str) else None
        if match is None:
            raise ValueError(f"not a YYYY-MM month: {s!r}")
        year, month = int(match.group(1)), int(match.group(2))
        if not MIN_YEAR <= year <= MAX_YEAR or not 1 <= month <= 12:
            raise ValueError(f"month out of range: {s!r}")
        return cls(year, month)

    @classmethod
    def of(cls, d: date) -> YearMonth:
        return cls(d.year, d.month)

    def plus(self, months: int) -> YearMonth:
        year, month0 = divmod(self._index() + months, 12)
        return YearMonth(year, month0 + 1)

    def months_until(self, other: YearMonth) -> int:
        """`other - self` in whole calendar months (negative when other is earlier)."""
        return other._index() - self._index()

    def _index(self) -> int:
        return self.year * 12 + (self.month - 1)

    def __str__(self) -> str:
        return f"{self.year:04d}-{self.month:02d}"
