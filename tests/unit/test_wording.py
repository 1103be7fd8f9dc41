"""view/wording.py: every wording of ages, age ranges, dates and counts, once, with Babel's plural rules."""

from datetime import date

import pytest

from zerosei_app.domain.age import Child
from zerosei_app.domain.months import YearMonth
from zerosei_app.i18n.catalogs import CATALOGS
from zerosei_app.i18n.translate import _plural_category
from zerosei_app.view import wording


@pytest.mark.parametrize(
    ("lang", "n", "expected"),
    [
        ("it", 1, "1 mese"),
        ("it", 2, "2 mesi"),
        ("en", 1, "1 month"),
        ("en", 0, "0 months"),
        ("ro", 1, "1 lună"),
        ("ro", 2, "2 luni"),
        ("ro", 19, "19 luni"),
        ("ro", 20, "20 de luni"),
        ("ro", 101, "101 luni"),  # few again: 101 ends in 1–19
        ("ro", 120, "120 de luni"),
        ("ar", 0, "0 شهر"),  # zero
        ("ar", 1, "1 شهر"),  # one
        ("ar", 2, "شهران"),  # two: the dual carries no number
        ("ar", 3, "3 أشهر"),  # few
        ("ar", 11, "11 شهرًا"),  # many
        ("ar", 100, "100 شهر"),  # other
        ("zh", 1, "1 个月"),  # one form only
        ("zh", 5, "5 个月"),
        ("uk", 1, "1 місяць"),
        ("uk", 21, "21 місяць"),
        ("uk", 3, "3 місяці"),
        ("uk", 5, "5 місяців"),
        ("uk", 11, "11 місяців"),
    ],
)
def test_month_counts_follow_each_language(lang, n, expected):
    assert wording.months_text(n, lang) == expected


def test_arabic_has_six_forms_and_chinese_one():
    arabic = {_plural_category("ar", n) for n in range(200)}
    assert arabic == {"zero", "one", "two", "few", "many", "other"}
    assert len({wording.months_text(n, "ar").replace(str(n), "N") for n in (0, 1, 2, 3, 11, 100)}) >= 4
    assert {_plural_category("zh", n) for n in range(200)} == {"other"}


@pytest.mark.parametrize("lang", list(CATALOGS))
def test_every_plural_text_has_every_form_its_language_uses(lang):
    """A count is never worded by the fallback form: each catalogue holds every form its integers need."""
    bases = {key.rsplit(".", 1)[0] for key in CATALOGS["it"] if key.endswith(".other")}
    used = {_plural_category(lang, n) for n in range(1000)}
    missing = sorted(f"{b}.{form}" for b in bases for form in used if f"{b}.{form}" not in CATALOGS[lang])
    assert missing == []


@pytest.mark.parametrize(
    ("lang", "n", "expected"),
    [("it", 1, "1 anno"), ("it", 6, "6 anni"), ("en", 2, "2 years"), ("ro", 1, "1 an"), ("ar", 2, "سنتان")],
)
def test_year_counts(lang, n, expected):
    assert wording.years_text(n, lang) == expected


@pytest.mark.parametrize(
    ("months", "it", "en"),
    [
        (0, "meno di un mese", "less than a month"),
        (18, "1 anno e 6 mesi", "1 year and 6 months"),
        (24, "2 anni", "2 years"),
    ],
)
def test_a_childs_age(months, it, en):
    child = Child("nato", YearMonth(2020, 1), months)
    assert wording.age_in_words(child, "it") == it
    assert wording.age_in_words(child, "en") == en


def test_an_expected_child_says_the_month():
    child = Child("atteso", YearMonth(2027, 3), -4)
    assert wording.age_in_words(child, "ro").endswith("2027")
    assert wording.age_in_words(child, "en") == "expecting, due in March 2027"


@pytest.mark.parametrize(
    ("lo", "hi", "it", "en"),
    [
        (-9, -1, "In gravidanza", "During pregnancy"),
        (-9, 72, "Dalla gravidanza a 6 anni", "From pregnancy to 6 years"),
        (0, 12, "Dalla nascita a 1 anno", "From birth to 1 year"),
        (1, 8, "Da 1 mese a 8 mesi", "From 1 month to 8 months"),
        (18, 30, "Da 18 mesi a 30 mesi", "From 18 months to 30 months"),
    ],
)
def test_age_ranges(lo, hi, it, en):
    assert wording.age_range_text(lo, hi, "it") == it
    assert wording.age_range_text(lo, hi, "en") == en


