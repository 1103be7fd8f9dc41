"""What parents read about each centre, cleaned from the research files (see PROVENANCE.md).

The research rows (centri_famiglie_piemonte.csv, 2025; centri_ricerca_2026-11-29.csv) mix facts
with the researcher's notes: "via Mattirolo (numero civico non indicato)", a name "(nome in
traduzione inglese nella fonte…)", a phone "(2021, su appuntamento; dato della riga esistente)".
Here each centre gets the plain name, address, contacts and hours a parent can use; everything
else the sources say is kept, word for word, in the centre's staff-only `internal_notes`
(built by data/seed_update.py). Nothing here is new information: only the wording is shorter.
"""

from __future__ import annotations

from dataclasses import dataclass

RICERCA = "centri_ricerca_2026-11-29.csv"


@dataclass(frozen=True)
class CuratedCentro:
    source_key: str  # stable key, stored as Centro.source_key
    codice_istat: str
    name: str
    status: str  # verificato | parziale | solo_nome | incerto (the research's own label, first word)
    address: str | None = None
    phone: str | None = None
    email: str | None = None
    website: str | None = None  # the centre's own site only (an ente's site belongs to the ente)
    hours: str | None = None
    hours_as_of: str | None = None  # when the source gave the hours (Centro.hours_as_of)
    ente: str | None = None  # key of the ente gestore (sigla, else name) as data/seed.py loads them
    ente_text: str | None = None  # who runs it, as parents read it, when it is not a registered ente gestore
    name_2025: str | None = None  # its name in centri_famiglie_piemonte.csv, to find a seeded centre
    name_research: str | None = None  # its name in centri_ricerca_2026-11-29.csv (provenance)


