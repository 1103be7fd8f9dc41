"""Comuni and the enti gestori of the socio-assistential functions."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import JSON, UniqueConstraint
from sqlmodel import Field, SQLModel

from zerosei_app.domain.vocabulary import Confidenza, PropostaStatus


class OfficialContacts(SQLModel):
    """Official contacts (IndicePA) of a comune or an ente gestore: the fallback when a centre has none.

    `contacts_edited_at` is set when staff edit them; a data update never overwrites those."""

    website: str | None = Field(default=None, max_length=500)
    email: str | None = Field(default=None, max_length=254)
    pec: str | None = Field(default=None, max_length=254)  # certified mail: shown to parents last, labelled
    phone: str | None = Field(default=None, max_length=80)
    office_address: str | None = Field(default=None, max_length=300)
    codice_ipa: str | None = Field(default=None, max_length=20)
    contacts_source: str | None = Field(default=None, max_length=500)
    contacts_source_date: str | None = Field(default=None, max_length=300)
    contacts_notes: str | None = Field(default=None, max_length=1000)  # staff only
    contacts_edited_at: datetime | None = None


class Comune(OfficialContacts, table=True):
    codice_istat: str = Field(primary_key=True, max_length=6)
    name: str = Field(index=True, max_length=120)
    name_other_language: str | None = Field(default=None, max_length=120)
    sigla_provincia: str = Field(index=True, max_length=2)
    codice_catastale: str | None = Field(default=None, max_length=4)
    cap: list[str] = Field(default_factory=list, sa_type=JSON)
    population: int | None = None  # census 2011
    lat: float | None = None
    lon: float | None = None
    coordinates_source: str | None = Field(default=None, max_length=200)


class EnteGestore(OfficialContacts, table=True):
    __tablename__ = "ente_gestore"

    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(max_length=250, unique=True)
    short_name: str | None = Field(default=None, max_length=80)
    seat: str | None = Field(default=None, max_length=250)
    sigla_provincia: str | None = Field(default=None, max_length=20)
    comuni_declared: str | None = Field(default=None, max_length=60)
    source_url: str | None = Field(default=None, max_length=1000)
    source_date: str | None = Field(default=None, max_length=120)
    notes: str | None = Field(default=None, max_length=1000)
    # The `ente_key` of the research files (data/enti_gestori_*_2026-12-06.csv): how data updates find it.
    source_key: str | None = Field(default=None, max_length=80, unique=True, index=True)
    phone_source: str | None = Field(default=None, max_length=500)  # whose number and where a source states it


class ComuneEnteGestore(SQLModel, table=True):
    """Which ente gestore serves a comune, as a source states it (one row per comune): a fact parents see.

    `edited_at` is set when the Regione sets or corrects it; a data update never overwrites such a row."""

    __tablename__ = "comune_ente_gestore"

    codice_istat: str = Field(primary_key=True, foreign_key="comune.codice_istat", max_length=6)
    ente_gestore_id: int = Field(foreign_key="ente_gestore.id", index=True)
    name_as_cited: str | None = Field(default=None, max_length=200)
    source_url: str | None = Field(default=None, max_length=1000)
    reference_date: str | None = Field(default=None, max_length=200)
    notes: str | None = Field(default=None, max_length=500)
    source_title: str | None = Field(default=None, max_length=500)
    evidence: str | None = Field(default=None, max_length=1000)
    confidenza: str | None = Field(default=None, max_length=10)  # Confidenza; None: the 2025 lists
    edited_at: datetime | None = None


class ComuneEnteGestoreProposta(SQLModel, table=True):
    """A lead (`bassa` confidence): this ente may serve this comune. In the Regione's queue until
    confirmed (then it becomes the comune's ComuneEnteGestore) or rejected; never shown to parents."""

    __tablename__ = "comune_ente_gestore_proposta"
    __table_args__ = (UniqueConstraint("codice_istat", "ente_gestore_id"),)

    id: int | None = Field(default=None, primary_key=True)
    codice_istat: str = Field(foreign_key="comune.codice_istat", index=True, max_length=6)
    ente_gestore_id: int = Field(foreign_key="ente_gestore.id", index=True)
    name_as_cited: str | None = Field(default=None, max_length=300)
    source_url: str | None = Field(default=None, max_length=1000)
    source_title: str | None = Field(default=None, max_length=500)
    source_date: str | None = Field(default=None, max_length=200)
    evidence: str | None = Field(default=None, max_length=1000)
    confidenza: str = Field(default=Confidenza.BASSA, max_length=10)
    status: str = Field(default=PropostaStatus.DA_CONFERMARE, max_length=20, index=True)
    decided_at: datetime | None = None
    decided_by: int | None = Field(default=None, foreign_key="staff_user.id")
