"""Every error code reachable through the public API has a complete, human message in every language."""

from datetime import date

import pytest

from zerosei_app.domain.errors import ERROR_CODES, FieldError
from zerosei_app.domain.link import PathQuery, parse_query_string, validate_for_path
from zerosei_app.i18n import LANGUAGES

TODAY = date(2026, 11, 25)


def reachable_errors() -> list[FieldError]:
    parsed = parse_query_string(
        "comune=12&nascita=2025-13,"
        + ",".join(["2025-01"] * 7)
        + "&temi=cucina&lang=de&lingua=xyz1&attesa="
        + "x" * 301
    )
    _, missing = validate_for_path(PathQuery(), TODAY)
    _, ages = validate_for_path(PathQuery(comune="001272", nascita=("2026-12", "2019-01"), attesa="2028-03"), TODAY)
    several = parse_query_string("comune=001272&comune=004078").errors
    return [*parsed.errors, *several, *missing, *ages]


def test_every_code_is_reachable():
    assert {e.code for e in reachable_errors()} == set(ERROR_CODES)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_messages_are_fully_formatted(lang):
    for error in reachable_errors():
        message = error.message(lang)
        assert "{" not in message and "}" not in message, (error, message)
        assert not message.startswith("error."), message


def test_month_params_read_as_words():
    error = FieldError("nascita", "birth_in_future", {"month": "2027-03"})
    assert error.message("it") == (
        "Il mese di nascita marzo 2027 è nel futuro. Se aspetti un bambino, scegli «Aspetto un bambino»."
    )
    assert "March 2027" in error.message("en")


def test_unparseable_month_param_is_shown_as_is():
    assert "2027-3" in FieldError("nascita", "birth_in_future", {"month": "2027-3"}).message("it")


def test_default_params_are_empty():
    assert FieldError("comune", "missing_comune").params == {}
