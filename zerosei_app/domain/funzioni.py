"""What a Centro per le famiglie does by regional rule (data/funzioni_centri_linee_guida.csv, PROVENANCE §6).

Four functions are *irrinunciabili* (every centre offers them, per the guidelines of D.G.R. 89-3827/2016);
the others are what centres may offer (the regional law and the Regione's pages). Names and the plain
explanation for parents are in the i18n catalogues (`funzione.<id>`, `funzione.<id>.testo`): our own words,
not the sources'. Each function names its source.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Source:
    key: str  # i18n: `funzioni.fonte.<key>` is its name
    url: str
    date: str | None  # as the source dates itself: YYYY-MM-DD, or None


SOURCES: dict[str, Source] = {
    f.key: f
    for f in (
        Source("linee_guida", "https://www.comune.varallo.vc.it/Home/DettaglioNews?IDNews=226360", "2022-11-29"),
        Source(
            "regione",
            "https://www.regione.piemonte.it/web/temi/diritti-politiche-sociali/politiche-sociali/famiglie/"
            "centri-per-famiglie",
            None,
        ),
        Source(
            "legge",
            "https://www.gazzettaufficiale.it/atto/regioni/caricaArticolo?art.versione=1&art.idGruppo=0"
            "&art.codiceRedazionale=19R00192&art.idArticolo=3&art.idSottoArticolo=1"
            "&art.dataPubblicazioneGazzetta=2019-07-06&art.progressivo=0",
            "2019-07-06",
        ),
        Source(
            "delibera",
            "https://docplayer.it/34426551-Linee-guida-inerenti-finalita-e-funzioni-dei-centri-per-le-famiglie-in-"
            "piemonte-approvazione-ai-sensi-della-d-g-r-n-del.html",
            "2016-09-08",
        ),
        Source("comunicato", "https://freenovara.it/politica/piemonte/280-mila-euro-circa-la-famiglia", None),
        Source(
            "comunicato_2016",
            "https://freenovara.it/politica/piemonte/ferrari-potenziata-lattivita-dei-centri-le-famiglie",
            "2016-09-26",
        ),
    )
}


@dataclass(frozen=True)
class Funzione:
    id: str  # the CSV's function_id
    irrinunciabile: bool  # the CSV's obbligatoria=si
    source: str  # a key of SOURCES
    for_parents: bool = True  # something a parent can ask for (not the centre's history or its Carta itself)


FUNZIONI: tuple[Funzione, ...] = (
    Funzione("promozione_salute_benessere", True, "linee_guida"),
    Funzione("promozione_prevenzione_primaria", True, "linee_guida"),
    Funzione("prevenzione_secondaria", True, "linee_guida"),
    Funzione("mediazione_familiare", True, "regione"),
    Funzione("orientamento_accompagnamento_servizi", False, "regione"),
    Funzione("informazione_orientamento_diritti", False, "legge"),
    Funzione("sostegno_genitorialita", False, "legge"),
    Funzione("consulenza", False, "legge"),
    Funzione("formazione_genitorialita", False, "legge"),
    Funzione("accompagnamento_natalita", False, "comunicato"),
    Funzione("aggregazione_familiare", False, "legge"),
    Funzione("mutuo_aiuto", False, "legge"),
    Funzione("raccordo_servizi_infanzia", False, "legge"),
    Funzione("genitorialita_adottiva", False, "comunicato_2016"),
    Funzione("servizi_innovativi_genitorialita", False, "legge"),
    Funzione("ruolo_attivo_famiglie", False, "legge"),
    Funzione("partecipazione_cittadinanza_attiva", False, "comunicato"),
    Funzione("punto_unico_territorio", False, "delibera", for_parents=False),
    Funzione("carta_zerosei_locale", False, "regione", for_parents=False),
)

BY_ID: dict[str, Funzione] = {f.id: f for f in FUNZIONI}


def irrinunciabili() -> list[Funzione]:
    """What every centre offers."""
    return [f for f in FUNZIONI if f.irrinunciabile]


def others() -> list[Funzione]:
    """What a centre may offer: a parent asks."""
    return [f for f in FUNZIONI if not f.irrinunciabile and f.for_parents]


def sources_of(funzioni: list[Funzione]) -> list[Source]:
    """Their sources, each once, in order of first use."""
    return [SOURCES[key] for key in dict.fromkeys(f.source for f in funzioni)]
