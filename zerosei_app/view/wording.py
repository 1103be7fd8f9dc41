"""Every wording of ages, age ranges, dates and counts, once: the pages, the API, HSDS, print and the staff
screens all ask here. Plurals come from the catalogues (`age.months.<category>`…), chosen by Babel's plural
rules for the language, so "1 mese"/"2 mesi" or Arabic's six forms are never decided by hand."""

from __future__ import annotations

from datetime import date

from babel.dates import format_date
from babel.lists import format_list

from zerosei_app.domain.age import Child
from zerosei_app.domain.catalog import MAX_AGE_MONTHS, MIN_AGE_MONTHS
from zerosei_app.domain.months import YearMonth
from zerosei_app.i18n import normalize_lang, plural, t
from zerosei_app.i18n.format import month_year, plural_form

STAFF_LANG = "it"  # the staff area and the HSDS export are Italian


# --- counts -------------------------------------------------------------------------------------------------


def months_text(n: int, lang: str) -> str:
    """ "1 mese", "3 mesi", "2 months": a count of months."""
    return plural("age.months", n, lang)


def years_text(n: int, lang: str) -> str:
    """ "1 anno", "6 anni": a count of years."""
    return plural("age.years", n, lang)


def years_and_months_text(months: int, lang: str) -> str:
    """ "1 anno e 6 mesi", "2 anni", "5 mesi": whole years first, the rest in months (months > 0)."""
    years, rest = divmod(months, 12)
    if years == 0:
        return months_text(rest, lang)
    if rest == 0:
        return years_text(years, lang)
    return t("age.years_and_months", lang, years=years_text(years, lang), months=months_text(rest, lang))


def age_in_years(months: int) -> float:
    """An age bound as years with two decimals (HSDS `minimum_age`); before birth counts as 0."""
    return round(max(0, months) / 12, 2)


# --- dates --------------------------------------------------------------------------------------------------


def long_date(day: date, lang: str) -> str:
    """ "12 marzo 2026", "March 12, 2026"."""
    return format_date(day, format="long", locale=normalize_lang(lang))


# "mercoledì 3 marzo"; where the language orders or joins it otherwise, its own pattern.
_DAY_PATTERNS = {"zh": "M月d日 EEEE", "es": "EEEE d 'de' MMMM"}


def day_text(day: date, lang: str) -> str:
    """ "martedì 6 ottobre", "Tuesday 6 October": a day with its weekday, no year."""
    return format_date(day, _DAY_PATTERNS.get(lang, "EEEE d MMMM"), locale=lang)


def short_day_text(day: date, lang: str) -> str:
    """ "mar 13 ott", "Tue 13 Oct": a day compactly, inside a card."""
    return format_date(day, "EEE d MMM", locale=lang)


def source_date(value: str | None, lang: str) -> str:
    """As precise as the source: "2024", "maggio 2025", "20 aprile 2025"; "senza data" when it gives none."""
    if not value:
        return t("path.tappa.undated", lang)
    parts = value.split("-")
    try:
        if len(parts) == 1:
            return str(int(parts[0]))
        if len(parts) == 2:
            return month_year(YearMonth(int(parts[0]), int(parts[1])), lang)
        return long_date(date.fromisoformat(value), lang)
    except ValueError:
        return value


def starts_text(da_mese: str, tra_mesi: int, lang: str) -> str:
    """ "Da marzo 2027 (tra 4 mesi)": when a service or a tappa opens for a child."""
    month = month_year(YearMonth.parse(da_mese), lang)
    return t("path.entry.starts", lang, month=month, months=months_text(tra_mesi, lang))


# --- lists -------------------------------------------------------------------------------------------------


def and_list(items: list[str], lang: str) -> str:
    """ "martedì e giovedì", "lunedì, martedì e giovedì": joined by the language's own rule (Babel)."""
    return format_list(items, locale=normalize_lang(lang))


# --- a child's age and an age range, for parents ---------------------------------------------------------------


def age_in_words(child: Child, lang: str = "it") -> str:
    """ "3 mesi", "1 anno e 6 mesi", "meno di un mese", "in attesa, nascita prevista per marzo 2027"."""
    if child.kind == "atteso":
        return t("age.expecting", lang, month=month_year(child.month, lang))
    if child.age_months <= 0:
        return t("age.under_one_month", lang)
    return years_and_months_text(child.age_months, lang)


