"""The life of an entry: draft → published → archived, restore from the archive. Never deleted."""

from __future__ import annotations

from .vocabulary import EntryStatus

# action → (allowed from, resulting status, what the audit log calls it)
TRANSITIONS: dict[str, tuple[frozenset[str], str]] = {
    "publish": (frozenset({EntryStatus.DRAFT}), EntryStatus.PUBLISHED),
    "unpublish": (frozenset({EntryStatus.PUBLISHED}), EntryStatus.DRAFT),
    "archive": (frozenset({EntryStatus.DRAFT, EntryStatus.PUBLISHED}), EntryStatus.ARCHIVED),
    # Back from the archive as a draft, so it is read again before parents see it.
    "unarchive": (frozenset({EntryStatus.ARCHIVED}), EntryStatus.DRAFT),
}

ACTION_LABELS: dict[str, str] = {
    "publish": "Pubblica",
    "unpublish": "Ritira (torna bozza)",
    "archive": "Archivia",
    "unarchive": "Ripristina dall'archivio",
}

DONE_MESSAGES: dict[str, str] = {
    "publish": "Voce pubblicata: ora le famiglie la vedono.",
    "unpublish": "Voce ritirata: ora è una bozza, le famiglie non la vedono.",
    "archive": "Voce archiviata: le famiglie non la vedono più. Puoi ripristinarla dall'archivio.",
    "unarchive": "Voce ripristinata come bozza: controllala e pubblicala quando è pronta.",
}


class TransitionError(ValueError):
    pass


def next_status(action: str, current: str) -> str:
    if action not in TRANSITIONS:
        raise TransitionError("Azione sconosciuta.")
    allowed, target = TRANSITIONS[action]
    if current not in allowed:
        raise TransitionError("Questa azione non è possibile nello stato attuale della voce: ricarica la pagina.")
    return target


def actions_for(status: str) -> list[str]:
    return [a for a, (allowed, _) in TRANSITIONS.items() if status in allowed]
