"""A tappa as the Regione edits it in /staff/tappe (messages in Italian, like the whole staff area)."""

from __future__ import annotations

import re

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from .catalog import MAX_AGE_MONTHS, MIN_AGE_MONTHS
from .contact_formats import UrlText

_SOURCE_DATE = re.compile(r"^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$")


class TappaInput(BaseModel):
    model_config = ConfigDict(str_strip_whitespace=True, extra="ignore")

    title: str = Field(min_length=1, max_length=150)
    summary: str = Field("", max_length=400)
    age_min_months: int = Field(ge=MIN_AGE_MONTHS, le=MAX_AGE_MONTHS)
    age_max_months: int | None = Field(None, ge=MIN_AGE_MONTHS, le=252)  # some steps run past 6 (assegno unico: 21)
    timing: str = Field("", max_length=300)
    who: str = Field("", max_length=200)
    link: UrlText = Field("", max_length=500)
    source_url: UrlText = Field(min_length=1, max_length=500)
    source_title: str = Field(min_length=1, max_length=300)
    source_date: str = Field("", max_length=10)
    version: int = Field(ge=1)

    @field_validator("age_max_months", mode="before")
    @classmethod
    def _empty_is_open(cls, v):
        return None if isinstance(v, str) and not v.strip() else v

    @field_validator("source_date")
    @classmethod
    def _source_date(cls, v: str) -> str:
        if v and not _SOURCE_DATE.match(v):
            raise ValueError("Scrivi la data come la dà la fonte: 2025, 2025-05 o 2025-05-07.")
        return v

    @model_validator(mode="after")
    def _window(self) -> TappaInput:
        if self.age_max_months is not None and self.age_max_months < self.age_min_months:
            raise ValueError("La fine della finestra non può venire prima dell'inizio.")
        return self


TAPPA_FIELDS = tuple(k for k in TappaInput.model_fields if k != "version")
