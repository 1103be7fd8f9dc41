"""The "in my language" filter (`lingua=ar` in a path link): only what a centre has stated counts.

A service is in a language when its centre says so in the entry's languages (CardEntry.languages)
and the entry is the centre's own word, not an example the project wrote (`is_example`: its
languages are a default, not a fact). Nothing is guessed from a centre's name or a service's
topic. When no service of the path states the language, the path is shown whole and says so,
instead of showing nothing.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import Protocol, TypeVar

# Two-letter ISO 639-1 codes, as the entry form stores them (domain/entry_form.py).
LINGUA_PATTERN = r"^[a-z]{2}$"
_CODE = re.compile(LINGUA_PATTERN)


class StatesLanguages(Protocol):
    languages: Sequence[str] | None
    is_example: bool


E = TypeVar("E", bound=StatesLanguages)


def is_lingua_code(value: object) -> bool:
    return isinstance(value, str) and bool(_CODE.match(value))


def states_language(entry: StatesLanguages, lingua: str) -> bool:
    """True when the centre itself says the service is offered in `lingua`."""
    return not entry.is_example and lingua in (entry.languages or ())


def in_language(entries: Iterable[E], lingua: str | None) -> list[E]:
    """The entries a centre has stated in `lingua` (all of them when no language is asked)."""
    entries = list(entries)
    if lingua is None:
        return entries
    return [e for e in entries if states_language(e, lingua)]


def stated_languages(entries: Iterable[StatesLanguages]) -> list[str]:
    """The languages the centres have stated for their services, Italian aside (every service speaks it)."""
    found = {code for e in entries if not e.is_example for code in (e.languages or ()) if is_lingua_code(code)}
    return sorted(found - {"it"})
