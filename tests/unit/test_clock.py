"""The one clock: today is Italy's date, whatever the server's time zone; timestamps are aware UTC."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone

import pytest

from zerosei_app.domain import clock
from zerosei_app.domain.age import AgeError, child_from_birth
from zerosei_app.domain.months import YearMonth

# 23:30 UTC on the last day of a month is already the 1st in Italy (00:30 in winter, 01:30 in summer).
MONTH_END_NIGHT = datetime(2026, 11, 30, 23, 30, tzinfo=UTC)


@pytest.mark.parametrize(
    ("at", "italian_date"),
    [
        (MONTH_END_NIGHT, date(2026, 12, 1)),  # CET, UTC+1
        (datetime(2026, 12, 31, 23, 30, tzinfo=UTC), date(2027, 1, 1)),  # and a new year
        (datetime(2026, 6, 30, 22, 30, tzinfo=UTC), date(2026, 7, 1)),  # CEST, UTC+2
        (datetime(2026, 6, 30, 21, 59, tzinfo=UTC), date(2026, 6, 30)),
        (datetime(2026, 11, 30, 22, 59, tzinfo=UTC), date(2026, 11, 30)),
        (datetime(2026, 12, 1, 0, 30, tzinfo=timezone(timedelta(hours=-5))), date(2026, 12, 1)),  # any zone in
    ],
)
def test_today_is_the_date_in_italy(at, italian_date):
    assert clock.today(at) == italian_date


def test_the_childs_age_counts_with_italys_date():
    """At 00:30 on 1 December in Turin a child born in December 2025 is 12 months old, and one born this
    December is 0 (the server's UTC date, 30 November, would say 11 months and 'born in the future')."""
    assert MONTH_END_NIGHT.date() == date(2026, 11, 30)  # what a UTC server's date.today() said
    today = clock.today(MONTH_END_NIGHT)
    assert child_from_birth(YearMonth(2025, 12), today).age_months == 12
    assert child_from_birth(YearMonth(2026, 12), today).age_months == 0
    with pytest.raises(AgeError):
        child_from_birth(YearMonth(2026, 12), MONTH_END_NIGHT.date())


def test_now_is_aware_utc():
    now = clock.now()
    assert now.tzinfo is not None and now.utcoffset() == timedelta(0)


def test_replacing_now_freezes_every_reading():
    """`today()` reads the time through `now`, so replacing that one function freezes the whole app."""
    original = clock.now
    try:
        clock.now = lambda: MONTH_END_NIGHT
        assert clock.today() == date(2026, 12, 1)
    finally:
        clock.now = original


def test_stored_times_are_shown_in_italian_time():
    naive_from_sqlite = datetime(2026, 11, 30, 23, 30)  # written as UTC, read back without tzinfo
    assert clock.aware(naive_from_sqlite) == MONTH_END_NIGHT
    assert clock.when(naive_from_sqlite) == "01/12/2026 alle 00:30"
    assert clock.hhmm(MONTH_END_NIGHT) == "00:30"
    assert clock.day(MONTH_END_NIGHT) == "01/12/2026"
    assert clock.day(date(2026, 11, 30)) == "30/11/2026"
    assert clock.when(None) == clock.day(None) == ""
