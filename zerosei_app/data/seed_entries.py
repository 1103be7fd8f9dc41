"""Seed voci for each centre's Carta ZeroSei.

No public source gives a centre's full Carta, so every seeded voce is flagged `is_example`
and shown with an "esempio" badge until the centre's staff confirm or replace it:
- `REAL_SERVICES`: services a public source says the centre offers (title and existence are
  from the source, named in `source_url`; category, ages, schedule and cost are our guesses);
- `GENERIC_SERVICES`: typical ZeroSei services, used to give every centre a full Carta
  from pregnancy to 6 years, written so that no detail could be mistaken for a real one.
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
    schedule: str = "Su appuntamento (orari da confermare con il centro)"
    cost_free: bool = True
    cost_note: str = ""
    access: str = "Contatta il centro per informazioni e prenotazioni."
    languages: tuple[str, ...] = ("it",)
    at_partner: bool = False  # takes place elsewhere (consultorio, biblioteca…)
    extra: dict = field(default_factory=dict)


S = SeedService

GENERIC_SERVICES: tuple[SeedService, ...] = (
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

GENERIC_BY_TITLE = {s.title: s for s in GENERIC_SERVICES}

# Real services named in public sources (centri_famiglie_piemonte.csv, carta_zerosei_fatti.md),
# keyed by the centre's comune. Only what concerns families with children 0–6.
REAL_SERVICES: dict[str, tuple[SeedService, ...]] = {
    "Torino": (
        S(
            "Consulenze educative, familiari e psicologiche",
            "mediazione-consulenza-educativa",
            ("essere-genitori",),
            -9,
            72,
            "Colloqui con professionisti su dubbi educativi, di coppia e familiari.",
        ),
        S(
            "Consulenza legale su separazione e divorzio",
            "mediazione-familiare",
            ("separazione-mediazione", "diritti-aiuti"),
            -9,
            72,
            "Un primo orientamento legale per genitori che si separano.",
        ),
        S(
            "Gruppi per neo genitori",
            "promozione-prevenzione-primaria",
            ("essere-genitori", "gravidanza-nascita"),
            -3,
            12,
            "Incontri in gruppo per chi è appena diventato genitore o sta per diventarlo.",
        ),
        S(
            "Gruppi per giovani coppie",
            "promozione-ruolo-sociale-famiglia",
            ("essere-genitori",),
            -9,
            36,
            "Incontri per coppie giovani che affrontano il passaggio a genitori.",
        ),
        S(
            "Accompagnamento nell'elaborazione del lutto",
            "interventi-sostegno",
            ("lutto",),
            -9,
            72,
            "Sostegno a genitori e famiglie che vivono un lutto, anche perinatale.",
        ),
    ),
    "Cuneo": (
        S(
            "Sportello Genitori Separati",
            "mediazione-familiare",
            ("separazione-mediazione",),
            -9,
            72,
            "Ascolto e orientamento per genitori che si separano.",
        ),
        S(
            "Donne in ascolto",
            "interventi-sostegno",
            ("ascolto-violenza",),
            -9,
            72,
            "Uno spazio di ascolto per le donne.",
        ),
        S(
            "Le Ali di Zena – ascolto per donne vittime di violenza",
            "interventi-sostegno",
            ("ascolto-violenza",),
            -9,
            72,
            "Servizio di ascolto per donne che subiscono violenza.",
            access="Riservato; telefona al centro o al 1522 (gratuito, 24 ore su 24).",
        ),
        S(
            "Mediazione familiare",
            "mediazione-familiare",
            ("separazione-mediazione",),
            -9,
            72,
            "Con mediatori familiari del consorzio.",
        ),
    ),
    "Alessandria": (
        S(
            "Sostegno alla genitorialità",
            "interventi-sostegno",
            ("essere-genitori",),
            -9,
            72,
            "Colloqui e percorsi per sostenere i genitori nel loro ruolo.",
        ),
        S(
            "Mediazione e consulenza familiare e intergenerazionale",
            "mediazione-familiare",
            ("separazione-mediazione",),
            -9,
            72,
            "Per conflitti tra genitori e tra generazioni.",
        ),
        S(
            "Incontri per genitori separati",
            "mediazione-familiare",
            ("separazione-mediazione",),
            0,
            72,
            "Incontri di gruppo per genitori che vivono una separazione.",
        ),
        S(
            "Laboratori sulle emozioni per tutta la famiglia",
            "promozione-ruolo-sociale-famiglia",
            ("gioco-socialita", "essere-genitori"),
            36,
            72,
            "Laboratori per genitori e bambini sulle emozioni.",
        ),
    ),
    "Tortona": (
        S(
            "Sportello «Informa famiglie»",
            "informazione-sensibilizzazione",
            ("diritti-aiuti", "nido-scuola"),
            -9,
            72,
            "Informazioni su servizi sociali, sanitari, scolastici, educativi e culturali.",
        ),
        S(
            "Coordinamento genitoriale",
            "mediazione-familiare",
            ("separazione-mediazione",),
            0,
            72,
            "Per genitori separati con conflitti sulla cura dei figli.",
        ),
        S(
            "Consulenza psico-educativa",
            "mediazione-consulenza-educativa",
            ("essere-genitori",),
            0,
            72,
            "Colloqui con professionisti su crescita e educazione.",
        ),
        S(
            "Sportello interculturale",
            "interventi-facilitazione",
            ("famiglie-straniere",),
            -9,
            72,
            "Per donne e famiglie arrivate da altri paesi.",
            languages=("it", "en", "fr"),
        ),
        S(
            "Promozione dell'affido familiare",
            "informazione-sensibilizzazione",
            ("affido-adozione",),
            -9,
            72,
            "Informazioni per chi vuole conoscere l'affido.",
        ),
    ),
    "Asti": (
        S(
            "Accoglienza e orientamento con professionisti",
            "informazione-sensibilizzazione",
            ("essere-genitori", "diritti-aiuti"),
            -9,
            72,
            "Il centro accoglie i bisogni delle famiglie e le mette in contatto con i professionisti.",
            access="Su appuntamento telefonico: 0141 399490.",
        ),
        S(
            "Colloqui con la psicologa psicoterapeuta",
            "interventi-sostegno",
            ("essere-genitori",),
            -9,
            72,
            "Sostegno psicologico per genitori.",
            access="Su appuntamento telefonico: 0141 399490.",
        ),
        S(
            "Referente per la disabilità",
            "interventi-sostegno",
            ("disabilita",),
            0,
            72,
            "Un riferimento per famiglie con bambini con disabilità.",
            access="Su appuntamento telefonico: 0141 399490.",
        ),
        S(
            "Attività per famiglie affidatarie",
            "promozione-ruolo-sociale-famiglia",
            ("affido-adozione",),
            0,
            72,
            "Incontri e laboratori per famiglie affidatarie.",
        ),
    ),
    "Canelli": (
        S(
            "Area allattamento",
            "promozione-prevenzione-primaria",
            ("allattamento-alimentazione",),
            0,
            24,
            "Uno spazio tranquillo per allattare e cambiare il bambino.",
            schedule="Negli orari di apertura del centro",
            access="Accesso libero.",
        ),
        S(
            "Area gioco bambini",
            "promozione-ruolo-sociale-famiglia",
            ("gioco-socialita",),
            6,
            72,
            "Uno spazio gioco per bambini accompagnati.",
            schedule="Negli orari di apertura del centro",
        ),
        S(
            "Mediazione familiare",
            "mediazione-familiare",
            ("separazione-mediazione",),
            -9,
            72,
            "Per genitori che si separano.",
        ),
        S(
            "Sostegno alla genitorialità",
            "interventi-sostegno",
            ("essere-genitori",),
            -9,
            72,
            "Percorsi di sostegno per i genitori.",
        ),
        S(
            "Incontri in luogo neutro",
            "interventi-facilitazione",
            ("separazione-mediazione",),
            0,
            72,
            "Incontri protetti tra figli e genitori, su indicazione dei servizi.",
            access="Su indicazione dei servizi sociali o del tribunale.",
        ),
        S(
            "Affidamento e adozioni",
            "informazione-sensibilizzazione",
            ("affido-adozione",),
            -9,
            72,
            "Informazioni e accompagnamento su affido e adozione.",
        ),
    ),
    "Novara": (
        S(
            "Giochi sensoriali di luce e colore (0–3 anni)",
            "promozione-ruolo-sociale-famiglia",
            ("gioco-socialita", "salute-sviluppo"),
            0,
            36,
            "Attività sensoriali per i più piccoli con un genitore.",
            provider="Nucleo Didattica Ambientale",
        ),
        S(
            "Laboratorio «dall'arte alla scienza» (3–6 anni)",
            "promozione-ruolo-sociale-famiglia",
            ("gioco-socialita",),
            36,
            72,
            "Un laboratorio di scoperta per bambini della scuola dell'infanzia.",
        ),
        S(
            "Club dei Piccoli Lettori",
            "servizi-territorio",
            ("lettura-linguaggio",),
            12,
            72,
            "Letture ad alta voce per bambini.",
        ),
        S(
            "«A passi di latte»",
            "promozione-prevenzione-primaria",
            ("allattamento-alimentazione", "gravidanza-nascita"),
            -6,
            12,
            "Incontri per genitori in attesa o che allattano.",
            provider="Ordine della Professione di Ostetrica",
        ),
        S(
            "Info point Novara Bimbi",
            "informazione-sensibilizzazione",
            ("diritti-aiuti", "nido-scuola"),
            -9,
            72,
            "Informazioni per famiglie, dall'attesa in poi.",
        ),
        S(
            "Nati per Leggere",
            "servizi-territorio",
            ("lettura-linguaggio",),
            0,
            72,
            "Il programma di lettura per l'infanzia.",
            provider="Biblioteca Civica Negroni",
            at_partner=True,
        ),
    ),
    "Biella": (
        S(
            "«Di Comune in Comune»: giochi tra nonni, genitori e bambini",
            "cittadinanza-attiva",
            ("gioco-socialita",),
            60,
            72,
            "Pomeriggi di giochi intergenerazionali per bambini dai 5 anni con un genitore e i nonni.",
            access="Iscrizione richiesta (modulo online o QR code del consorzio).",
        ),
    ),
    "Rivarolo Canavese": (
        S(
            "Attività per neo-mamme",
            "promozione-prevenzione-primaria",
            ("essere-genitori", "allattamento-alimentazione"),
            0,
            12,
            "Incontri e attività per mamme nei primi mesi.",
        ),
        S(
            "Laboratori per famiglie e bambini",
            "promozione-ruolo-sociale-famiglia",
            ("gioco-socialita",),
            12,
            72,
            "Laboratori da fare insieme, genitori e bambini.",
        ),
        S("Sportello psicologico", "interventi-sostegno", ("essere-genitori",), -9, 72, "Colloqui con uno psicologo."),
        S(
            "Sportello antiviolenza",
            "interventi-sostegno",
            ("ascolto-violenza",),
            -9,
            72,
            "Ascolto riservato per chi subisce violenza.",
            access="Riservato; telefona al centro o al 1522 (gratuito, 24 ore su 24).",
        ),
        S(
            "Scuola di italiano per donne straniere",
            "interventi-facilitazione",
            ("famiglie-straniere", "lettura-linguaggio"),
            -9,
            72,
            "Corso di italiano per mamme e donne arrivate da altri paesi.",
            languages=("it", "en", "fr", "ar"),
        ),
        S(
            "Sportello di pubblica tutela",
            "interventi-facilitazione",
            ("diritti-aiuti",),
            -9,
            72,
            "Informazioni su tutela e amministrazione di sostegno.",
        ),
    ),
    "Caluso": (
        S(
            "Consulenza pedagogica",
            "mediazione-consulenza-educativa",
            ("essere-genitori",),
            0,
            72,
            "Colloqui con una pedagogista.",
        ),
        S(
            "Laboratori e incontri tematici per genitori",
            "promozione-prevenzione-primaria",
            ("essere-genitori",),
            0,
            72,
            "Incontri su temi della crescita.",
        ),
        S(
            "Consulenza e mediazione familiare",
            "mediazione-familiare",
            ("separazione-mediazione",),
            -9,
            72,
            "Per coppie e genitori in conflitto o che si separano.",
        ),
        S(
            "«M'ami – Il posto delle mamme»",
            "promozione-prevenzione-primaria",
            ("gravidanza-nascita", "allattamento-alimentazione", "essere-genitori"),
            -6,
            12,
            "Un luogo d'incontro per mamme in attesa e con bambini piccoli.",
        ),
        S(
            "Sportello per donne vittime di violenza",
            "interventi-sostegno",
            ("ascolto-violenza",),
            -9,
            72,
            "Ascolto riservato.",
            access="Riservato; telefona al centro o al 1522 (gratuito, 24 ore su 24).",
        ),
    ),
    "Volpiano": (
        S(
            "Prevenzione e gestione dei conflitti in famiglia",
            "prevenzione",
            ("essere-genitori", "separazione-mediazione"),
            0,
            72,
            "Attività gratuite o a prezzo simbolico con un educatore del centro.",
            cost_free=False,
            cost_note="Gratuito o a prezzo simbolico",
        ),
    ),
}

TARGET_PER_CENTRE = 14
