"""Language-neutral wording helpers: a month's name, a language's name (the ages live in view/wording.py)."""

from __future__ import annotations

from functools import cache
from typing import Protocol

from babel import Locale
from babel.dates import get_month_names

from .translate import normalize_lang


class YearAndMonth(Protocol):
    """Anything with a year and a month (domain.months.YearMonth): i18n/ imports no other layer."""

    @property
    def year(self) -> int: ...

    @property
    def month(self) -> int: ...


def month_year(ym: YearAndMonth, lang: str = "it") -> str:
    """ "marzo 2027" / "March 2027": stand-alone month names, as in a calendar heading."""
    return f"{_month_names(normalize_lang(lang))[ym.month]} {ym.year}"


@cache
def _month_names(lang: str) -> dict[int, str]:
    return dict(get_month_names("wide", context="stand-alone", locale=lang))


@cache
def language_name(code: str, lang: str = "it") -> str:
    """ "arabo" / "Arabic": a language's name in the reader's language (the code itself if Babel has none)."""
    return Locale.parse(normalize_lang(lang)).languages.get(code, code)


@cache
def plural_form(n: int, lang: str = "it") -> str:
    """Babel's (CLDR) plural category of `n` in `lang`: "one", "few", "other"…"""
    return Locale.parse(normalize_lang(lang)).plural_form(n)
