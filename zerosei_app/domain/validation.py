"""Pydantic errors as short Italian sentences, one per field (what the forms show inline)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

M = TypeVar("M", bound=BaseModel)


def _message(err: Mapping[str, Any]) -> str:
    kind = err.get("type", "")
    ctx = err.get("ctx") or {}
    if kind == "missing" or (kind == "string_too_short" and (ctx.get("min_length", 1) <= 1 or not err.get("input"))):
        return "Campo obbligatorio."
    if kind == "string_too_short":
        return f"Scrivi almeno {ctx.get('min_length')} caratteri."
    if kind == "string_too_long":
        return f"Troppo lungo: al massimo {ctx.get('max_length')} caratteri."
    if kind in ("int_parsing", "int_type", "int_from_float"):
        return "Scrivi un numero intero."
    if kind in ("greater_than_equal", "greater_than"):
        return f"Il valore minimo è {ctx.get('ge', ctx.get('gt'))}."
    if kind in ("less_than_equal", "less_than"):
        return f"Il valore massimo è {ctx.get('le', ctx.get('lt'))}."
    if kind in ("bool_parsing", "bool_type"):
        return "Rispondi sì o no."
    if kind in ("date_from_datetime_parsing", "date_parsing", "date_type"):
        return "Data non valida: scrivila come 2026-11-25 o 25/11/2026."
    if kind in ("literal_error", "enum"):
        return "Valore non ammesso."
    if kind in ("string_type", "list_type", "dict_type", "model_type"):
        return "Valore non valido."
    if kind == "value_error":
        # Our validators raise ValueError with the Italian sentence itself.
        msg = str(err.get("msg", ""))
        return msg.removeprefix("Value error, ")
    return "Valore non valido."


def errors_by_field(exc: ValidationError) -> dict[str, str]:
    """First message per field; model-level errors go under "" (the form shows them on top)."""
    out: dict[str, str] = {}
    for err in exc.errors():
        loc = err.get("loc") or ("",)
        field = str(loc[0]) if loc else ""
        out.setdefault(field, _message(err))
    return out


def parse(model: type[M], data: Mapping[str, Any]) -> tuple[M | None, dict[str, str]]:
    """Validate outside input; never raises on bad input."""
    try:
        return model.model_validate(dict(data)), {}
    except ValidationError as exc:
        return None, errors_by_field(exc)


class InputError(ValueError):
    """Outside input (an event argument, a form) that fails validation: `fields` says why."""

    def __init__(self, fields: dict[str, str]):
        super().__init__("; ".join(f"{k}: {v}" if k else v for k, v in fields.items()))
        self.fields = fields


def require(model: type[M], data: Mapping[str, Any]) -> M:
    value, errors = parse(model, data)
    if value is None:
        raise InputError(errors)
    return value
