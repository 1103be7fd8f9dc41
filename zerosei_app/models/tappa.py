"""A public step a family meets from pregnancy to age 6 (data/tappe_0_6_piemonte.csv), edited by the Regione."""

from __future__ import annotations

from datetime import date, datetime

from sqlmodel import Field, SQLModel

from zerosei_app.models._common import utcnow


class Tappa(SQLModel, table=True):
    __tablename__ = "tappa"

    id: str = Field(primary_key=True, max_length=60)  # the CSV's tappa_id: stable, used in links and the API
    title: str = Field(max_length=150)
    summary: str = Field(default="", max_length=400)
    # Months from (expected) birth: negative = pregnancy (from -9); no end = the whole 0-6.
    age_min_months: int = 0
    age_max_months: int | None = None
    timing: str = Field(default="", max_length=300)
    who: str = Field(default="", max_length=200)
    link: str | None = Field(default=None, max_length=500)  # the responsible body's own page
    scope: str = Field(default="nazionale", max_length=20)  # regionale | comunale | nazionale
    source_url: str = Field(max_length=500)
    source_title: str = Field(max_length=300)
    source_date: str | None = Field(default=None, max_length=10)  # YYYY, YYYY-MM or YYYY-MM-DD, as the source gives it
    needs_check: bool = True  # the source is secondary, old, local or changes yearly: the Regione must check it
    verified_on: date | None = None  # the Regione checked it on the official site
    updated_at: datetime = Field(default_factory=utcnow)
    version: int = 1  # optimistic locking, like entries
