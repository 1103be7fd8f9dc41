from datetime import date

import pytest

from zerosei_app.domain.age import AgeError, Child, child_from_birth, child_from_expected
from zerosei_app.domain.months import YearMonth

TODAY = date(2026, 11, 25)


def ym(s: str) -> YearMonth:
    return YearMonth.parse(s)


def test_age_counts_calendar_months():
    child = child_from_birth(ym("2025-05"), TODAY)
    assert child == Child(kind="nato", month=ym("2025-05"), age_months=18)


def test_born_this_month_is_zero():
    assert child_from_birth(ym("2026-11"), TODAY).age_months == 0
    assert child_from_birth(ym("2026-11"), date(2026, 11, 1)).age_months == 0


def test_december_to_january():
    assert child_from_birth(ym("2026-12"), date(2027, 1, 1)).age_months == 1
    assert child_from_birth(ym("2026-01"), date(2026, 12, 31)).age_months == 11


def test_29_february_as_today():
    leap_day = date(2028, 2, 29)
    assert child_from_birth(ym("2028-02"), leap_day).age_months == 0
    assert child_from_birth(ym("2027-02"), leap_day).age_months == 12
    assert child_from_expected(ym("2028-11"), leap_day).age_months == -9


def test_birth_in_the_future():
    with pytest.raises(AgeError) as err:
        child_from_birth(ym("2026-12"), TODAY)
    assert err.value.code == "birth_in_future"
    assert err.value.params["month"] == "2026-12"


def test_72_months_is_served_73_is_not():
    assert child_from_birth(ym("2020-11"), TODAY).age_months == 72
    with pytest.raises(AgeError) as err:
        child_from_birth(ym("2020-10"), TODAY)
    assert err.value.code == "too_old"
    assert err.value.params["years"] == 6


def test_age_error_is_a_value_error():
    err = AgeError("too_old", {"years": 7})
    assert isinstance(err, ValueError)
    assert (err.code, err.params) == ("too_old", {"years": 7})
    assert AgeError("birth_in_future").params == {}


def test_expected_is_negative_age():
    child = child_from_expected(ym("2027-03"), TODAY)
    assert child == Child(kind="atteso", month=ym("2027-03"), age_months=-4)


def test_expected_this_month_counts_as_age_zero():
    child = child_from_expected(ym("2026-11"), TODAY)
    assert child.age_months == 0
    assert child.kind == "atteso"
    assert not child.born_presumably


def test_expected_nine_months_ahead_is_fine_ten_is_too_far():
    assert child_from_expected(ym("2027-08"), TODAY).age_months == -9
    with pytest.raises(AgeError) as err:
        child_from_expected(ym("2027-09"), TODAY)
    assert err.value.code == "expected_too_far"
    assert err.value.params["month"] == "2027-09"


def test_expected_in_the_past_is_presumably_born():
    child = child_from_expected(ym("2026-02"), TODAY)
    assert child.kind == "nato"
    assert child.age_months == 9
    assert child.born_presumably


def test_expected_last_month_is_presumably_born():
    child = child_from_expected(ym("2026-10"), TODAY)
    assert (child.kind, child.age_months, child.born_presumably) == ("nato", 1, True)


def test_expected_long_ago_is_too_old():
    with pytest.raises(AgeError) as err:
        child_from_expected(ym("2019-01"), TODAY)
    assert err.value.code == "too_old"