def test_an_age_range_in_arabic_uses_the_dual():
    assert wording.age_range_text(0, 24, "ar") == "من الولادة حتى سنتان"


def test_a_tappas_window():
    assert wording.tappa_age_text(0, 0, "it") == "Alla nascita"
    assert wording.tappa_age_text(-9, 0, "en") == "During pregnancy, until birth"
    assert wording.tappa_age_text(0, None, "it") == "Dalla nascita a 6 anni"  # no end: up to 6 years
    assert wording.tappa_age_text(12, 36, "it") == "Da 1 anno a 3 anni"


def test_staff_age_words_use_the_catalogue_plurals():
    assert wording.staff_age_words(-1) == "1 mese prima della nascita"
    assert wording.staff_age_words(-9) == "9 mesi prima della nascita"
    assert wording.staff_age_words(0) == "alla nascita"
    assert wording.staff_age_words(13) == "1 anno e 1 mese"
    assert wording.staff_age_range_words(-9, 72) == "dalla gravidanza ai 6 anni"
    assert wording.staff_age_range_words(-9, 12) == "dall'inizio della gravidanza a 1 anno"
    assert wording.staff_age_range_words(-3, 0) == "da 3 mesi prima della nascita alla nascita"


def test_hsds_words_stay_as_published():
    assert wording.hsds_eligibility_text(12, 36) == "Bambini da 12 mesi a 36 mesi e le loro famiglie."
    assert (
        wording.hsds_eligibility_text(-3, 72) == "Bambini dal 3° mese prima della nascita a 72 mesi e le loro famiglie."
    )
    assert wording.hsds_pregnancy_text(-3) == "da 3 mesi prima della nascita"
    assert wording.age_in_years(-3) == 0 and wording.age_in_years(18) == 1.5 and wording.age_in_years(7) == 0.58


@pytest.mark.parametrize(
    ("value", "lang", "expected"),
    [
        (None, "it", "senza data"),
        ("2024", "it", "2024"),
        ("2025-05", "it", "maggio 2025"),
        ("2025-05", "en", "May 2025"),
        ("2025-04-20", "it", "20 aprile 2025"),
        ("2025-04-20", "en", "April 20, 2025"),
        ("circa 2023", "it", "circa 2023"),  # not a date: the source's own words
    ],
)
def test_source_dates_are_as_precise_as_the_source(value, lang, expected):
    assert wording.source_date(value, lang) == expected


def test_long_dates_and_starts():
    assert wording.long_date(date(2026, 3, 12), "it") == "12 marzo 2026"
    assert wording.long_date(date(2026, 3, 12), "en") == "March 12, 2026"
    assert wording.starts_text("2027-03", 4, "it") == "Da marzo 2027 (tra 4 mesi)"
    assert wording.starts_text("2027-03", 1, "en") == "From March 2027 (in 1 month)"


def test_staff_counts_follow_the_italian_rule():
    assert wording.staff_count(1, "{n} giorno", "{n} giorni") == "1 giorno"
    assert wording.staff_count(0, "{n} giorno", "{n} giorni") == "0 giorni"
    assert wording.staff_count(21, "{n} giorno", "{n} giorni") == "21 giorni"
    assert wording.staff_count(1, "un campo da correggere", "{n} campi da correggere") == "un campo da correggere"


def test_a_shared_links_age_band_never_says_the_month():
    assert wording.share_age_band(Child("atteso", YearMonth(2027, 3), -4), "it") == "in attesa"
    assert wording.share_age_band(Child("nato", YearMonth(2026, 3), 8), "it") == "bambino sotto l'anno"
    assert wording.share_age_band(Child("nato", YearMonth(2023, 3), 40), "it") == "bambino di 3 anni"
    assert wording.share_age_band(Child("nato", YearMonth(2025, 3), 20), "ar") == "طفل عمره 1 سنة"
