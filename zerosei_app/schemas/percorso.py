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
    slug: str | None = Field(default=None, description="its public Carta page is `/carta/<slug>`")
    indirizzo: str | None
    comune: str
    provincia: str
    telefono: str | None
    email: str | None
    sito: str | None
    orari: str | None
    orari_indicati_nel: str | None = Field(
        default=None,
        description="When a source gave these hours (`2019`, `2021-2022`, `covid`); null: the centre's own",
    )
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
    lingue_mediazione: list[str] = Field(
        default_factory=list,
        description="Languages (ISO 639-1) in which the centre states it has a cultural mediator; empty: not stated (never assumed).",
    )


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
    gratuito: bool | None = Field(default=None, description="null: the cost is not stated (never assumed free)")
    nota: str | None = None


class ContattiOut(BaseModel):
    telefono: str
    email: str
    sito: str


class VoceOut(BaseModel):
    id: int
    centro_id: int
    titolo: str
    sintesi: str
    descrizione: str | None
    categoria: str
    temi: list[str]
    # Unknown stays unknown: null when neither a source nor the centre states it (docs/DOMAIN_SPEC.md).
    eta_min_mesi: int | None = Field(description="null: no age limit stated (the whole 0–6 range)")
    eta_max_mesi: int | None
    ente: str | None
    luogo: str | None
    online: bool
    quando: str | None
    costo: CostoOut | None
    accesso: str | None
    contatti: ContattiOut
    lingue: list[str] | None
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


class FonteOut(BaseModel):
    titolo: str
    url: str
    data: str | None = Field(None, description="as the source dates itself: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`")


class TappaOut(BaseModel):
    """A public step of the family's first six years (INPS, ASL, Comune, school…), with its source."""

    id: str
    titolo: str
    sintesi: str
    quando: str = Field(description="when, in words; never an amount or a date that changes every year")
    chi: str = Field(description="who is responsible")
    link: str | None = Field(description="the responsible body's own page, when known")
    fonte: FonteOut
    verificato_il: date | None = Field(description="when the Regione last checked it on the official site")
    da_verificare: bool = Field(description="true until the Regione has checked a secondary, old or local source")
    eta_da_mesi: int = Field(description="months from (expected) birth; negative = pregnancy")
    eta_a_mesi: int | None
    adesso: bool = Field(description="true: fits the child now; false: opens within 12 months")
    tra_mesi: int = Field(0, description="months until it opens (0 when `adesso`)")
    da_mese: str | None = Field(None, description="YYYY-MM when it opens (null when `adesso`)")


class FunzioneOut(BaseModel):
    """What a Centro per le famiglie does by regional rule (our own words, in the request's language)."""

    id: str
    nome: str
    testo: str
    irrinunciabile: bool = Field(description="true: every centre offers it (regional guidelines); false: ask")
    fonte: FonteOut


class FiglioOut(BaseModel):
    nascita: str | None = None
    attesa: str | None = None
    eta_mesi: int
    eta: str  # in words, in the request's language
    nato_presumibilmente: bool = False  # an expected month already past
    adesso: list[VoceOut]
    prossimi: list[ProssimaOut]
    tappe: list[TappaOut] = Field(
        default_factory=list, description="Public steps for this child: those that fit now first, then the coming ones"
    )


class LinguaOut(BaseModel):
    """The "in my language" filter of a path (`lingua=`): only what the centres state counts."""

    codice: str = Field(description="ISO 639-1 code, as in the link")
    nome: str = Field(description="the language's name in the request's language")
    trovata: bool = Field(
        description="true: the path lists only services a centre states in this language; false: none does, "
        "so the path lists every service (nothing is assumed about languages)"
    )


class PercorsoOut(BaseModel):
    comune: ComuneOut
    centri: list[CentroOut]
    ente_gestore: EnteGestoreOut | None = Field(
        default=None,
        description="The comune's ente gestore when it is known but runs none of the centres above.",
    )
    figli: list[FiglioOut]
    funzioni: list[FunzioneOut] = Field(
        default_factory=list, description="What every centre offers (`irrinunciabile`) and what centres may offer"
    )
    temi: list[str]
    lingua: LinguaOut | None = Field(default=None, description="The `lingua` filter, when the link has one.")
    lingue_dichiarate: list[str] = Field(
        default=[],
        description="Languages besides Italian that the serving centres state for some of their services (ISO 639-1).",
    )
    lang: str
    link: str = Field(
        description="The canonical query string of this path (no leading `?`), e.g. `comune=001255&nascita=2025-05`."
    )
    url: str | None = Field(
        default=None,
        description="The absolute address of this path's page for parents (ZEROSEI_PUBLIC_URL, or the address the request came to).",
    )
