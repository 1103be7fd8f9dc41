"""Parameters of the API, declared for FastAPI (query models, typed path parameters).

FastAPI validates them and writes them into the OpenAPI document, so what is documented is what is
checked; `field_errors` turns its validation errors into the API's codes and messages. Keys are
case-insensitive (api/http.py lowercases them). Limits come from the domain where it has one (ISTAT
code, search length), never re-typed here. The path's parameters are the link's (domain/link.py):
only their day-dependent OpenAPI entry is here (`percorso_parameters`).
"""

from __future__ import annotations

import copy
import re
from collections.abc import Callable, Sequence
from datetime import date
from typing import Annotated, Any

from fastapi import Depends, Path, Query, Request
from pydantic import BaseModel, Field, field_validator
from pydantic.fields import FieldInfo

from zerosei_app.api.errors import ApiError
from zerosei_app.api.messages import API_LANGS, api_error, api_lang
from zerosei_app.domain.catalog import MAX_AGE_MONTHS, MAX_CHILDREN, MIN_AGE_MONTHS, PROVINCE, TOPICS
from zerosei_app.domain.comuni_search import MAX_QUERY_CHARS
from zerosei_app.domain.errors import FieldError
from zerosei_app.domain.istat import ISTAT_PATTERN, is_codice_istat
from zerosei_app.domain.lingua import LINGUA_PATTERN
from zerosei_app.domain.link import LINK_LANGS, MAX_ECHO_CHARS, MAX_VALUE_CHARS
from zerosei_app.domain.months import YearMonth

MAX_ID = 2**31 - 1
VOCI_LIMIT_DEFAULT = 200
VOCI_LIMIT_MAX = 1000


def _absent_not_null(extra: Any) -> Callable[[dict[str, Any]], None]:
    """A field's schema as a query parameter's: an optional value is absent, never `null`
    (pydantic writes `int | None` as "anyOf: [integer, null]"), then the field's own extras."""

    def update(schema: dict[str, Any]) -> None:
        for option in schema.pop("anyOf", []):
            if option.get("type") != "null":
                schema.update(option)
        if callable(extra):
            extra(schema)
        elif extra:
            schema.update(extra)

    return update


class QueryModel(BaseModel):
    """Query parameters as one model (`Annotated[Model, Query()]`): FastAPI validates and documents each field."""

    @classmethod
    def __pydantic_init_subclass__(cls, **kwargs: Any) -> None:
        super().__pydantic_init_subclass__(**kwargs)
        for info in cls.model_fields.values():
            info.json_schema_extra = _absent_not_null(info.json_schema_extra)
        cls.model_rebuild(force=True)


class ComuniParams(QueryModel):
    q: str = Field(
        default="",
        max_length=MAX_QUERY_CHARS,
        description="Name (case-, accent-, apostrophe- and typo-tolerant), ISTAT code or CAP. Empty: no results.",
        examples=["sant ambrogio"],
    )
    limit: int = Field(default=10, ge=1, le=50, description="How many comuni at most.")


# Errors name it `id` (a stable code, see _ERROR_NAMES); the path documents it as {centro_id}.
CentroId = Annotated[int, Path(ge=1, le=MAX_ID, description="The centre's `id` (as in /api/v1/centri).")]


class CentriParams(QueryModel):
    provincia: str | None = Field(
        default=None,
        description="Only the centres in this province (its two-letter sigla, any case): "
        + ", ".join(f"`{sigla}` ({name})" for sigla, name in PROVINCE.items())
        + ".",
        json_schema_extra={"enum": list(PROVINCE)},
        examples=["TO"],
    )

    @field_validator("provincia")
    @classmethod
    def _provincia(cls, v: str | None) -> str | None:
        if v is None:
            return None
        if v.strip().upper() not in PROVINCE:
            raise ValueError("bad_provincia")
        return v.strip().upper()


