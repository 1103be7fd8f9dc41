"""What a parent's path looks like, for the API and the page alike (Italian keys: it's open data)."""

from __future__ import annotations

from datetime import date

from pydantic import BaseModel, Field, PrivateAttr


class ComuneOut(BaseModel):
    codice_istat: str
    nome: str
    provincia: str
    cap: list[str] = []


class ContattoOut(BaseModel):
    """One action a parent can take, and whose contact it is (docs/DOMAIN_SPEC.md, "always an action")."""

    tipo: str = Field(description="`telefono`, `email`, `sito` or `pec` (certified mail: may refuse ordinary mail)")
    testo: str = Field(description="the contact as the source writes it")
    href: str = Field(description="`tel:…`, `mailto:…` or an http(s) address")
    di: str = Field(description="whose contact: `centro`, `ente_gestore` or `comune`")
    di_nome: str = Field(description="the name of the centre, ente gestore or comune")


class ChiusuraOut(BaseModel):
    """A temporary closure, announced while it lasts and in the days before it."""

    dal: date = Field(description="first closed day (a date in Italy)")
    al: date = Field(description="last closed day, included")
    motivo: str = Field("", description='why, as the centre writes it ("ferie")')
    in_corso: bool = Field(description="closed today; false: it starts within the next days")


class CentroOut(BaseModel):
    id: int
    nome: str
    indirizzo: str | None
    comune: str
    provincia: str
    telefono: str | None
    email: str | None
    sito: str | None
    orari: str | None
    ente_gestore: str | None
    stato_verifica: str
    origine: str  # esplicito | ente_gestore | inferito
    inferito: bool
    distanza_km: float | None
    mappa_url: str | None  # an OpenStreetMap search: no embedded map, no tracker
    stessa_provincia: bool = Field(True, description="the centre is in the family's province")
    contatti: list[ContattoOut] = Field(
        default_factory=list,
        description="What to do to reach it: the centre's own phone/e-mail/site; else its ente gestore's; else the "
        "comune's site (and PEC last). Empty only when no one has any contact.",
    )
    chiusura: ChiusuraOut | None = Field(None, description="a temporary closure in course or starting soon")


class EnteGestoreOut(BaseModel):
    """The body that runs the comune's social services, named when its centre is not registered yet."""

    id: int
    nome: str
    sito: str | None
    email: str | None
    pec: str | None
    telefono: str | None
    contatti: list[ContattoOut] = []


class CostoOut(BaseModel):
    gratuito: bool
    nota: str


class ContattiOut(BaseModel):
    telefono: str
    email: str
    sito: str


class VoceOut(BaseModel):
    id: int
    centro_id: int
    titolo: str
    sintesi: str
    descrizione: str
    categoria: str
    temi: list[str]
    eta_min_mesi: int
    eta_max_mesi: int
    ente: str
    luogo: str
    online: bool
    quando: str
    costo: CostoOut
    accesso: str
    contatti: ContattiOut
    lingue: list[str]
    verificato_il: date | None
    esempio: bool
    fonte: str | None
    chiusura: ChiusuraOut | None = Field(
        None, description="the service is suspended in course or soon (its own closure, not its centre's)"
    )
    # Not part of the answer: what the page derives from this entry, per language (view/percorso_view.py).
    # An entry's output is built once per data snapshot and shared, so is this.
    _view_memo: dict = PrivateAttr(default_factory=dict)


class ProssimaOut(VoceOut):
    tra_mesi: int  # months until the child reaches the entry's minimum age
    da_mese: str  # YYYY-MM


class FiglioOut(BaseModel):
    nascita: str | None = None
    attesa: str | None = None
    eta_mesi: int
    eta: str  # in words, in the request's language
    nato_presumibilmente: bool = False  # an expected month already past
    adesso: list[VoceOut]
    prossimi: list[ProssimaOut]


class PercorsoOut(BaseModel):
    comune: ComuneOut
    centri: list[CentroOut]
    ente_gestore: EnteGestoreOut | None = Field(
        default=None,
        description="The comune's ente gestore when it is known but runs none of the centres above.",
    )
    figli: list[FiglioOut]
    temi: list[str]
    lang: str
    link: str = Field(
        description="The canonical query string of this path (no leading `?`), e.g. `comune=001255&nascita=2025-05`."
    )
    url: str | None = Field(
        default=None,
        description="The absolute address of this path's page for parents (ZEROSEI_PUBLIC_URL, or the address the request came to).",
    )
