"""One ISTAT code type (zerosei_app/domain/istat.py): six ASCII digits, wherever a code comes in. Other scripts'
digits pass `str.isdigit()`, the regex `\\d` and pydantic's `pattern`, so each entry point is tried with them."""

from __future__ import annotations

import pytest
from pydantic import BaseModel, ValidationError

from zerosei_app.api.params import VociParams
from zerosei_app.domain.entry_form import EntryInput
from zerosei_app.domain.istat import CodiceIstat, is_codice_istat, restore_zeros
from zerosei_app.domain.link import PathQuery, parse_query_string
from zerosei_app.domain.staff_forms import CentroAdminInput, ComuneCode
from zerosei_app.domain.validation import parse
from zerosei_app.state.wizard_comune import PickIn

NON_ASCII_CODES = [
    "００１２７２",  # full-width (a Japanese or Chinese keyboard)
    "٠٠١٢٧٢",  # Arabic-Indic
    "۰۰۱۲۷۲",  # Extended Arabic-Indic (Persian)
    "००१२७२",  # Devanagari
    "0012७2",  # one foreign digit among ASCII ones
    "00127²",  # a superscript: isdigit() is True, int() fails
]
NOT_CODES = [*NON_ASCII_CODES, "", "12345", "1234567", "00127a", " 001272", "001272\n", "-01272", "+01272", None, 1272]


@pytest.mark.parametrize("code", ["001272", "096004", "103001"])
def test_six_ascii_digits_are_a_code(code):
    assert is_codice_istat(code)
    assert PathQuery(comune=code).comune == code
    assert ComuneCode(codice_istat=code).codice_istat == code


@pytest.mark.parametrize("value", NOT_CODES)
def test_anything_else_is_not(value):
    assert not is_codice_istat(value)


@pytest.mark.parametrize("code", NON_ASCII_CODES)
def test_non_ascii_digits_are_refused_everywhere(code):
    with pytest.raises(ValidationError):
        PathQuery(comune=code)
    with pytest.raises(ValidationError):
        ComuneCode(codice_istat=code)
    with pytest.raises(ValidationError):
        PickIn(code=code)
    _, errors = parse(VociParams, {"comune": code})
    assert "comune" in errors
    entry_errors = parse(EntryInput, {"location_comune": code})[1]
    assert entry_errors.get("location_comune") == "Codice ISTAT del comune: 6 cifre (per esempio 001272)."
    assert parse(CentroAdminInput, {"name": "Centro", "codice_istat": code})[1]["codice_istat"] == (
        "Scegli il comune dall'elenco."
    )


@pytest.mark.parametrize("code", NON_ASCII_CODES)
def test_a_link_with_non_ascii_digits_has_no_comune(code):
    result = parse_query_string(f"comune={code}&nascita=2025-05")
    assert result.query.comune is None
    assert [e.field for e in result.errors] == ["comune"]


@pytest.mark.parametrize(
    ("item", "restored"),
    [("1272", "001272"), ("96004", "096004"), ("001272", "001272"), ("12345", "12345"), ("１２７２", "１２７２")],
)
def test_leading_zeros_come_back_only_for_ascii_digits(item, restored):
    assert restore_zeros(item) == restored


def test_the_type_in_a_model():
    class M(BaseModel):
        comune: CodiceIstat

    assert M(comune="001272").comune == "001272"
    with pytest.raises(ValidationError, match="6 cifre"):
        M(comune="٠٠١٢٧٢")
