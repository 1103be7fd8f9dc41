"""Query parameters of the API, parsed at the edge with pydantic (never trusted as-is).

The same models describe the parameters in the OpenAPI document (`openapi_parameters`), so
what is documented is what is checked. Limits come from the domain where it has one
(ISTAT code, search length), never re-typed here.
"""

from __future__ import annotations

import copy
import functools
import re
from collections.abc import Iterable
from datetime import date
from typing import Any

from pydantic import BaseModel, Field, ValidationError, field_validator

from zerosei_app.api.messages import API_LANGS, api_error
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


class ComuniParams(BaseModel):
    q: str = Field(
        default="",
        max_length=MAX_QUERY_CHARS,
        description="Name (case-, accent-, apostrophe- and typo-tolerant), ISTAT code or CAP. Empty: no results.",
        examples=["sant ambrogio"],
    )
    limit: int = Field(default=10, ge=1, le=50, description="How many comuni at most.")


class CentroIdParam(BaseModel):
    # Errors name the field `id` (a stable code); the path documents it as {centro_id}.
    id: int = Field(ge=1, le=MAX_ID, description="The centre's `id` (as in /api/v1/centri).")


class CentriParams(BaseModel):
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


class VociParams(BaseModel):
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


def _echo(value: str) -> str:
    return value[:MAX_ECHO_CHARS]


@functools.cache
def _schema(model: type[BaseModel]) -> dict[str, Any]:
    return model.model_json_schema()


def _field_schema(model: type[BaseModel], name: str) -> dict[str, Any]:
    prop = copy.deepcopy(_schema(model)["properties"][name])
    # `int | None` is "anyOf: [integer, null]"; in a query string a parameter is simply absent.
    for option in prop.pop("anyOf", []):
        if option.get("type") != "null":
            prop.update(option)
    return prop


def _limits(model: type[BaseModel], name: str) -> dict[str, Any]:
    schema = _field_schema(model, name)
    limits = {"min": schema.get("minimum"), "max": schema.get("maximum")}
    if "maxLength" in schema:
        limits["max_chars"] = schema["maxLength"]
    return limits


def parse_params(model: type[BaseModel], raw: Iterable[tuple[str, str]]) -> tuple[BaseModel | None, list[FieldError]]:
    """Validate query pairs (keys case-insensitive, as in path links); return the model or
    field errors with stable codes. A key repeated with the same value is harmless; with
    different values it is an error (which one would the client mean?)."""
    values: dict[str, list[str]] = {}
    for key, value in raw:
        key = key.strip().lower()
        if key in model.model_fields and value not in values.setdefault(key, []):
            values[key].append(value)
    errors = [
        api_error(key, "repeated", {"value": _echo(",".join(vals)), "campo": key})
        for key, vals in values.items()
        if len(vals) > 1
    ]
    if errors:
        return None, errors
    fields = {key: vals[0] for key, vals in values.items()}
    try:
        return model.model_validate(fields), []
    except ValidationError as exc:
        for err in exc.errors():
            field = str(err["loc"][0]) if err["loc"] else "?"
            code = _CODE_BY_TYPE.get(err["type"])
            if code is None:
                msg = str(err.get("ctx", {}).get("error", "")) or err["type"]
                code = msg if msg.startswith("bad_") else "bad_value"
            params: dict[str, Any] = {"value": _echo(str(fields.get(field, ""))), "campo": field}
            if field in model.model_fields:
                params.update(_limits(model, field))
            errors.append(FieldError(field, code, params))
        return None, errors


# --- OpenAPI -----------------------------------------------------------------------------------

LANG_PARAMETER = {
    "name": "lang",
    "in": "query",
    "required": False,
    "description": "Language of the error messages: "
    + " or ".join(f"`{code}`" for code in API_LANGS)
    + " (`en-GB` counts as `en`); any other value gives Italian, the default.",
    "schema": {"type": "string", "default": "it"},
}


def openapi_parameters(
    model: type[BaseModel], where: str = "query", names: dict[str, str] | None = None
) -> list[dict[str, Any]]:
    """OpenAPI parameter objects for a params model (types, limits, defaults, descriptions)."""
    out = []
    for field, info in model.model_fields.items():
        name = (names or {}).get(field, field)
        schema = _field_schema(model, field)
        description = schema.pop("description", None)
        examples = schema.pop("examples", None)
        schema.pop("title", None)
        param: dict[str, Any] = {
            "name": name,
            "in": where,
            "required": info.is_required() or where == "path",
            "schema": schema,
        }
        if description:
            param["description"] = description
        if examples:
            param["example"] = examples[0]
        out.append(param)
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
