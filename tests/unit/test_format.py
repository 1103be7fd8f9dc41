import pytest

from zerosei_app.domain.age import Child
from zerosei_app.domain.months import YearMonth
from zerosei_app.i18n.format import month_year
from zerosei_app.view.wording import age_in_words


def born(age: int) -> Child:
    return Child("nato", YearMonth(2020, 1), age)


def test_month_year():
    assert month_year(YearMonth(2027, 3), "it") == "marzo 2027"
    assert month_year(YearMonth(2027, 3), "en") == "March 2027"
    assert month_year(YearMonth(2026, 12), "xx") == "dicembre 2026"


@pytest.mark.parametrize(
    "age, it, en",
    [
        (0, "meno di un mese", "less than a month"),
        (1, "1 mese", "1 month"),
        (3, "3 mesi", "3 months"),
        (12, "1 anno", "1 year"),
        (18, "1 anno e 6 mesi", "1 year and 6 months"),
        (24, "2 anni", "2 years"),
        (25, "2 anni e 1 mese", "2 years and 1 month"),
        (72, "6 anni", "6 years"),
    ],
)
def test_age_in_words(age, it, en):
    assert age_in_words(born(age), "it") == it
    assert age_in_words(born(age), "en") == en


def test_expected_child():
    child = Child("atteso", YearMonth(2027, 3), -4)
    assert age_in_words(child, "it") == "in attesa, nascita prevista per marzo 2027"
    assert age_in_words(child, "en") == "expecting, due in March 2027"


def test_presumably_born_child_reads_as_an_age():
    child = Child("nato", YearMonth(2026, 2), 9, born_presumably=True)
    assert age_in_words(child, "it") == "9 mesi"
