"""Parameters of the HSDS API (/api/v1/hsds), declared for FastAPI like the rest of the API (api/params.py)."""

from __future__ import annotations

import calendar
import re
import uuid
from collections.abc import Callable
from datetime import datetime
from typing import Annotated

from fastapi import Depends, Path
from pydantic import Field, field_validator

from zerosei_app.api.errors import ApiError
from zerosei_app.api.messages import api_error
from zerosei_app.api.params import QueryModel

PER_PAGE_DEFAULT = 50
PER_PAGE_MAX = 1000
MAX_PAGE = 1_000_000

# What the OpenAPI description says is exactly what is accepted (schemathesis --checks all):
UUID_PATTERN = r"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$"
# RFC 3339: a date, or a date-time with seconds and an offset (`2026-11-01T00:00:00Z`). A day past
# the month's end (`2026-02-31`) counts as its last day: every string the pattern allows is a moment.
DATETIME_PATTERN = (
    r"^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])"
    r"([Tt]([01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9](\.[0-9]{1,6})?([Zz]|[+-]([01][0-9]|2[0-3]):[0-5][0-9]))?$"
)
_UUID_RE = re.compile(UUID_PATTERN)
_DATETIME_RE = re.compile(DATETIME_PATTERN)
_UUID_SCHEMA = {"format": "uuid", "pattern": UUID_PATTERN}
_BOOL_SCHEMA = {"type": "boolean"}


def _moment(text: str) -> datetime:
    """A string DATETIME_PATTERN allows, as a datetime (a day past the month's end: its last day)."""
    # Years far outside the data's are the same filter, kept where offsets can't overflow a datetime.
    year, month, day = min(max(int(text[:4]), 1900), 9000), int(text[5:7]), int(text[8:10])
    day = min(day, calendar.monthrange(year, month)[1])
    rest = text[10:].replace("z", "Z").replace("Z", "+00:00").replace("t", "T")
    return datetime.fromisoformat(f"{year:04d}-{month:02d}-{day:02d}{rest}")


def _uuid(v: str | None) -> str | None:
    if v is None:
        return None
    if not _UUID_RE.match(v):
        raise ValueError("bad_uuid")
    return str(uuid.UUID(v))


def _bool(v: object) -> object:
    # A boolean in a query string is `true` or `false` (as OpenAPI serialises it), nothing else.
    if isinstance(v, str):
        if v == "true":
            return True
        if v == "false":
            return False
        raise ValueError("bad_boolean")
    return v


class PageParams(QueryModel):
    page: int = Field(default=1, ge=1, le=MAX_PAGE, description="Page number, from 1.")
    per_page: int = Field(
        default=PER_PAGE_DEFAULT, ge=1, le=PER_PAGE_MAX, description="Results per page (default 50, max 1000)."
    )
    search: str = Field(default="", max_length=100, description="Words in the name or description (accents ignored).")
    format: str = Field(default="json", description="Only `json` is offered.", json_schema_extra={"enum": ["json"]})

    @field_validator("format")
    @classmethod
    def _json_only(cls, v: str) -> str:
        if v != "json":
            raise ValueError("bad_value")
        return "json"


class ServiceParams(PageParams):
    organization_id: str | None = Field(
        default=None, description="Only the services of this organization (UUID).", json_schema_extra=_UUID_SCHEMA
    )
    taxonomy_term_id: str | None = Field(
        default=None, description="Only services with this taxonomy term (UUID).", json_schema_extra=_UUID_SCHEMA
    )
    taxonomy_id: str | None = Field(
        default=None, description="Only services with a term of this taxonomy (UUID).", json_schema_extra=_UUID_SCHEMA
    )
    modified_after: str | None = Field(
        default=None,
        description="Only services changed on or after this moment (RFC 3339: `2026-11-01` or `2026-11-01T00:00:00Z`).",
        json_schema_extra={"pattern": DATETIME_PATTERN},
    )
    full: bool = Field(default=False, description="Fully nested records.", json_schema_extra=_BOOL_SCHEMA)

    _ids = field_validator("organization_id", "taxonomy_term_id", "taxonomy_id")(_uuid)
    _full = field_validator("full", mode="before")(_bool)

    @field_validator("modified_after")
    @classmethod
    def _when(cls, v: str | None) -> str | None:
        if v is None:
            return None
        if not _DATETIME_RE.match(v):
            raise ValueError("bad_datetime")
        return v

    def modified_after_dt(self) -> datetime | None:
        if not self.modified_after:
            return None
        return _moment(self.modified_after)


class OrganizationParams(PageParams):
    full: bool = Field(default=False, description="Fully nested organizations.", json_schema_extra=_BOOL_SCHEMA)
    full_service: bool = Field(
        default=False, description="With full services inside organizations.", json_schema_extra=_BOOL_SCHEMA
    )

    _flags = field_validator("full", "full_service", mode="before")(_bool)


class OneOrganizationParams(QueryModel):
    full_service: bool = Field(
        default=False, description="With full services instead of their summary.", json_schema_extra=_BOOL_SCHEMA
    )

    _flags = field_validator("full_service", mode="before")(_bool)


class TaxonomyTermParams(PageParams):
    taxonomy_id: str | None = Field(
        default=None, description="Only the terms of this taxonomy (UUID).", json_schema_extra=_UUID_SCHEMA
    )
    parent_id: str | None = Field(
        default=None,
        description="Only the children of this term (none here: flat lists).",
        json_schema_extra=_UUID_SCHEMA,
    )
    top_only: bool = Field(
        default=False, description="Only terms without a parent (here: all of them).", json_schema_extra=_BOOL_SCHEMA
    )

    _ids = field_validator("taxonomy_id", "parent_id")(_uuid)
    _top = field_validator("top_only", mode="before")(_bool)


def _record_id(campo: str) -> Callable[[str], str]:
    """A dependency: the path's `{id}`, a UUID (normalised), else a 422 naming the record's kind."""

    def checked(
        id: Annotated[  # noqa: A002 (the path's own name)
            str,
            Path(
                description="The record's HSDS id (a UUID, stable across restarts and databases).",
                json_schema_extra={"format": "uuid"},
            ),
        ],
    ) -> str:
        try:
            return _uuid(id)
        except ValueError:
            raise ApiError(422, [api_error(campo, "bad_uuid", {"value": id[:40], "campo": campo})]) from None

    return checked


organization_id = _record_id("organization")  # also a route dependency: checked before the query
ServiceId = Annotated[str, Depends(_record_id("service"))]
OrganizationId = Annotated[str, Depends(organization_id)]
ServiceAtLocationId = Annotated[str, Depends(_record_id("service_at_location"))]