class VociParams(QueryModel):
    centro: int | None = Field(default=None, ge=1, le=MAX_ID, description="Only this centre's entries (its `id`).")
    comune: str | None = Field(
        default=None,
        description="Only the entries of the centres serving this comune (6-digit ISTAT code).",
        json_schema_extra={"pattern": ISTAT_PATTERN},
        examples=["001272"],
    )
    limit: int = Field(
        default=VOCI_LIMIT_DEFAULT,
        ge=1,
        le=VOCI_LIMIT_MAX,
        description="Page size. The total is in the `X-Total-Count` header.",
    )
    offset: int = Field(default=0, ge=0, le=MAX_ID, description="How many entries to skip (with `limit`: pagination).")

    @field_validator("comune")
    @classmethod
    def _istat(cls, v: str | None) -> str | None:
        if v is not None and not is_codice_istat(v):
            raise ValueError("bad_comune")
        return v


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


def _echo(value: str) -> str:
    return value[:MAX_ECHO_CHARS]


# --- Declared for FastAPI ------------------------------------------------------------------------


LANG_DESCRIPTION = (
    "Language of the error messages: "
    + " or ".join(f"`{code}`" for code in API_LANGS)
    + " (`en-GB` counts as `en`); any other value gives Italian, the default."
)
# For the two routes that take no other parameter and so can never answer 422 (the HSDS root and
# package): declaring `lang` would make FastAPI document a 422 they never give.
LANG_PARAMETER = {
    "name": "lang",
    "in": "query",
    "required": False,
    "description": LANG_DESCRIPTION,
    "schema": {"type": "string", "default": "it"},
}


def error_lang(lang: Annotated[str, Query(description=LANG_DESCRIPTION)] = "it") -> str:
    """Documents `lang`; the error handlers read it from the request (api/errors.lang_of)."""
    return api_lang(lang)


def one_value_each(model: type[BaseModel]) -> Callable[[Request], None]:
    """A dependency: a key repeated with different values is an error (which one would the client
    mean?); repeated with the same value it is harmless. FastAPI alone would keep the last one."""
    names = tuple(model.model_fields)

    def check(request: Request) -> None:
        values: dict[str, list[str]] = {}
        for key, value in request.query_params.multi_items():
            if key in names and value not in values.setdefault(key, []):
                values[key].append(value)
        errors = [
            api_error(key, "repeated", {"value": _echo(",".join(vals)), "campo": key})
            for key, vals in values.items()
            if len(vals) > 1
        ]
        if errors:
            raise ApiError(422, errors)

    return check


def query_dependencies(model: type[BaseModel] | None = None) -> list:
    """What every /api/v1 route declares besides its own parameters: one value per key, `lang`."""
    checks = [Depends(one_value_each(model))] if model is not None else []
    return [*checks, Depends(error_lang)]


# --- Validation errors, in the API's words ------------------------------------------------------


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
    """pydantic's errors for the parameters FastAPI validated, as the API's stable codes with the
    value given (cut short) and the declared limits, so the messages can say what is valid."""
    out = []
    for err in errors:
        name = str(err["loc"][-1]) if len(err["loc"]) > 1 else "?"
        code = _CODE_BY_TYPE.get(err["type"])
        if code is None:
            msg = str(err.get("ctx", {}).get("error", "")) or err["type"]
            code = msg if msg.startswith("bad_") else "bad_value"
        field = _ERROR_NAMES.get(name, name)
        value = err.get("input")
        params: dict[str, Any] = {"value": _echo("" if value is None else str(value)), "campo": field}
        info = _declared(route, name)
        if info is not None:
            params.update(_limits(info))
        out.append(FieldError(field, code, params))
    return out


_MONTH = {"type": "string", "pattern": r"^[0-9]{4}-[0-9]{2}$"}

