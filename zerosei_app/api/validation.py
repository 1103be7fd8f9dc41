"""FastAPI's validation errors in the API's words: stable codes, the value given (cut short) and
the declared limits, so that the messages (api/messages.py) can say what is valid."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from pydantic import BaseModel
from pydantic.fields import FieldInfo

from zerosei_app.domain.errors import FieldError
from zerosei_app.domain.link import MAX_ECHO_CHARS

_CODE_BY_TYPE = {
    "string_too_long": "too_long",
    "int_parsing": "bad_integer",
    "int_type": "bad_integer",
    "greater_than_equal": "out_of_range",
    "less_than_equal": "out_of_range",
    "int_from_float": "bad_integer",
}
# Errors name a parameter by its stable code, which the path may spell otherwise ({centro_id}).
_ERROR_NAMES = {"centro_id": "id"}


def _declared(route: Any, name: str) -> FieldInfo | None:
    """The declaration of parameter `name` on `route` (a field of a query model, or a path parameter)."""
    dependant = getattr(route, "dependant", None)
    for field in [*getattr(dependant, "path_params", ()), *getattr(dependant, "query_params", ())]:
        model = field.field_info.annotation
        if isinstance(model, type) and issubclass(model, BaseModel):
            if name in model.model_fields:
                return model.model_fields[name]
        elif field.alias == name:
            return field.field_info
    return None


def _limits(info: FieldInfo | None) -> dict[str, Any]:
    found = {type(m).__name__: m for m in (info.metadata if info is not None else ())}
    limits: dict[str, Any] = {"min": getattr(found.get("Ge"), "ge", None), "max": getattr(found.get("Le"), "le", None)}
    if "MaxLen" in found:
        limits["max_chars"] = found["MaxLen"].max_length
    return limits


def field_errors(errors: Sequence[dict[str, Any]], route: Any) -> list[FieldError]:
    """pydantic's errors for the parameters FastAPI validated on `route`, as FieldErrors."""
    out = []
    for err in errors:
        name = str(err["loc"][-1]) if len(err["loc"]) > 1 else "?"
        code = _CODE_BY_TYPE.get(err["type"])
        if code is None:
            msg = str(err.get("ctx", {}).get("error", "")) or err["type"]
            code = msg if msg.startswith("bad_") else "bad_value"
        field = _ERROR_NAMES.get(name, name)
        value = err.get("input")
        params: dict[str, Any] = {"value": ("" if value is None else str(value))[:MAX_ECHO_CHARS], "campo": field}
        info = _declared(route, name)
        if info is not None:
            params.update(_limits(info))
        out.append(FieldError(field, code, params))
    return out
