from datetime import date

from zerosei_app.domain.age import Child
from zerosei_app.domain.errors import FieldError
from zerosei_app.domain.link import PathQuery, validate_for_path
from zerosei_app.domain.months import YearMonth

TODAY = date(2026, 11, 25)


def test_valid_query_gives_children_in_link_order():
    q = PathQuery(comune="001272", nascita=("2025-05", "2022-01"), attesa="2027-03")
    children, errors = validate_for_path(q, TODAY)
    assert errors == []
    assert children == [
        Child("nato", YearMonth(2025, 5), 18),
        Child("nato", YearMonth(2022, 1), 58),
        Child("atteso", YearMonth(2027, 3), -4),
    ]


def test_missing_comune_and_child():
    children, errors = validate_for_path(PathQuery(), TODAY)
    assert children == []
    assert errors == [FieldError("comune", "missing_comune"), FieldError("nascita", "missing_child")]


def test_age_errors_become_field_errors_with_the_month():
    q = PathQuery(comune="001272", nascita=("2026-12", "2025-01", "2019-01"), attesa="2028-01")
    children, errors = validate_for_path(q, TODAY)
    assert children == [Child("nato", YearMonth(2025, 1), 22)]
    assert [(e.field, e.code, e.params["month"]) for e in errors] == [
        ("nascita", "birth_in_future", "2026-12"),
        ("nascita", "too_old", "2019-01"),
        ("attesa", "expected_too_far", "2028-01"),
    ]
    assert errors[1].params["years"] == 7


def test_only_an_expected_child_is_enough():
    children, errors = validate_for_path(PathQuery(comune="001272", attesa="2027-01"), TODAY)
    assert errors == []
    assert children[0].age_months == -2