CENTRI: tuple[CuratedCentro, ...] = (
    # ------------------------------------------------ known centres (2025 file), updated by the 2026 research
    CuratedCentro(
        "torino-relazioni-famiglie",
        "001272",
        "Centro Relazioni e Famiglie",
        "verificato",
        address="Via Bruino 4 (vicino alla fermata Bernini della metropolitana)",
        website="http://www.comune.torino.it/relazioniefamiglie/",
        ente="Comune di Torino",
        name_2025="Centro Relazioni e Famiglie",
        name_research="Centro Relazioni e Famiglie",
    ),
    CuratedCentro(
        "cuneo-csac",
        "004078",
        "Centro per le Famiglie del Consorzio Socio Assistenziale del Cuneese",
        "verificato",
        address="Via Bongioanni 36, primo piano (ex Palazzo degli Uffici Finanziari)",
        ente="CSAC",
        name_2025="Centro per le Famiglie del Consorzio Socio Assistenziale del Cuneese",
    ),
    CuratedCentro(
        "alba-langhe-roero",
        "004003",
        "Centro Famiglie del Consorzio Socio Assistenziale Alba Langhe Roero",
        "parziale",
        address="Via Manzoni 8, primo piano",
        ente="Consorzio Socio Assistenziale Alba Langhe Roero",
        name_2025="Centro Famiglie (con Centro Adozioni) del Consorzio Socio Assistenziale Alba Langhe Roero",
        name_research="Centro Famiglie del Consorzio Socio Assistenziale Alba Langhe Roero",
    ),
    CuratedCentro(
        "alessandria-punto-di",
        "006003",
        "Centro per le famiglie «Punto DI»",
        "parziale",
        address="Via Parini 21, vicino a piazza Ceriana (quartiere Cristo)",
        hours="Sportello per le famiglie: lunedì, mercoledì e venerdì 9-12",
        hours_as_of="covid",  # "successivamente (periodo Covid, anno non indicato)"
        ente="CISSACA",
        name_2025='Centro per le famiglie "Punto DI" (quartiere Cristo)',
        name_research=(
            "Centro per le famiglie 'Punto DI' - Centro per Famiglie, Bambini e Adolescenti (quartiere Cristo)"
        ),
    ),
    CuratedCentro(
        "tortona-cisa",
        "006174",
        "Centro per le Famiglie del C.I.S.A. Tortona",
        "parziale",
        address="Corso Alessandria, di fronte al municipio",
        ente="CISA Tortona",
        name_2025="Centro per le Famiglie del C.I.S.A. Tortona",
        name_research="Centro per le Famiglie del C.I.S.A. Tortona",
    ),
    CuratedCentro(
        "csp-villa-zucca",
        "006009",
        "Centro Famiglia Villa Zucca (CSP)",
        "parziale",
        address="Villa Zucca",
        ente="CSP",
        name_2025="Riferimento zona del Novese: CSP",
        name_research="Centro Famiglia Villa Zucca - CSP (gia 'Riferimento zona del Novese: CSP')",
    ),
    CuratedCentro(
        "asti-comune",
        "005005",
        "Centro per le Famiglie del Comune di Asti",
        "parziale",
        address="Piazza Roma 4",
        phone="0141 399490 (su appuntamento)",
        hours="Sportello di orientamento per le famiglie in via Torchio 51: 14:30-16:30, senza prenotazione",
        hours_as_of="2026-01",
        ente="Comune di Asti",
        name_2025="Centro per le Famiglie",
        name_research="Centro per le Famiglie del Comune di Asti",
    ),
    CuratedCentro(
        "canelli-cisa-asti-sud",
        "005017",
        "Centro polifunzionale per le famiglie «Luigiterzo Bosca» del CISA Asti Sud",
        "parziale",
        address="Via Solferino, palazzo ex Pretura",
        ente="CISA Asti Sud",
        name_2025='Centro polifunzionale per le famiglie "Luigi Terzo Bosca" del CISA Asti Sud',
        name_research=("Centro polifunzionale per le famiglie 'Luigiterzo Bosca' - Centro Famiglia del CISA Asti Sud"),
    ),
    CuratedCentro(
        "novara-comune",
        "003106",
        "Centro per le Famiglie di Novara",
        "parziale",
        address="Via della Riotta 19D (quartiere Sant'Agabio)",
        ente="Comune di Novara",
        name_2025="Centro per le Famiglie di Novara",
        name_research="Centro per le Famiglie di Novara",
    ),
    CuratedCentro(
        "biella-iris-patio",
        "096004",
        "Centro per le Famiglie «Il Patio» del Consorzio I.R.I.S.",
        "parziale",
        address="Via Caraccio, palazzina ex Monte di Pietà (angolo via della Repubblica)",
        phone="335 7920454",
        email="patio@consorzioiris.net",
        ente="IRIS",
        name_2025='Centro per le Famiglie I.R.I.S. - servizio "Il Patio"',
        name_research="Centro per le Famiglie 'Il Patio' - Consorzio I.R.I.S.",
    ),
    CuratedCentro(
        "rivarolo-ciss38",
        "001217",
        "Centro Famiglie - Polo Sociale delle Famiglie (CISS 38)",
        "parziale",
        address="Scuderie del Castello Malgrà (ex Pretura)",
        ente="CISS 38",
        name_2025="Centro Famiglie - Polo Sociale delle Famiglie",
        name_research="Centro Famiglie - Polo Sociale delle Famiglie (CISS 38)",
    ),
    CuratedCentro(
        "caluso-cissac",
        "001047",
        "Centro per le famiglie del CISSAC",
        "parziale",  # the source doubts its name ("nome originale italiano non confermato")
        address="Via Mattirolo",
        ente="CISSAC",
        name_2025=(
            'Centro per le famiglie del CISSAC (nome in traduzione inglese nella fonte: "Hitchhiking - A piece of '
            'road together")'
        ),
    ),
    CuratedCentro(
        "volpiano-unione-net",
        "001314",
        "Centro per le Famiglie Unione NET - sede di Volpiano",
        "verificato",
        address="Via Basta 28",
        ente="Unione NET",
        name_2025="Centro per le Famiglie diffuso Unione NET - sede di Volpiano",
    ),
    CuratedCentro(
        "settimo-facendofamiglia",
        "001265",
        "Centro per la Famiglia «Facendofamiglia» (Unione NET)",
        "solo_nome",
        ente="Unione NET",
        name_2025='Centro per le Famiglie "Facendo Famiglia"',
        name_research="Centro per la Famiglia 'Facendofamiglia' (Unione NET)",
    ),
    CuratedCentro(
        "san-benigno-unione-net",
        "001236",
        "Centro per le Famiglie di San Benigno Canavese (Unione NET)",
        "solo_nome",
        ente="Unione NET",
        name_2025="Centro per le Famiglie di San Benigno Canavese",
    ),
    CuratedCentro(
        "verbania-doremifa",
        "103072",
        "Servizio educativo per minori DOREMIFA",
        "incerto",
        ente="CSS Verbano",
        name_2025=(
            'Servizio Educativo per minori DOREMIFA ("sempre più si sta configurando come Centro per le famiglie")'
        ),
    ),
    # ------------------------------------------------ new in the 2026 research
    CuratedCentro(
        "vercelli-villa-cingoli",
        "002158",
        "Villa Cingoli - Centro per le Famiglie del Comune di Vercelli",
        "verificato",
        address="Via Ludovico Ariosto 2",
        website="https://villacingoli.it",
        ente_text="Comune di Vercelli",
        name_research="Villa Cingoli - Centro per le Famiglie del Comune di Vercelli",
    ),
    CuratedCentro(
        "varallo-unione-valsesia",
        "002156",
        "Centro Famiglia dell'Unione Montana dei Comuni della Valsesia",
        "parziale",
        ente_text="Unione Montana dei Comuni della Valsesia",
        name_research="Centro Famiglia dell'Unione Montana dei Comuni della Valsesia",
    ),
    CuratedCentro(
        "casale-monferrato",
        "006039",
        "Centro per le famiglie di Casale Monferrato",
        "parziale",
        ente_text="ASL AL (servizio socio-assistenziale)",
        name_research="Centro per le famiglie di Casale Monferrato",
    ),
    CuratedCentro(
        "pinerolo-ciss",
        "001191",
        "Centro Famiglie del CISS del Pinerolese - sede di Pinerolo",
        "parziale",
        address="Via Montebello 34",
        hours="Sportello informativo il mercoledì mattina",
        hours_as_of="2019",
        ente="CISS Pinerolese",
        name_research="Centro Famiglie del CISS - sede di Pinerolo",
    ),
    CuratedCentro(
        "torre-pellice-ciss",
        "001275",
        "Centro Famiglie del CISS del Pinerolese - sede di Torre Pellice",
        "parziale",
        address="Nei locali del Centro diurno per persone con disabilità",
        ente="CISS Pinerolese",
        name_research="Centro per le Famiglie del CISS - sede di Torre Pellice",
    ),
    CuratedCentro(
        "monviso-savigliano",
        "004215",
        "Centro per le Famiglie del Consorzio Monviso Solidale - sede di Savigliano",
        "parziale",
        hours="Ludoteca «La casa sull'Albero»: tre pomeriggi e una mattina a settimana",
        hours_as_of="2021-2022",  # the INAPP report (circa 2021-2022)
        ente="Monviso Solidale",
        name_research=(
            "Centro per le Famiglie del Consorzio Monviso Solidale - sede di Savigliano "
            "(con ludoteca 'La casa sull'Albero')"
        ),
    ),
    CuratedCentro(
        "monviso-saluzzo",
        "004203",
        "Centro per le Famiglie del Consorzio Monviso Solidale - sede di Saluzzo",
        "solo_nome",
        ente="Monviso Solidale",
        name_research="Centro per le Famiglie del Consorzio Monviso Solidale - sede di Saluzzo",
    ),
    CuratedCentro(
        "monviso-fossano",
        "004089",
        "Centro per le Famiglie del Consorzio Monviso Solidale - sede di Fossano",
        "solo_nome",
        ente="Monviso Solidale",
        name_research="Centro per le Famiglie del Consorzio Monviso Solidale - sede di Fossano",
    ),
    CuratedCentro(
        "omegna-la-zattera",
        "103050",
        "Centro per le famiglie «La Zattera» del CISS Cusio",
        "verificato",
        address="Via Cattaneo 6",
        ente="CISS Cusio",
        name_research="Centro per le famiglie 'La Zattera' - CISS Cusio",
    ),
    CuratedCentro(
        "domodossola-ciss-ossola",
        "103028",
        "Centro per la famiglia del CISS Ossola",
        "parziale",
        address="Via Mizzoccola, locali sotto la chiesa del Badulerio",
        ente="CISS Ossola",
        name_research="Centro per la famiglia del CISS Ossola",
    ),
    CuratedCentro(
        "gattinara-casa",
        "002061",
        "Centro per le famiglie del Consorzio CASA (palazzina «Benvenuti a Casa»)",
        "parziale",
        address="Viale Marconi (palazzina «Benvenuti a Casa»)",
        ente="Consorzio CASA",
        name_research="Centro per le famiglie del Consorzio CASA (palazzina 'Benvenuti a Casa')",
    ),
    CuratedCentro(
        "leini-unione-net",
        "001130",
        "Centro per le Famiglie Unione NET - sede di Leinì",
        "solo_nome",
        ente="Unione NET",
        name_research="Centro per le Famiglie Unione NET - sede di Leinì",
    ),
    CuratedCentro(
        "borgomanero-ciss",
        "003024",
        "Centro di Tutela per la Famiglia del CISS di Borgomanero",
        "incerto",
        address="Accanto alla sede del CISS, vicino al Foro Boario",
        ente="CISS Borgomanero",
        name_research="Centro di Tutela per la Famiglia - CISS Borgomanero",
    ),
)

# Enti gestori found in IndicePA but not in enti_gestori_piemonte.csv (contatti_enti_gestori_extra_ipa.csv):
# the short name (sigla) they get here, keyed by their IPA code.
ENTI_EXTRA_SIGLE = {
    "cipsas": "CISAS Santhià",
    "cis_orba": "CIDIS Orbassano",
    "cisarivo": "CISA Rivoli",
    "CISCIRIE": "CIS Ciriè",
    "cissa_1": "CISS Cusio",
    "cissa_pi": "CISSA Pianezza",
    "clasa": "Consorzio CASA",
    "cogesa": "CO.GE.SA.",
    "css": "CSS Ovadese",
}
