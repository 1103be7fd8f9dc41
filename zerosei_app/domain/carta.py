"""The Carta as a document: centre slugs (stable addresses) and the Carta's activity areas.

Pure Python: the pages, the print edition and the API all use it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from .catalog import CATEGORIES
from .text import fold

# --- Slugs -------------------------------------------------------------------------------------

SLUG_MAX = 60
SLUG_PATTERN = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
# Words every centre's name shares: they make addresses long without telling centres apart.
_GENERIC = re.compile(r"\b(?:centro (?:polifunzionale )?(?:per (?:le |la )?)?famigli[ae])\b ?")
_LEADING_OF = re.compile(r"^(?:del|della|dell|dei|di|delle|dello) ")


def _words(text: str) -> str:
    return "-".join(fold(text).split())


def slug_base(nome: str, comune: str) -> str:
    """`torino-centro-relazioni-e-famiglie`: the comune, then what names this centre.

    Notes in brackets ("(quartiere Cristo)", translations in the source) and the generic
    "Centro per le famiglie" are dropped; at most SLUG_MAX characters, cut at a word.
    """
    name = re.sub(r"\([^)]*\)", " ", nome).replace(".", "")  # "C.I.S.A." → "cisa"
    name = fold(name)
    place = _words(comune)
    # "… del Comune di Asti", "… - sede di Pinerolo": the place is already the slug's first part.
    here = re.escape(fold(comune))
    name = re.sub(rf"\b(?:(?:del |di )?comune di |sede di ){here}\b", " ", _GENERIC.sub(" ", name))
    name = re.sub(r"\s*-\s*$|^\s*-\s*", "", re.sub(r"\s+", " ", name).strip())
    name = _LEADING_OF.sub("", name).strip(" -")
    own = "-".join(name.split())
    if own == place or own.startswith(place + "-"):
        slug = own
    else:
        slug = "-".join(part for part in (place, own) if part)
    if len(slug) > SLUG_MAX:
        slug = slug[: SLUG_MAX + 1].rsplit("-", 1)[0]
    return slug or "centro"


# Addresses under /carta that are pages of their own, never a centre.
RESERVED = frozenset({"stampa", "mappa"})


def unique_slug(base: str, taken: Iterable[str]) -> str:
    """`base`, else `base-2`, `base-3`… (a slug once used by any centre is never reused)."""
    used = set(taken) | RESERVED
    if base not in used:
        return base
    n = 2
    while f"{base}-{n}" in used:
        n += 1
    return f"{base}-{n}"


def slug_fits(slug: str, base: str) -> bool:
    """True when `slug` is `base` or a numbered variant of it (so a rename is not needed)."""
    return slug == base or re.fullmatch(re.escape(base) + r"-[0-9]+", slug) is not None


def is_slug(text: str) -> bool:
    return len(text) <= SLUG_MAX + 8 and SLUG_PATTERN.fullmatch(text) is not None


# --- Activity areas ----------------------------------------------------------------------------

# The Carta's nine activity areas, in the Carta's order; an entry's `category` names its area.
AREAS: tuple[str, ...] = CATEGORIES[:9]
# Entries run by other local services (consultorio, biblioteca…): the Carta lists them after the
# nine areas, as the good practices "nearest the family's home".
OTHER_AREA = "servizi-territorio"
_RANK = {slug: i for i, slug in enumerate((*AREAS, OTHER_AREA))}


def area_of(category: str) -> str:
    return category if category in _RANK else OTHER_AREA


def group_by_area(entries: Iterable[Any]) -> list[tuple[str, list[Any]]]:
    """Non-empty areas in the Carta's order; inside an area by age, then title (`.category`,
    `.age_min_months`, `.title` are read). Every entry lands in exactly one group."""
    groups: dict[str, list[Any]] = {}
    for entry in entries:
        groups.setdefault(area_of(entry.category), []).append(entry)
    for items in groups.values():
        items.sort(key=lambda e: (e.age_min_months, e.age_max_months, fold(e.title)))
    return [(area, groups[area]) for area in sorted(groups, key=_RANK.__getitem__)]
