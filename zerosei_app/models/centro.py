"""Centri per le famiglie and the comuni each one serves."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import JSON, UniqueConstraint
from sqlmodel import Field, SQLModel

from zerosei_app.domain.vocabulary import OrigineCopertura, StatoVerifica  # noqa: F401 - models/__init__.py re-exports them
from zerosei_app.models._common import utcnow


class Centro(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(max_length=250)
    # Its Carta's address, /carta/<slug>: set on insert, changed only by a rename (models/centro_slug.py).
    slug: str | None = Field(default=None, max_length=80, unique=True, index=True)
    codice_istat: str = Field(foreign_key="comune.codice_istat", index=True, max_length=6)
    address: str | None = Field(default=None, max_length=300)
    phone: str | None = Field(default=None, max_length=80)
    email: str | None = Field(default=None, max_length=254)
    website: str | None = Field(default=None, max_length=500)
    hours: str | None = Field(default=None, max_length=500)
    # When a source gave those hours ("2019", "2021-2022", "covid"): old ones are shown with it. None: the
    # centre's own (staff edited them) or undated.
    hours_as_of: str | None = Field(default=None, max_length=40)
    # Languages (ISO 639-1) the centre's cultural mediators speak, as the centre states them; empty: not
    # stated (never assumed). Parents asking for a language see the centre's services with that note.
    mediation_languages: list[str] = Field(default_factory=list, sa_type=JSON)
    ente_gestore_id: int | None = Field(default=None, foreign_key="ente_gestore.id", index=True)
    ente_as_cited: str | None = Field(default=None, max_length=300)
    territory_as_cited: str | None = Field(default=None, max_length=300)
    services_cited: str | None = Field(default=None, max_length=2000)
    source_url: str | None = Field(default=None, max_length=1000)
    source_date: str | None = Field(default=None, max_length=200)
    stato_verifica: str = Field(default=StatoVerifica.SOLO_NOME, max_length=20)
    verification_note: str | None = Field(default=None, max_length=300)
    # What the research found but parents must not read as a name or an address (staff only).
    internal_notes: str | None = Field(default=None, max_length=4000)
    # Which source row the centre was loaded from (e.g. "ricerca-2026-11-29:vercelli"); lets a data
    # update find it again after its name was cleaned. None for centres staff created.
    source_key: str | None = Field(default=None, max_length=80, index=True)
    lat: float | None = None
    lon: float | None = None
    is_active: bool = True
    created_at: datetime = Field(default_factory=utcnow)
    updated_at: datetime = Field(default_factory=utcnow)
    version: int = 1


class Copertura(SQLModel, table=True):
    """A centre serves a comune; `origine` says how we know it."""

    __table_args__ = (UniqueConstraint("centro_id", "codice_istat"),)

    id: int | None = Field(default=None, primary_key=True)
    centro_id: int = Field(foreign_key="centro.id", index=True)
    codice_istat: str = Field(foreign_key="comune.codice_istat", index=True, max_length=6)
    origine: str = Field(max_length=20)
    distance_km: float | None = None
    note: str | None = Field(default=None, max_length=300)
