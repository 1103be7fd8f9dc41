"""The "in my language" filter (`lingua=ar` in a path link): only what a centre has stated counts.

A service is in a language when its centre says so in the entry's languages (CardEntry.languages)
and the entry is the centre's own word, not an example the project wrote (`is_example`: its
languages are a default, not a fact). Nothing is guessed from a centre's name or a service's
topic. When no service of the path states the language, the path is shown whole and says so,
instead of showing nothing.

A centre may also state that it has a cultural mediator in a language (Centro.mediation_languages).
Then every service of that centre is kept for a parent asking for that language: the centre says it
can mediate, so the parent can use them with its help. The path says so beside the centre (a
mediator, not a service in the language): the two facts are never merged into one.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable, Sequence
from typing import Protocol, TypeVar

# Two-letter ISO 639-1 codes, as the entry form stores them (domain/entry_form.py).
LANGUAGE_PATTERN = r"^[a-z]{2}$"
_CODE = re.compile(LANGUAGE_PATTERN)


class StatesLanguages(Protocol):
    languages: Sequence[str] | None
    is_example: bool


class OfCentro(StatesLanguages, Protocol):
    centro_id: int


class MediatesLanguages(Protocol):
    id: int | None
    mediation_languages: Sequence[str] | None


E = TypeVar("E", bound=OfCentro)


def is_language_code(value: object) -> bool:
    return isinstance(value, str) and bool(_CODE.match(value))


def states_language(entry: StatesLanguages, language: str) -> bool:
    """True when the centre itself says the service is offered in `language`."""
    return not entry.is_example and language in (entry.languages or ())


def mediates(centro: MediatesLanguages, language: str) -> bool:
    """True when the centre itself says it has a cultural mediator in `language`."""
    return language in (centro.mediation_languages or ())


def mediating(centri: Iterable[MediatesLanguages], language: str | None) -> frozenset[int]:
    """The ids of the centres with a mediator in `language` (none when no language is asked)."""
    if language is None:
        return frozenset()
    return frozenset(c.id for c in centri if c.id is not None and mediates(c, language))


def in_language(entries: Iterable[E], language: str | None, mediating_centri: Collection[int] = ()) -> list[E]:
    """The entries a centre has stated in `language`, and every entry of a centre with a mediator in it
    (`mediating_centri`, from `mediating`); all of them when no language is asked."""
    entries = list(entries)
    if language is None:
        return entries
    return [e for e in entries if states_language(e, language) or e.centro_id in mediating_centri]


def stated_languages(entries: Iterable[StatesLanguages], centri: Iterable[MediatesLanguages] = ()) -> list[str]:
    """The languages the centres have stated for their services or their mediators, Italian aside
    (every service speaks it)."""
    found = {code for e in entries if not e.is_example for code in (e.languages or ())}
    found |= {code for c in centri for code in (c.mediation_languages or ())}
    return sorted({code for code in found if is_language_code(code)} - {"it"})
