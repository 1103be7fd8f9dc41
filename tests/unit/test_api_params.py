"""The API's parameter edge: keys in any case reach FastAPI's declared names, values untouched;
FastAPI's validation errors become the API's codes with the declared limits."""

from __future__ import annotations

from zerosei_app.api.app import api
from zerosei_app.api.http import lowercase_keys
from zerosei_app.api.params import VociParams
from zerosei_app.api.validation import field_errors


def test_keys_are_lowercased_and_values_left_as_they_came():
    assert lowercase_keys(b"LANG=EN&Limit=5&%20q%20=Sant%27Ambrogio") == b"lang=EN&limit=5&q=Sant%27Ambrogio"
    assert lowercase_keys(b"q=%FF&&x") == b"q=%FF&&x"
    # Not a parameter's name in any case: left alone (no parameter has other characters).
    assert lowercase_keys("Città=1".encode()) == "Città=1".encode()


def _route(path: str):
    return next(r for r in api.routes if getattr(r, "path", None) == path)


def test_validation_errors_say_the_declared_limits():
    route = _route("/api/v1/voci")
    errors = [
        {"type": "less_than_equal", "loc": ("query", "limit"), "input": "1001", "ctx": {"le": 1000}},
        {"type": "value_error", "loc": ("query", "comune"), "input": "12", "ctx": {"error": ValueError("bad_comune")}},
    ]
    limit, comune = field_errors(errors, route)
    assert (limit.field, limit.code, limit.params["min"], limit.params["max"]) == ("limit", "out_of_range", 1, 1000)
    assert (comune.code, comune.params["value"]) == ("bad_comune", "12")
    assert "limit" in VociParams.model_fields


def test_the_centre_path_id_is_reported_as_id():
    (error,) = field_errors(
        [{"type": "int_parsing", "loc": ("path", "centro_id"), "input": "x"}], _route("/api/v1/centri/{centro_id}")
    )
    assert (error.field, error.code, error.params["max"]) == ("id", "bad_integer", 2**31 - 1)
