"""Which services fit a child now, and which ones start within the next year."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol

from .age import Child
from .catalog import CATEGORIES, LOOKAHEAD_MONTHS
from .months import YearMonth
from .text import fold

_CATEGORY_RANK = {slug: rank for rank, slug in enumerate(CATEGORIES)}


class EntryLike(Protocol):
    id: int
    title: str
    category: str
    topics: Sequence[str]
    age_min_months: int
    age_max_months: int


@dataclass
class Upcoming:
    entry: EntryLike
    starts_in_months: int
    starts_on: YearMonth  # the month the child reaches the entry's minimum age


@dataclass
class ChildPath:
    child: Child
    now: list[EntryLike] = field(default_factory=list)
    upcoming: list[Upcoming] = field(default_factory=list)


def select_for_child(entries: Iterable[EntryLike], child: Child, topics: Sequence[str] = ()) -> ChildPath:
    age = child.age_months
    wanted = set(topics)
    now: list[EntryLike] = []
    upcoming: list[Upcoming] = []
    for entry in entries:
        if wanted and wanted.isdisjoint(entry.topics):
            continue
        if entry.age_min_months <= age <= entry.age_max_months:
            now.append(entry)
        elif age < entry.age_min_months <= age + LOOKAHEAD_MONTHS:
            # Ages count from the (expected) birth month, so this works for both kinds of child.
            starts_on = child.month.plus(entry.age_min_months)
            upcoming.append(Upcoming(entry, entry.age_min_months - age, starts_on))
    now.sort(key=_entry_key)
    upcoming.sort(key=lambda u: (u.starts_in_months, *_entry_key(u.entry)))
    return ChildPath(child=child, now=now, upcoming=upcoming)


def group_by_category(entries: Iterable[Any]) -> list[tuple[str, list[Any]]]:
    """Non-empty groups in CATEGORIES order, unknown categories last; entries keep their order."""
    groups: dict[str, list[Any]] = {}
    for entry in entries:
        groups.setdefault(entry.category, []).append(entry)
    order = sorted(groups, key=lambda c: _CATEGORY_RANK.get(c, len(CATEGORIES)))  # stable for unknowns
    return [(category, groups[category]) for category in order]


def _entry_key(entry: EntryLike) -> tuple[int, int, str, int]:
    return (
        _CATEGORY_RANK.get(entry.category, len(CATEGORIES)),
        entry.age_min_months,
        fold(entry.title),
        entry.id,
    )
