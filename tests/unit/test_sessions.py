"""Dated sessions: staff choices → RFC 5545 → occurrences in Europe/Rome (domain/sessions.py)."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest

from zerosei_app.domain.sessions import (
    ROME,
    SessionChoice,
    all_occurrences,
    cancel,
    from_stored,
    occurrences,
    validate,
)
from zerosei_app.view.session_words import describe

TODAY = date(2026, 10, 1)


def _rule(**kw):
    choice = SessionChoice(**{"repeat": "once", "day": "2026-10-06", "start": "09:30", "end": "11:30", **kw})
    rule, errors = validate(choice, TODAY)
    assert errors == [], errors
    return rule


def test_weekly_keeps_the_wall_clock_across_the_october_change():
    # Summer time ends on Sunday 25 October 2026: 9:30 stays 9:30, the UTC offset moves.
    rule = _rule(repeat="weekly", weekdays=(1,), until="2026-11-10")
    starts = [o.start for o in all_occurrences(rule)]
    assert [s.date() for s in starts] == [date(2026, 10, 6) + timedelta(weeks=i) for i in range(6)]
    assert {(s.hour, s.minute) for s in starts} == {(9, 30)}
    assert starts[2].utcoffset() == timedelta(hours=2) and starts[3].utcoffset() == timedelta(hours=1)
    assert rule.rrule == "FREQ=WEEKLY;BYDAY=TU;WKST=MO;UNTIL=20261110T225959Z"
    assert rule.ical_lines()[0] == "DTSTART;TZID=Europe/Rome:20261006T093000"


def test_start_moves_to_the_first_chosen_weekday():
    # 5 October is a Monday; Tuesdays and Thursdays were chosen: the first session is Tuesday 6.
    rule = _rule(day="2026-10-05", repeat="weekly", weekdays=(1, 3), until="2026-10-16")
    assert [o.start.day for o in all_occurrences(rule)] == [6, 8, 13, 15]


def test_every_two_weeks_and_every_month():
    biweekly = _rule(repeat="biweekly", weekdays=(1,), until="2026-11-30")
    assert [o.start.date().isoformat() for o in all_occurrences(biweekly)] == [
        "2026-10-06",
        "2026-10-20",
        "2026-11-03",
        "2026-11-17",
    ]
    # 3 October 2026 is the first Saturday: every first Saturday of the month.
    monthly = _rule(day="2026-10-03", repeat="monthly", weekdays=(5,), until="2027-01-31")
    assert [o.start.date().isoformat() for o in all_occurrences(monthly)] == [
        "2026-10-03",
        "2026-11-07",
        "2026-12-05",
        "2027-01-02",
    ]
    assert describe(monthly).startswith("Ogni mese il primo sabato, 09:30–11:30")


def test_cancel_one_occurrence():
    rule = _rule(repeat="weekly", weekdays=(1,), until="2026-11-10")
    cancelled = cancel(rule, datetime(2026, 10, 27, 9, 30, tzinfo=ROME))
    assert datetime(2026, 10, 27, 9, 30, tzinfo=ROME) not in [o.start for o in all_occurrences(cancelled)]
    assert len(all_occurrences(cancelled)) == 5
    assert "EXDATE;TZID=Europe/Rome:20261027T093000" in cancelled.ical_lines()
    assert cancel(rule, datetime(2026, 10, 28, 9, 30, tzinfo=ROME)) is None  # not an occurrence
    # What the database keeps gives back the same rule.
    stored = cancelled.stored()
    again = from_stored(stored["dtstart"], stored["duration_minutes"], stored["rrule"], stored["exdates"])
    assert again == cancelled


def test_window_includes_a_session_under_way():
    rule = _rule()
    now = datetime(2026, 10, 6, 10, 0, tzinfo=ROME)
    assert len(occurrences(rule, now, now + timedelta(days=30))) == 1
    assert occurrences(rule, datetime(2026, 10, 6, 11, 30, tzinfo=ROME), now + timedelta(days=30)) == []


@pytest.mark.parametrize(
    ("choice", "expected"),
    [
        ({"start": "11:30", "end": "09:30"}, {"sess_end": "session_end_before_start"}),
        ({"start": "10:00", "end": "10:00"}, {"sess_end": "session_end_before_start"}),
        ({"repeat": "weekly", "until": "2026-12-01"}, {"sess_weekdays": "session_no_weekday"}),
        ({"repeat": "weekly", "weekdays": (1,)}, {"sess_until": "session_no_until"}),
        ({"day": "2031-10-02"}, {"sess_day": "session_too_far"}),
        ({"repeat": "weekly", "weekdays": (1,), "until": "2031-10-02"}, {"sess_until": "session_too_far"}),
        ({"repeat": "weekly", "weekdays": (1,), "until": "2026-10-05"}, {"sess_until": "session_until_before_start"}),
        ({"day": "2026-09-30"}, {"sess_day": "session_in_past"}),
        ({"day": "31/12"}, {"sess_day": "session_bad_date"}),
        ({"start": "25:00"}, {"sess_start": "session_bad_time"}),
        ({"repeat": "daily"}, {"sess_repeat": "session_bad_repeat"}),
        # Only a Monday (7 October is a Wednesday, the end the day after): nothing to show.
        (
            {"day": "2026-10-07", "repeat": "weekly", "weekdays": (0,), "until": "2026-10-08"},
            {"sess_until": "session_no_occurrence"},
        ),
    ],
)
def test_bad_input_says_what_is_wrong(choice, expected):
    full = {"repeat": "once", "day": "2026-10-06", "start": "09:30", "end": "11:30", **choice}
    rule, errors = validate(SessionChoice(**full), TODAY)
    assert rule is None
    assert {e.field: e.code for e in errors} == expected
    for e in errors:
        for lang in ("it", "en"):
            text = e.message(lang)
            assert text and not text.startswith("error.") and "{" not in text


def test_five_years_is_the_limit():
    assert validate(SessionChoice("once", "2031-10-01", "09:00", "10:00"), TODAY)[1] == []
    assert validate(SessionChoice("once", "2031-10-02", "09:00", "10:00"), TODAY)[0] is None


@pytest.mark.parametrize("lang", ["it", "en"])
def test_every_session_error_has_a_message(lang):
    from zerosei_app.domain.errors import FieldError
    from zerosei_app.domain.sessions import SESSION_ERROR_CODES

    for code in SESSION_ERROR_CODES:
        text = FieldError("sess_day", code, {"years": 5}).message(lang)
        assert text and not text.startswith("error.") and "{" not in text, code
