"""Italian words the staff screens and CSV files use for fixed vocabularies."""

from __future__ import annotations

from ..i18n import t
from .catalog import CATEGORIES, MAX_AGE_MONTHS, MIN_AGE_MONTHS, TOPICS
from .text import fold
from .vocabulary import EntryStatus, OrigineCopertura, ReportKind, ReportStatus, Ruolo, StatoVerifica

STATUS_LABELS: dict[str, str] = {
    EntryStatus.DRAFT: "Bozza",
    EntryStatus.PUBLISHED: "Pubblicata",
    EntryStatus.ARCHIVED: "Archiviata",
}
# CSV files written by hand may use the Italian words, masculine or feminine, or the codes.
STATUS_WORDS: dict[str, str] = {
    "draft": EntryStatus.DRAFT,
    "bozza": EntryStatus.DRAFT,
    "published": EntryStatus.PUBLISHED,
    "pubblicata": EntryStatus.PUBLISHED,
    "pubblicato": EntryStatus.PUBLISHED,
    "archived": EntryStatus.ARCHIVED,
    "archiviata": EntryStatus.ARCHIVED,
    "archiviato": EntryStatus.ARCHIVED,
}

REPORT_STATUS_LABELS: dict[str, str] = {
    ReportStatus.NUOVA: "Nuova",
    ReportStatus.IN_LAVORAZIONE: "In lavorazione",
    ReportStatus.RISOLTA: "Risolta",
}
REPORT_KIND_LABELS: dict[str, str] = {
    ReportKind.CHIUSO: "Servizio o centro chiuso",
    ReportKind.CONTATTI_ORARI: "Contatti o orari sbagliati",
    ReportKind.ALTRO: "Altro",
}
ORIGINE_LABELS: dict[str, str] = {
    OrigineCopertura.ESPLICITO: "confermato",
    OrigineCopertura.ENTE_GESTORE: "stesso ente gestore",
    OrigineCopertura.INFERITO: "dedotto (centro più vicino)",
}
STATO_VERIFICA_LABELS: dict[str, str] = {
    StatoVerifica.VERIFICATO: "Verificato",
    StatoVerifica.PARZIALE: "Verificato in parte",
    StatoVerifica.SOLO_NOME: "Solo il nome è noto",
    StatoVerifica.INCERTO: "Incerto",
}
ROLE_LABELS: dict[str, str] = {Ruolo.OPERATORE: "Operatore di centro", Ruolo.REGIONE: "Ufficio regionale"}


def category_label(slug: str) -> str:
    return t(f"category.{slug}", "it") if slug in CATEGORIES else slug


def topic_label(slug: str) -> str:
    return t(f"topic.{slug}", "it") if slug in TOPICS else slug


def _lookup(vocabulary: tuple[str, ...], label_of) -> dict[str, str]:
    table = {}
    for slug in vocabulary:
        table[fold(slug)] = slug
        table[fold(label_of(slug))] = slug
    return table


_CATEGORY_LOOKUP = _lookup(CATEGORIES, category_label)
_TOPIC_LOOKUP = _lookup(TOPICS, topic_label)


def category_from_text(text: str) -> str | None:
    """A slug or an Italian label, any case or accents → the slug."""
    return _CATEGORY_LOOKUP.get(fold(text))


def topic_from_text(text: str) -> str | None:
    return _TOPIC_LOOKUP.get(fold(text))


def age_words(months: int) -> str:
    """Words for an age bound in months: -9 → "9 mesi prima della nascita", 18 → "1 anno e 6 mesi"."""
    if months < 0:
        n = -months
        return f"{n} mes{'e' if n == 1 else 'i'} prima della nascita"
    if months == 0:
        return "alla nascita"
    years, rest = divmod(months, 12)
    parts = []
    if years:
        parts.append(f"{years} ann{'o' if years == 1 else 'i'}")
    if rest:
        parts.append(f"{rest} mes{'e' if rest == 1 else 'i'}")
    return " e ".join(parts)


def age_range_words(age_min: int, age_max: int) -> str:
    """ "dalla nascita a 1 anno", "da 3 mesi prima della nascita a 2 anni"."""
    if age_min == MIN_AGE_MONTHS and age_max == MAX_AGE_MONTHS:
        return "dalla gravidanza ai 6 anni"
    start = (
        "dalla nascita"
        if age_min == 0
        else ("dall'inizio della gravidanza" if age_min == MIN_AGE_MONTHS else f"da {age_words(age_min)}")
    )
    end = "alla nascita" if age_max == 0 else ("ai 6 anni" if age_max == MAX_AGE_MONTHS else f"a {age_words(age_max)}")
    return f"{start} {end}"


AGE_CHOICES: tuple[tuple[int, str], ...] = tuple(
    (m, f"{age_words(m)} ({m})") for m in range(MIN_AGE_MONTHS, MAX_AGE_MONTHS + 1)
)