def share_age_band(child: Child, lang: str) -> str:
    """A shared link's age, never the birth month: "in attesa", "bambino sotto l'anno", "bambino di 3 anni"."""
    if child.kind == "atteso":
        return t("share.band.expecting", lang)
    if child.age_months < 12:
        return t("share.band.baby", lang)
    return plural("share.band.years", child.age_months // 12, lang)


def age_band(months: int, lang: str) -> str:
    """One end of an age range: whole years as years ("3 anni"), anything else in months ("18 mesi")."""
    if months % 12 == 0 and months > 0:
        return years_text(months // 12, lang)
    return months_text(months, lang)


def age_range_text(age_min: int, age_max: int, lang: str) -> str:
    """ "In gravidanza", "Dalla nascita a 1 anno", "Da 18 mesi a 30 mesi"."""
    if age_max < 0:
        return t("path.age.pregnancy", lang)
    to = age_band(age_max, lang)
    if age_min < 0:
        return t("path.age.from_pregnancy", lang, to=to)
    if age_min == 0:
        return t("path.age.from_birth", lang, to=to)
    return t("path.age.range", lang, start=age_band(age_min, lang), to=to)


def tappa_age_text(age_min_months: int, age_max_months: int | None, lang: str) -> str:
    """A tappa's window: "in gravidanza", "alla nascita", else as a service's age range (no end: 6 years)."""
    end = MAX_AGE_MONTHS if age_max_months is None else age_max_months
    if end == 0:
        return t("path.tappa.at_birth", lang) if age_min_months == 0 else t("path.tappa.pregnancy_to_birth", lang)
    return age_range_text(age_min_months, end, lang)


# --- the staff screens (Italian) ----------------------------------------------------------------------------


def staff_count(n: int, one: str, other: str) -> str:
    """A count on the staff screens, its form chosen by Babel's rule for Italian: `one` and `other` are texts
    with `{n}` ("{n} giorno" / "{n} giorni", "un campo da correggere" / "{n} campi da correggere")."""
    return (one if plural_form(n, STAFF_LANG) == "one" else other).format(n=n)


def staff_age_words(months: int) -> str:
    """An age bound in months: -9 → "9 mesi prima della nascita", 0 → "alla nascita", 18 → "1 anno e 6 mesi"."""
    if months < 0:
        return f"{months_text(-months, STAFF_LANG)} prima della nascita"
    if months == 0:
        return "alla nascita"
    return years_and_months_text(months, STAFF_LANG)


def staff_age_range_words(age_min: int, age_max: int) -> str:
    """ "dalla nascita a 1 anno", "da 3 mesi prima della nascita a 2 anni", "dalla gravidanza ai 6 anni"."""
    if age_min == MIN_AGE_MONTHS and age_max == MAX_AGE_MONTHS:
        return "dalla gravidanza ai 6 anni"
    if age_min == 0:
        start = "dalla nascita"
    elif age_min == MIN_AGE_MONTHS:
        start = "dall'inizio della gravidanza"
    else:
        start = f"da {staff_age_words(age_min)}"
    if age_max == 0:
        end = "alla nascita"
    elif age_max == MAX_AGE_MONTHS:
        end = "ai 6 anni"
    else:
        end = f"a {staff_age_words(age_max)}"
    return f"{start} {end}"


# --- HSDS (Italian, a published export: its words stay as they were) -----------------------------------------


def hsds_eligibility_text(age_min: int, age_max: int, lang: str = "it") -> str:
    """ "Bambini da 12 mesi a 36 mesi e le loro famiglie.", "Bambini dal 3° mese prima della nascita a …".
    The HSDS export is in Italian, word for word as published: `lang` is there for when it is not."""
    start = f"dal {-age_min}° mese prima della nascita" if age_min < 0 else f"da {age_min} mesi"
    return f"Bambini {start} a {age_max} mesi e le loro famiglie."


def hsds_pregnancy_text(age_min: int) -> str:
    """The `gravidanza` attribute's value: "da 3 mesi prima della nascita" (age_min < 0)."""
    return f"da {-age_min} mesi prima della nascita"
