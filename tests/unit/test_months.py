from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from zerosei_app.domain.months import YearMonth

year_months = st.builds(YearMonth, st.integers(1900, 2200), st.integers(1, 12))


def test_parse_and_str():
    ym = YearMonth.parse("2025-03")
    assert ym == YearMonth(2025, 3)
    assert str(ym) == "2025-03"
    assert YearMonth.parse("1900-01") == YearMonth(1900, 1)
    assert YearMonth.parse("2200-12") == YearMonth(2200, 12)


@pytest.mark.parametrize(
    "bad",
    [
        "2025-3",
        "2025-13",
        "2025-00",
        "1899-12",
        "2201-01",
        "25-03",
        "2025/03",
        "2025-03-01",
        " 2025-03",
        "2025-03\n",
        "２０２５-03",  # full-width digits
        "",
        "2025-O3",
        None,
        202503,
    ],
)
def test_parse_is_strict(bad):
    with pytest.raises(ValueError):
        YearMonth.parse(bad)


def test_constructor_rejects_impossible_months():
    with pytest.raises(ValueError):
        YearMonth(2025, 13)
    with pytest.raises(ValueError):
        YearMonth(2025, 0)


def test_of_date():
    assert YearMonth.of(date(2026, 11, 25)) == YearMonth(2026, 11)
    assert YearMonth.of(date(2028, 2, 29)) == YearMonth(2028, 2)


def test_plus_crosses_year_boundaries():
    assert YearMonth(2026, 12).plus(1) == YearMonth(2027, 1)
    assert YearMonth(2027, 1).plus(-1) == YearMonth(2026, 12)
    assert YearMonth(2026, 11).plus(0) == YearMonth(2026, 11)
    assert YearMonth(2026, 11).plus(72) == YearMonth(2032, 11)
    assert YearMonth(2026, 3).plus(-9) == YearMonth(2025, 6)


def test_months_until():
    assert YearMonth(2025, 5).months_until(YearMonth(2026, 11)) == 18
    assert YearMonth(2026, 12).months_until(YearMonth(2027, 1)) == 1
    assert YearMonth(2027, 3).months_until(YearMonth(2026, 11)) == -4


def test_ordering_is_chronological():
    assert YearMonth(2025, 12) < YearMonth(2026, 1) < YearMonth(2026, 2)
    assert sorted([YearMonth(2026, 1), YearMonth(2025, 12)]) == [YearMonth(2025, 12), YearMonth(2026, 1)]


@given(year_months)
def test_str_parse_round_trip(ym):
    assert YearMonth.parse(str(ym)) == ym


@given(year_months, st.integers(-1200, 1200))
def test_plus_and_months_until_are_inverse(ym, n):
    assert ym.months_until(ym.plus(n)) == n
    assert ym.plus(n).plus(-n) == ym
