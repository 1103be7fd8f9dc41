"""Temporary closures (domain/chiusure.py): which days they cover, when families hear of them, the staff
form, and the sessions of a series that fall on closed days."""

from __future__ import annotations

from datetime import UTC, date, datetime

from zerosei_app.domain.chiusure import (
    NOTICE_DAYS,
    ChiusuraInput,
    Window,
    covers,
    is_active,
    is_upcoming,
    to_announce,
    without_closed_days,
)
from zerosei_app.domain.sessions import ROME, SessionChoice, all_occurrences, validate
from zerosei_app.domain.validation import parse

AUGUST = Window(date(2027, 8, 1), date(2027, 8, 31), "ferie")


def test_both_ends_are_closed_days():
    assert not is_active(AUGUST, date(2027, 7, 31))
    assert is_active(AUGUST, date(2027, 8, 1)) and is_active(AUGUST, date(2027, 8, 31))
    assert not is_active(AUGUST, date(2027, 9, 1))


def test_families_hear_of_it_fourteen_days_before():
    assert NOTICE_DAYS == 14
    assert is_upcoming(AUGUST, date(2027, 7, 18)) and not is_upcoming(AUGUST, date(2027, 7, 17))
    assert to_announce([AUGUST], date(2027, 7, 17)) is None
    assert to_announce([AUGUST], date(2027, 7, 18)) is AUGUST
    assert to_announce([AUGUST], date(2027, 9, 1)) is None


def test_the_closure_in_course_comes_before_the_next_one():
    soon = Window(date(2027, 8, 10), date(2027, 8, 12), "lavori")
    now = Window(date(2027, 8, 1), date(2027, 8, 8), "ferie")
    assert to_announce([soon, now], date(2027, 8, 5)) is now
    assert to_announce([soon, now], date(2027, 8, 9)) is soon


def test_a_moment_counts_on_its_italian_date():
    # 22:30 UTC on 31 July is 00:30 on 1 August in Turin (summer time: UTC+2).
    assert covers([AUGUST], datetime(2027, 7, 31, 22, 30, tzinfo=UTC))
    assert not covers([AUGUST], datetime(2027, 7, 31, 21, 59, tzinfo=UTC))
    assert covers([AUGUST], datetime(2027, 8, 31, 21, 59, tzinfo=UTC))
    assert not covers([AUGUST], datetime(2027, 8, 31, 22, 0, tzinfo=UTC))


def test_the_form_reads_italian_dates_and_refuses_the_wrong_order():
    data, errors = parse(
        ChiusuraInput, {"starts_on": "01/08/2027", "ends_on": "2027-08-31", "reason": "  ferie   estive "}
    )
    assert errors == {} and data.starts_on == date(2027, 8, 1) and data.reason == "ferie estive" and data.entry_id == 0
    _, errors = parse(ChiusuraInput, {"starts_on": "2027-08-31", "ends_on": "2027-08-01"})
    assert "prima" in errors[""]
    _, errors = parse(ChiusuraInput, {"starts_on": "", "ends_on": "31/02/2027"})
    assert errors["starts_on"] == "Campo obbligatorio." and "Data non valida" in errors["ends_on"]
    _, errors = parse(ChiusuraInput, {"starts_on": "2027-01-01", "ends_on": "2028-06-30"})
    assert "366" in errors[""]
    _, errors = parse(ChiusuraInput, {"starts_on": "2027-01-01", "ends_on": "2027-01-02", "reason": "x" * 201})
    assert "reason" in errors


def test_sessions_on_closed_days_are_cancelled():
    rule, problems = validate(
        SessionChoice(repeat="weekly", day="2027-07-20", start="09:30", end="11:00", weekdays=(1,), until="2027-09-14"),
        date(2027, 7, 1),
    )
    assert problems == []
    kept = [o.start.date() for o in all_occurrences(without_closed_days(rule, [AUGUST]))]
    assert kept == [date(2027, 7, 20), date(2027, 7, 27), date(2027, 9, 7), date(2027, 9, 14)]
    assert without_closed_days(rule, []) is rule
    one_day = Window(date(2027, 7, 27), date(2027, 7, 27))
    assert datetime(2027, 7, 27, 9, 30, tzinfo=ROME) in without_closed_days(rule, [one_day]).exdates


def test_families_read_it_in_their_language():
    from zerosei_app.view.chiusure import announce_text, closure_text

    it = closure_text(AUGUST.starts_on, AUGUST.ends_on, "ferie", False, "centro", "it")
    assert it == "Il centro resterà chiuso dal 1 agosto 2027 al 31 agosto 2027 (ferie)"
    assert (
        closure_text(AUGUST.starts_on, AUGUST.ends_on, "", True, "voce", "en")
        == "Suspended from August 1, 2027 to August 31, 2027"
    )
    assert announce_text([AUGUST], date(2027, 7, 1), "centro", "it") == ""
