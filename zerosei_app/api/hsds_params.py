"""Query parameters of the HSDS API (/api/v1/hsds), parsed with pydantic like the rest of the API."""

from __future__ import annotations

import uuid
from datetime import datetime

from pydantic import BaseModel, Field, field_validator

from zerosei_app.api.messages import MESSAGES

PER_PAGE_DEFAULT = 50
PER_PAGE_MAX = 1000
MAX_PAGE = 1_000_000

# Codes only the HSDS endpoints report (same shape and languages as api/messages.py).
MESSAGES.setdefault(
    "bad_uuid",
    {
        "it": "«{value}» non è un id valido per «{campo}»: gli id HSDS sono UUID, per esempio "
        "3f1c2b7e-5d2a-5c8e-9a51-3c8e2f4b7d10.",
        "en": "“{value}” is not a valid id for “{campo}”: HSDS ids are UUIDs, e.g. 3f1c2b7e-5d2a-5c8e-9a51-3c8e2f4b7d10.",
    },
)
MESSAGES.setdefault(
    "unknown_hsds_id",
    {
        "it": "Nessun record «{campo}» pubblicato ha l'id «{value}». Gli elenchi sono in /api/v1/hsds/{campo}s.",
        "en": "No published “{campo}” record has the id “{value}”. The lists are at /api/v1/hsds/{campo}s.",
    },
)
MESSAGES.setdefault(
    "bad_boolean",
    {
        "it": "«{value}» non vale per «{campo}»: usa true oppure false.",
        "en": "“{value}” is not valid for “{campo}”: use true or false.",
    },
)
MESSAGES.setdefault(
    "bad_datetime",
    {
        "it": "«{value}» non è una data valida per «{campo}»: usa il formato ISO 8601, per esempio 2026-11-01T00:00:00Z.",
        "en": "“{value}” is not a valid date for “{campo}”: use ISO 8601, e.g. 2026-11-01T00:00:00Z.",
    },
)


def _uuid(v: str | None) -> str | None:
    if v is None:
        return None
    try:
        return str(uuid.UUID(v))
    except ValueError:
        raise ValueError("bad_uuid") from None


def _bool(v: object) -> object:
    if isinstance(v, str):
        low = v.strip().lower()
        if low in ("true", "1", "yes"):
            return True
        if low in ("false", "0", "no", ""):
            return False
        raise ValueError("bad_boolean")
    return v


class PageParams(BaseModel):
    page: int = Field(default=1, ge=1, le=MAX_PAGE, description="Page number, from 1.")
    per_page: int = Field(
        default=PER_PAGE_DEFAULT, ge=1, le=PER_PAGE_MAX, description="Results per page (default 50, max 1000)."
    )
    search: str = Field(default="", max_length=100, description="Words in the name or description (accents ignored).")
    format: str = Field(default="json", max_length=10, description="Only `json` is offered.")

    @field_validator("format")
    @classmethod
    def _json_only(cls, v: str) -> str:
        if v.lower() != "json":
            raise ValueError("bad_value")
        return "json"


class ServiceParams(PageParams):
    organization_id: str | None = Field(default=None, description="Only the services of this organization (UUID).")
    taxonomy_term_id: str | None = Field(default=None, description="Only services with this taxonomy term (UUID).")
    taxonomy_id: str | None = Field(default=None, description="Only services with a term of this taxonomy (UUID).")
    modified_after: str | None = Field(default=None, description="Only services changed on or after this moment.")
    full: bool = Field(default=False, description="Fully nested records.")

    _ids = field_validator("organization_id", "taxonomy_term_id", "taxonomy_id")(_uuid)
    _full = field_validator("full", mode="before")(_bool)

    @field_validator("modified_after")
    @classmethod
    def _when(cls, v: str | None) -> str | None:
        if v is None:
            return None
        try:
            datetime.fromisoformat(v.replace("Z", "+00:00"))
        except ValueError:
            raise ValueError("bad_datetime") from None
        return v

    def modified_after_dt(self) -> datetime | None:
        return datetime.fromisoformat(self.modified_after.replace("Z", "+00:00")) if self.modified_after else None


class OrganizationParams(PageParams):
    full: bool = Field(default=False, description="Fully nested organizations.")
    full_service: bool = Field(default=False, description="With full services inside organizations.")

    _flags = field_validator("full", "full_service", mode="before")(_bool)


class OneOrganizationParams(BaseModel):
    full_service: bool = Field(default=False, description="With full services instead of their summary.")

    _flags = field_validator("full_service", mode="before")(_bool)


class TaxonomyTermParams(PageParams):
    taxonomy_id: str | None = Field(default=None, description="Only the terms of this taxonomy (UUID).")
    parent_id: str | None = Field(default=None, description="Only the children of this term (none here: flat lists).")
    top_only: bool = Field(default=False, description="Only terms without a parent (here: all of them).")

    _ids = field_validator("taxonomy_id", "parent_id")(_uuid)
    _top = field_validator("top_only", mode="before")(_bool)
