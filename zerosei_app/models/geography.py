"""Comuni and the enti gestori of the socio-assistential functions."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import JSON
from sqlmodel import Field, SQLModel


class RecapitiUfficiali(SQLModel):
    """Official contacts (IndicePA) of a comune or an ente gestore: the fallback when a centre has none.

    `contatti_modificati_il` is set when staff edit them; a data update never overwrites those."""

    sito: str | None = Field(default=None, max_length=500)
    email: str | None = Field(default=None, max_length=254)
    pec: str | None = Field(default=None, max_length=254)  # certified mail: shown to parents last, labelled
    telefono: str | None = Field(default=None, max_length=80)
    indirizzo_sede: str | None = Field(default=None, max_length=300)
    codice_ipa: str | None = Field(default=None, max_length=20)
    contatti_fonte: str | None = Field(default=None, max_length=500)
    contatti_data_fonte: str | None = Field(default=None, max_length=300)
    contatti_note: str | None = Field(default=None, max_length=1000)  # staff only
    contatti_modificati_il: datetime | None = None


class Comune(RecapitiUfficiali, table=True):
    codice_istat: str = Field(primary_key=True, max_length=6)
    nome: str = Field(index=True, max_length=120)
    nome_altra_lingua: str | None = Field(default=None, max_length=120)
    sigla_provincia: str = Field(index=True, max_length=2)
    codice_catastale: str | None = Field(default=None, max_length=4)
    cap: list[str] = Field(default_factory=list, sa_type=JSON)
    popolazione: int | None = None  # census 2011
    lat: float | None = None
    lon: float | None = None
    fonte_coordinate: str | None = Field(default=None, max_length=200)


class EnteGestore(RecapitiUfficiali, table=True):
    __tablename__ = "ente_gestore"

    id: int | None = Field(default=None, primary_key=True)
    nome: str = Field(max_length=250, unique=True)
    sigla: str | None = Field(default=None, max_length=80)
    sede: str | None = Field(default=None, max_length=250)
    sigla_provincia: str | None = Field(default=None, max_length=20)
    n_comuni_dichiarati: str | None = Field(default=None, max_length=60)
    fonte_url: str | None = Field(default=None, max_length=1000)
    data_fonte: str | None = Field(default=None, max_length=120)
    note: str | None = Field(default=None, max_length=1000)


class ComuneEnteGestore(SQLModel, table=True):
    """Which ente gestore serves a comune, as a source states it (one row per comune)."""

    __tablename__ = "comune_ente_gestore"

    codice_istat: str = Field(primary_key=True, foreign_key="comune.codice_istat", max_length=6)
    ente_gestore_id: int = Field(foreign_key="ente_gestore.id", index=True)
    nome_nella_fonte: str | None = Field(default=None, max_length=200)
    fonte_url: str | None = Field(default=None, max_length=1000)
    data_riferimento: str | None = Field(default=None, max_length=200)
    note: str | None = Field(default=None, max_length=500)
