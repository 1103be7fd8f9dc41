"""Italian words the staff's CSV files read and write for fixed vocabularies (data, not presentation).

The words only the staff screens show, and the age words, live in view/staff_labels.py and view/wording.py."""

from __future__ import annotations

from ..i18n import t
from .catalog import CATEGORIES, TOPICS
from .text import fold
from .vocabulary import EntryStatus, StatoVerifica

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

STATO_VERIFICA_LABELS: dict[str, str] = {
    StatoVerifica.VERIFICATO: "Verificato",
    StatoVerifica.PARZIALE: "Verificato in parte",
    StatoVerifica.SOLO_NOME: "Solo il nome è noto",
    StatoVerifica.INCERTO: "Incerto",
}


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
