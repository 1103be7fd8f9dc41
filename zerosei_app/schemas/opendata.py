"""The directory as open data: centres as /api/v1/centri lists them (Italian keys: it's open data)."""

from __future__ import annotations

from datetime import date

from pydantic import BaseModel, Field


class ComuneRefOut(BaseModel):
    codice_istat: str
    nome: str
    provincia: str


class CentroDatiOut(BaseModel):
    id: int
    nome: str
    slug: str = Field(
        description="Stable name of the centre's Carta page; after a rename the old slug still leads there."
    )
    url: str = Field(description="Public address of the centre's Carta: `<site>/carta/<slug>`.")
    indirizzo: str | None = Field(description="As in the source; may contain notes (floor, former building).")
    comune: ComuneRefOut = Field(description="The comune where the centre is.")
    telefono: str | None
    email: str | None
    sito: str | None
    orari: str | None
    orari_indicati_nel: str | None = Field(
        default=None,
        description="When a source gave these hours (`2019`, `2021-2022`, `covid`); null: the centre's own",
    )
    ente_gestore: str | None
    stato_verifica: str = Field(description="`verificato`, `parziale`, `incerto` or `solo_nome`.")
    nota_verifica: str | None
    fonte: str | None = Field(description="Address of the source the record comes from.")
    data_fonte: str | None = Field(
        description="How old the source information is, as stated by the source (free text)."
    )
    mappa_url: str | None = Field(description="An OpenStreetMap search for the address.")
    lingue_mediazione: list[str] = Field(
        default_factory=list,
        description="Languages (ISO 639-1) in which the centre states it has a cultural mediator; empty: not stated (never assumed).",
    )
    aggiornato_il: date | None = Field(
        description="Day of the last change made by the centre's staff in ZeroSei (creation, edit, import, "
        "closing). Null for a record still as loaded from the original sources: see `data_fonte`."
    )


class CentroInElencoOut(CentroDatiOut):
    n_comuni_serviti: int = Field(
        description="Comuni the centre serves by a source's, the Regione's or its ente gestore's word "
        "(`origine` `esplicito` or `ente_gestore`)."
    )
    n_comuni_centro_piu_vicino: int = Field(
        0,
        description="Comuni no known centre or ente gestore serves, for which it is only the nearest registered "
        "centre (`origine` `inferito`): not counted as served.",
    )


class ComuneServitoOut(ComuneRefOut):
    origine: str = Field(
        description="`esplicito` (the source says so), `ente_gestore` (same managing body) or `inferito` (nearest centre)."
    )
    distanza_km: float | None = Field(description="Distance from the comune to the centre, for inferred links.")


class CentroDettaglioOut(CentroDatiOut):
    comuni_serviti: list[ComuneServitoOut]
