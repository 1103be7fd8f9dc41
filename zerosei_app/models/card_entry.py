"""A voce of a centre's Carta ZeroSei."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import JSON, Index
from sqlmodel import Field, SQLModel

from zerosei_app.domain.vocabulary import EntryStatus  # noqa: F401 - models/__init__.py re-exports it
from zerosei_app.models._common import utcnow


class CardEntry(SQLModel, table=True):
    __tablename__ = "card_entry"
    # The parents' query is "published entries of these centres": one index serves it on
    # both databases (a lone status index misleads SQLite's planner, since most rows match).
    __table_args__ = (Index("ix_card_entry_centro_status", "centro_id", "status"),)

    id: int | None = Field(default=None, primary_key=True)
    centro_id: int = Field(foreign_key="centro.id", index=True)
    title: str = Field(max_length=150)
    summary: str = Field(default="", max_length=300)
    description: str = Field(default="", max_length=4000)
    category: str = Field(max_length=60, index=True)
    topics: list[str] = Field(default_factory=list, sa_type=JSON)
    # Months relative to birth: negative = pregnancy (from -9), up to 72 (6 years).
    age_min_months: int = -9
    age_max_months: int = 72
    provider: str = Field(default="", max_length=200)
    location: str = Field(default="", max_length=300)
    location_comune: str | None = Field(default=None, foreign_key="comune.codice_istat", max_length=6)
    online: bool = False
    schedule: str = Field(default="", max_length=300)
    cost_free: bool | None = None  # None: nobody stated the cost (never shown as "Gratuito")
    cost_note: str = Field(default="", max_length=300)
    access: str = Field(default="", max_length=500)
    contact_phone: str = Field(default="", max_length=80)
    contact_email: str = Field(default="", max_length=254)
    contact_url: str = Field(default="", max_length=500)
    languages: list[str] = Field(default_factory=list, sa_type=JSON)  # empty: not stated
    status: str = Field(default=EntryStatus.DRAFT, max_length=20)
    last_reviewed_on: date | None = None
    is_example: bool = False
    source_url: str | None = Field(default=None, max_length=1000)
    # The regional function (domain/funzioni.py) this entry details for its centre: times, place, cost.
    funzione_id: str | None = Field(default=None, max_length=60)
    created_at: datetime = Field(default_factory=utcnow)
    updated_at: datetime = Field(default_factory=utcnow)
    version: int = 1  # optimistic locking: every save must name the version it started from
