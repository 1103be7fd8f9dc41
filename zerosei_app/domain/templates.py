"""Modelli: the 21 typical ZeroSei services a centre's staff may start a draft entry from.

They are examples of what a Carta may hold, written by us, not by any centre: no modello is ever
published or exported. Staff pick one in the entry editor ("Parti da un modello"), which fills a
new DRAFT with its title, texts, category, topics and ages; schedule, cost, place and languages
stay empty until the centre writes them (a modello states none of them).
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class SeedService:
    title: str
    category: str
    topics: tuple[str, ...]
    age_min: int
    age_max: int
    summary: str
    description: str = ""
    provider: str = ""  # empty: the centre itself
    # Only what the text's author states; empty / None = unknown (never shown, never exported).
    schedule: str = ""
    cost_free: bool | None = None
    cost_note: str = ""
    access: str = ""
    languages: tuple[str, ...] = ()
    at_partner: bool = False  # takes place elsewhere (consultorio, biblioteca…)
    extra: dict = field(default_factory=dict)


S = SeedService

S = SeedService

TEMPLATES: tuple[SeedService, ...] = (
    S(
        "Accoglienza e informazione per le famiglie",
        "informazione-sensibilizzazione",
        ("essere-genitori", "diritti-aiuti"),
        -9,
        72,
        "Un primo colloquio per capire di cosa ha bisogno la tua famiglia e a chi rivolgersi.",
        "Operatori del centro ascoltano le domande dei genitori, danno informazioni sui servizi "
        "del territorio (sociali, sanitari, educativi) e accompagnano, se serve, al servizio giusto.",
    ),
    S(
        "Incontri di accompagnamento alla nascita",
        "servizi-territorio",
        ("gravidanza-nascita",),
        -7,
        -1,
        "Incontri in gruppo con ostetriche per prepararsi al parto e ai primi giorni.",
        "Un ciclo di incontri per future mamme e papà: gravidanza, parto, allattamento, "
        "rientro a casa. Organizzati con il consultorio familiare dell'ASL.",
        provider="Consultorio familiare ASL",
        at_partner=True,
        access="Prenotazione presso il consultorio familiare.",
    ),
    S(
        "Gruppo neo-genitori: i primi mesi insieme",
        "promozione-prevenzione-primaria",
        ("essere-genitori", "sonno-pianto", "allattamento-alimentazione"),
        0,
        12,
        "Incontri tra genitori di bambini piccoli, con un'educatrice, per condividere dubbi e scoperte.",
        "Sonno, pianto, pappa, stanchezza: in piccolo gruppo, con un'operatrice del centro, "
        "i genitori si confrontano e trovano sostegno reciproco. I bambini sono benvenuti.",
    ),
    S(
        "Sostegno all'allattamento",
        "servizi-territorio",
        ("allattamento-alimentazione", "gravidanza-nascita"),
        -2,
        24,
        "Consulenza e gruppi di sostegno per l'allattamento, anche prima della nascita.",
        provider="Consultorio familiare ASL",
        at_partner=True,
    ),
    S(
        "Massaggio infantile",
        "promozione-prevenzione-primaria",
        ("salute-sviluppo", "essere-genitori"),
        1,
        8,
        "Un piccolo corso per imparare il massaggio del neonato e stare bene insieme.",
        "Quattro incontri per genitori e bambini sotto l'anno, guidati da un'insegnante di "
        "massaggio infantile. Porta una coperta e un asciugamano.",
        schedule="Cicli di 4 incontri (date da confermare con il centro)",
    ),
    S(
        "Svezzamento e alimentazione: incontro con il pediatra",
        "promozione-prevenzione-primaria",
        ("allattamento-alimentazione", "salute-sviluppo"),
        4,
        12,
        "Quando e come iniziare le prime pappe: domande e risposte con un pediatra.",
        provider="Pediatria di comunità ASL",
    ),
    S(
        "Spazio gioco per bambini e genitori",
        "promozione-ruolo-sociale-famiglia",
        ("gioco-socialita",),
        12,
        36,
        "Uno spazio accogliente dove giocare insieme e conoscere altre famiglie.",
        "Giochi, materiali e un'educatrice: i bambini esplorano, i genitori si incontrano. "
        "Non serve iscriversi per la prima volta.",
        schedule="Due mattine a settimana (da confermare con il centro)",
    ),
    S(
        "Letture ad alta voce – Nati per Leggere",
        "servizi-territorio",
        ("lettura-linguaggio",),
        0,
        72,
        "Letture per i più piccoli e consigli ai genitori per leggere insieme ogni giorno.",
        provider="Biblioteca civica (programma Nati per Leggere)",
        at_partner=True,
        schedule="Un sabato al mese (da confermare con la biblioteca)",
    ),
    S(
        "Consulenza educativa per genitori",
        "mediazione-consulenza-educativa",
        ("essere-genitori", "sonno-pianto"),
        0,
        72,
        "Colloqui con un pedagogista su regole, sonno, capricci, crescita.",
        "Uno o più colloqui individuali o di coppia con un pedagogista o un educatore, "
        "per riflettere insieme su una difficoltà educativa e trovare strade possibili.",
    ),
    S(
        "Mediazione familiare",
        "mediazione-familiare",
        ("separazione-mediazione",),
        -9,
        72,
        "Per genitori che si separano: un aiuto neutrale per accordarsi sulla cura dei figli.",
        "Un mediatore familiare accompagna i genitori a costruire accordi sulla vita dei figli. "
        "Riservato, volontario, senza giudici.",
    ),
    S(
        "Sportello psicologico per i genitori",
        "interventi-sostegno",
        ("essere-genitori",),
        -9,
        72,
        "Alcuni colloqui con uno psicologo quando essere genitori pesa troppo.",
        "Stanchezza, tristezza dopo il parto, conflitti in famiglia: colloqui riservati con uno "
        "psicologo del centro, e se serve l'invio ai servizi specialistici.",
    ),
    S(
        "Orientamento a nidi e scuole dell'infanzia",
        "informazione-sensibilizzazione",
        ("nido-scuola", "diritti-aiuti"),
        3,
        60,
        "Come funzionano iscrizioni, graduatorie, rette e agevolazioni per nido e scuola dell'infanzia.",
        schedule="Incontri informativi prima delle iscrizioni (gennaio)",
    ),
    S(
        "Accompagnare l'inserimento al nido",
        "mediazione-consulenza-educativa",
        ("nido-scuola", "essere-genitori"),
        8,
        36,
        "Un incontro per preparare bambini e genitori al primo distacco.",
    ),
    S(
        "Laboratori creativi per bambini 3–6 anni",
        "promozione-ruolo-sociale-famiglia",
        ("gioco-socialita", "lettura-linguaggio"),
        36,
        72,
        "Pomeriggi di gioco, musica e colori per bambini con un genitore o un nonno.",
        schedule="Pomeriggi del mercoledì (da confermare)",
        cost_free=False,
        cost_note="Contributo simbolico per i materiali",
    ),
    S(
        "Sportello per famiglie di altri paesi",
        "interventi-facilitazione",
        ("famiglie-straniere", "diritti-aiuti"),
        -9,
        72,
        "Informazioni sui servizi per le famiglie con l'aiuto di mediatori culturali.",
        languages=("it", "en", "fr", "ar"),
    ),
    S(
        "Prevenzione degli incidenti domestici",
        "prevenzione",
        ("salute-sviluppo",),
        3,
        36,
        "Un incontro pratico per rendere la casa sicura quando il bambino inizia a muoversi.",
        provider="Pediatria di comunità ASL",
    ),
    S(
        "Famiglie che aiutano famiglie",
        "cittadinanza-attiva",
        ("essere-genitori", "gioco-socialita"),
        -9,
        72,
        "Una rete di genitori volontari che si danno una mano: scambi, passeggiate, piccoli aiuti.",
    ),
    S(
        "Informazioni su affido e adozione",
        "informazione-sensibilizzazione",
        ("affido-adozione",),
        -9,
        72,
        "Incontri per conoscere l'affido familiare e l'adozione, senza impegno.",
    ),
    S(
        "Aiuto per bonus e agevolazioni",
        "interventi-facilitazione",
        ("diritti-aiuti",),
        -9,
        72,
        "Orientamento su bonus nascita, assegno unico e agevolazioni locali.",
    ),
    S(
        "Sostegno alle famiglie di bambini con disabilità",
        "interventi-sostegno",
        ("disabilita", "salute-sviluppo"),
        0,
        72,
        "Ascolto, informazioni e collegamento con i servizi sanitari e scolastici.",
    ),
    S(
        "Spazio di ascolto per donne",
        "interventi-sostegno",
        ("ascolto-violenza",),
        -9,
        72,
        "Un luogo riservato per parlare di difficoltà in coppia e di violenza, anche solo per chiedere.",
        access="Accesso riservato; telefona al centro o al 1522 (numero nazionale antiviolenza, gratuito 24 ore su 24).",
    ),
)


TEMPLATES_BY_TITLE = {m.title: m for m in TEMPLATES}


def template_values(index: int) -> dict | None:
    """What a new draft gets from modello `index` (its position in TEMPLATES); None if there is none."""
    if not 0 <= index < len(TEMPLATES):
        return None
    m = TEMPLATES[index]
    return {
        "title": m.title,
        "summary": m.summary,
        "description": m.description,
        "category": m.category,
        "topics": list(m.topics),
        "age_min_months": m.age_min,
        "age_max_months": m.age_max,
    }
