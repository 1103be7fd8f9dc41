"""Human wording for months and ages, in the parent's language."""

from __future__ import annotations

from functools import cache

from babel import Locale
from babel.dates import get_month_names

from ..domain.age import Child
from ..domain.months import YearMonth
from .translate import normalize_lang, plural, t


def month_year(ym: YearMonth, lang: str = "it") -> str:
    """ "marzo 2027" / "March 2027": stand-alone month names, as in a calendar heading."""
    return f"{_month_names(normalize_lang(lang))[ym.month]} {ym.year}"


@cache
def _month_names(lang: str) -> dict[int, str]:
    return dict(get_month_names("wide", context="stand-alone", locale=lang))


@cache
def language_name(code: str, lang: str = "it") -> str:
    """ "arabo" / "Arabic": a language's name in the reader's language (the code itself if Babel has none)."""
    return Locale.parse(normalize_lang(lang)).languages.get(code, code)


def age_in_words(child: Child, lang: str = "it") -> str:
    """ "3 mesi", "1 anno e 6 mesi", "meno di un mese", "in attesa, nascita prevista per marzo 2027"."""
    if child.kind == "atteso":
        return t("age.expecting", lang, month=month_year(child.month, lang))
    if child.age_months <= 0:
        return t("age.under_one_month", lang)
    years, months = divmod(child.age_months, 12)
    if years == 0:
        return plural("age.months", months, lang)
    if months == 0:
        return plural("age.years", years, lang)
    return t(
        "age.years_and_months",
        lang,
        years=plural("age.years", years, lang),
        months=plural("age.months", months, lang),
    )