PERCORSO_PARAMETERS: list[dict[str, Any]] = [
    {
        "name": "comune",
        "in": "query",
        "required": True,
        "description": "The family's comune: 6-digit ISTAT code (see /api/v1/comuni).",
        "schema": {"type": "string", "pattern": ISTAT_PATTERN},
        "example": "001255",
    },
    {
        "name": "nascita",
        "in": "query",
        "required": False,
        "description": (
            "Birth month of each child, `YYYY-MM`, comma-separated or as repeated keys (twins: the same month twice); "
            f"up to 6 years ago. At least one of `nascita` and `attesa`; at most {MAX_CHILDREN} children in all."
        ),
        "schema": {"type": "string", "maxLength": MAX_VALUE_CHARS},
        "example": "2025-05,2023-11",
    },
    {
        "name": "attesa",
        "in": "query",
        "required": False,
        "description": "Expected birth month, `YYYY-MM`, within the next 9 months (one pregnancy).",
        "schema": _MONTH,
    },
    {
        "name": "temi",
        "in": "query",
        "required": False,
        "description": "Topics to focus on, comma-separated: " + ", ".join(f"`{t}`" for t in TOPICS) + ".",
        "schema": {"type": "string", "maxLength": MAX_VALUE_CHARS},
        "example": "gioco-socialita",
    },
    {
        "name": "lingua",
        "in": "query",
        "required": False,
        "description": '"In my language": only the services a centre states it offers in this language (ISO 639-1, '
        "e.g. `ar`; examples written by the project never count). When none of the path's services states it, "
        "every service is listed and `lingua.trovata` is false.",
        "schema": {"type": "string", "pattern": LINGUA_PATTERN, "minLength": 2, "maxLength": 2},
        "example": "ar",
    },
    {
        "name": "lang",
        "in": "query",
        "required": False,
        "description": "Language of the texts (`eta`, topics, areas): "
        + ", ".join(f"`{code}`" for code in LINK_LANGS)
        + " (`it` default; `en-GB` counts as `en`). Error messages are in Italian, else in English. "
        "Any other value is an error (422).",
        "schema": {"type": "string", "default": "it", "enum": list(LINK_LANGS)},
    },
]


def _months(first: YearMonth, last: YearMonth) -> str:
    out, m = [], first
    while m.months_until(last) >= 0:
        out.append(str(m))
        m = m.plus(1)
    return "(" + "|".join(out) + ")"


def _any_of(words) -> str:
    return "(" + "|".join(re.escape(w) for w in words) + ")"


def percorso_parameters(today: date) -> list[dict[str, Any]]:
    """PERCORSO_PARAMETERS with patterns that say exactly which values today's API accepts:
    birth months up to MAX_AGE_MONTHS back, an expected month up to -MIN_AGE_MONTHS ahead (or an
    old link's, presumably born), known topics, the link's languages (any region)."""
    now = YearMonth.of(today)
    born = _months(now.plus(-MAX_AGE_MONTHS), now)
    expected = _months(now.plus(-MAX_AGE_MONTHS), now.plus(-MIN_AGE_MONTHS))
    patterns = {
        "nascita": f"^{born}(,{born}){{0,{MAX_CHILDREN - 1}}}$",
        "attesa": f"^{expected}$",
        "temi": f"^{_any_of(TOPICS)}(,{_any_of(TOPICS)}){{0,{len(TOPICS) - 1}}}$",
        "lang": "^("
        + "|".join("".join(f"[{c.upper()}{c}]" for c in code) for code in LINK_LANGS)
        + ")([-_][A-Za-z0-9]{1,8})?$",
    }
    out = copy.deepcopy(PERCORSO_PARAMETERS)
    for param in out:
        if param["name"] in patterns:
            param["schema"] = {**param["schema"], "pattern": patterns[param["name"]]}
            param["schema"].pop("maxLength", None)
    # At least one of `nascita` and `attesa`: two query keys described as one exploded object
    # (OpenAPI has no "one of these parameters" otherwise). At most MAX_CHILDREN - 1 in `nascita`
    # here, so that any `attesa` still fits (six born children alone are accepted as well).
    children = {p["name"]: p for p in out if p["name"] in ("nascita", "attesa")}
    children["nascita"]["schema"]["pattern"] = f"^{born}(,{born}){{0,{MAX_CHILDREN - 2}}}$"
    bambini = {
        "name": "bambini",
        "in": "query",
        "required": True,
        "style": "form",
        "explode": True,
        "description": "The children: the query keys `nascita` and `attesa`, at least one of them "
        "(e.g. `nascita=2025-05,2023-11&attesa=2027-02`).",
        "schema": {
            "type": "object",
            "properties": {name: {**p["schema"], "description": p["description"]} for name, p in children.items()},
            "minProperties": 1,
            "additionalProperties": False,
        },
    }
    rest = [p for p in out if p["name"] not in children]
    return [rest[0], bambini, *rest[1:]]
