"""Parameters of the API, declared for FastAPI (query models, typed path parameters, dependencies).

FastAPI validates them and writes them into the OpenAPI document, so what is documented is what is
checked; api/validation.py turns its validation errors into the API's codes and messages. Keys are
case-insensitive (api/http.py lowercases them). Limits come from the domain where it has one (ISTAT
code, search length), never re-typed here. The path's parameters are its link's (domain/link.py),
documented in api/percorso_openapi.py.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated, Any

from fastapi import Depends, Path, Query, Request
from pydantic import BaseModel, Field, field_validator

from zerosei_app.api.errors import ApiError
from zerosei_app.api.messages import API_LANGS, api_error, api_lang
from zerosei_app.domain.catalog import PROVINCE
from zerosei_app.domain.comuni_search import MAX_QUERY_CHARS
from zerosei_app.domain.istat import ISTAT_PATTERN, is_codice_istat
from zerosei_app.domain.link import MAX_ECHO_CHARS

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


# Errors name it `id` (a stable code, api/validation.py); the path documents it as {centro_id}.
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


def _echo(value: str) -> str:
    return value[:MAX_ECHO_CHARS]


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
