"""Comuni and the enti gestori of the socio-assistential functions."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import JSON, UniqueConstraint
from sqlmodel import Field, SQLModel

from zerosei_app.domain.vocabulary import Confidenza, StatoProposta


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
    # The `ente_key` of the research files (data/enti_gestori_*_2026-12-06.csv): how data updates find it.
    chiave: str | None = Field(default=None, max_length=80, unique=True, index=True)
    telefono_fonte: str | None = Field(default=None, max_length=500)  # whose number and where a source states it


class ComuneEnteGestore(SQLModel, table=True):
    """Which ente gestore serves a comune, as a source states it (one row per comune): a fact parents see.

    `modificato_il` is set when the Regione sets or corrects it; a data update never overwrites such a row."""

    __tablename__ = "comune_ente_gestore"

    codice_istat: str = Field(primary_key=True, foreign_key="comune.codice_istat", max_length=6)
    ente_gestore_id: int = Field(foreign_key="ente_gestore.id", index=True)
    nome_nella_fonte: str | None = Field(default=None, max_length=200)
    fonte_url: str | None = Field(default=None, max_length=1000)
    data_riferimento: str | None = Field(default=None, max_length=200)
    note: str | None = Field(default=None, max_length=500)
    fonte_titolo: str | None = Field(default=None, max_length=500)
    evidenza: str | None = Field(default=None, max_length=1000)
    confidenza: str | None = Field(default=None, max_length=10)  # Confidenza; None: the 2025 lists
    modificato_il: datetime | None = None


class ComuneEnteGestoreProposta(SQLModel, table=True):
    """A lead (`bassa` confidence): this ente may serve this comune. In the Regione's queue until
    confirmed (then it becomes the comune's ComuneEnteGestore) or rejected; never shown to parents."""

    __tablename__ = "comune_ente_gestore_proposta"
    __table_args__ = (UniqueConstraint("codice_istat", "ente_gestore_id"),)

    id: int | None = Field(default=None, primary_key=True)
    codice_istat: str = Field(foreign_key="comune.codice_istat", index=True, max_length=6)
    ente_gestore_id: int = Field(foreign_key="ente_gestore.id", index=True)
    nome_nella_fonte: str | None = Field(default=None, max_length=300)
    fonte_url: str | None = Field(default=None, max_length=1000)
    fonte_titolo: str | None = Field(default=None, max_length=500)
    data_fonte: str | None = Field(default=None, max_length=200)
    evidenza: str | None = Field(default=None, max_length=1000)
    confidenza: str = Field(default=Confidenza.BASSA, max_length=10)
    stato: str = Field(default=StatoProposta.DA_CONFERMARE, max_length=20, index=True)
    deciso_il: datetime | None = None
    deciso_da: int | None = Field(default=None, foreign_key="staff_user.id")
