"""Fixed vocabularies of the Carta ZeroSei.

Slugs are stable identifiers (they appear in shared links and in the database);
their human labels live in the i18n catalogues (`category.<slug>`, `topic.<slug>`).
"""

# Display order matters: the path page lists services grouped in this order.
CATEGORIES: tuple[str, ...] = (
    "mediazione-familiare",
    "mediazione-consulenza-educativa",
    "promozione-prevenzione-primaria",
    "prevenzione",
    "informazione-sensibilizzazione",
    "promozione-ruolo-sociale-famiglia",
    "interventi-facilitazione",
    "interventi-sostegno",
    "cittadinanza-attiva",
    "servizi-territorio",
)

# Chips a parent may pick, in display order.
TOPICS: tuple[str, ...] = (
    "gravidanza-nascita",
    "allattamento-alimentazione",
    "sonno-pianto",
    "gioco-socialita",
    "lettura-linguaggio",
    "essere-genitori",
    "separazione-mediazione",
    "salute-sviluppo",
    "nido-scuola",
    "famiglie-straniere",
    "disabilita",
    "diritti-aiuti",
    "ascolto-violenza",
    "affido-adozione",
    "lutto",
)

# Situational or sensitive topics: a service tagged with one of them concerns some families only
# (a separation, a bereavement, violence, fostering or adoption, a disability, a family from abroad).
# The path shows it once, in a collapsed "Se ti serve anche…" group, unless the parent picked that topic.
# Staff decide by the topics they give an entry (docs/DOMAIN_SPEC.md).
SITUATIONAL_TOPICS: frozenset[str] = frozenset(
    {
        "separazione-mediazione",
        "lutto",
        "ascolto-violenza",
        "affido-adozione",
        "disabilita",
        "famiglie-straniere",
    }
)

# Ages are whole months; negative ages are months before the expected birth.
MIN_AGE_MONTHS = -9  # start of pregnancy
MAX_AGE_MONTHS = 72  # 6 years: a child aged exactly 72 months is still served, 73 is not

MAX_CHILDREN = 6
LOOKAHEAD_MONTHS = 12  # how far ahead "coming soon" services are shown

PROVINCE: dict[str, str] = {
    "TO": "Torino",
    "CN": "Cuneo",
    "AL": "Alessandria",
    "AT": "Asti",
    "NO": "Novara",
    "VB": "Verbano-Cusio-Ossola",
    "VC": "Vercelli",
    "BI": "Biella",
}
