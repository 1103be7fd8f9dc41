"""Which services fit a child now, which ones start within the next year, and where the page shows each once.

Order by fit: for a child, a service made for a narrow age range that contains the child's age says more
than one "from pregnancy to 6 years", so narrow ranges come first (then the Carta's category order).
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Protocol

from .age import Child
from .catalog import CATEGORIES, LOOKAHEAD_MONTHS, SITUATIONAL_TOPICS
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
    now.sort(key=fit_key)
    upcoming.sort(key=lambda u: (u.starts_in_months, *fit_key(u.entry)))
    return ChildPath(child=child, now=now, upcoming=upcoming)


def fit_key(entry: EntryLike) -> tuple[int, int, int, str, int, str]:
    """Narrowest age range first; then the Carta's category order, the youngest start, the title, the id.

    The title as written comes last so two entries never tie ("Nido"/"nido" fold alike): the order never
    depends on the order the database returned them in."""
    return (
        entry.age_max_months - entry.age_min_months,
        _CATEGORY_RANK.get(entry.category, len(CATEGORIES)),
        entry.age_min_months,
        fold(entry.title),
        entry.id,
        entry.title,
    )


def is_situational(topics: Iterable[str], picked: Iterable[str] = ()) -> bool:
    """A service for some families only (SITUATIONAL_TOPICS), unless the parent asked for that topic."""
    own = SITUATIONAL_TOPICS.intersection(topics)
    return bool(own) and own.isdisjoint(picked)


@dataclass
class Placed:
    """One service as the page shows it: once, saying for which children."""

    key: Hashable  # the entry's id
    now_for: tuple[int, ...] = ()  # children (indexes) it fits now
    soon_for: tuple[int, ...] = ()  # children for whom it starts within the year (and does not fit now)


@dataclass
class Placement:
    now: list[list[Placed]]  # per child: services that fit this child only, best fit first
    shared: list[tuple[tuple[int, ...], list[Placed]]]  # services that fit these children now
    upcoming: list[list[Placed]]  # per child: fit no child now, start soonest for this one
    situational: list[Placed]  # shown once, collapsed: those that fit now first


def place(
    now: Sequence[Sequence[Hashable]],
    soon: Sequence[Sequence[tuple[Hashable, int]]],
    situational: Callable[[Hashable], bool] = lambda key: False,
) -> Placement:
    """Where each service goes on a page for several children, so that no service is shown twice.

    `now[i]` are child i's services in its order (select_for_child's), `soon[i]` its (key, starts_in_months).
    A service that fits several children now is shown once in a shared group; one that fits a child now
    is not repeated under another child's "coming months"; a coming one is shown under the child for
    whom it starts soonest.
    """
    n = len(now)
    now_for: dict[Hashable, list[int]] = {}
    first_seen: dict[Hashable, tuple[int, int]] = {}  # (child, position) of its first appearance
    for child, keys in enumerate(now):
        for pos, key in enumerate(keys):
            now_for.setdefault(key, []).append(child)
            first_seen.setdefault(key, (child, pos))
    soon_for: dict[Hashable, list[tuple[int, int, int]]] = {}  # key -> [(starts_in, child, position)]
    for child, items in enumerate(soon):
        for pos, (key, starts_in) in enumerate(items):
            soon_for.setdefault(key, []).append((starts_in, child, pos))

    def placed(key: Hashable) -> Placed:
        return Placed(key, tuple(now_for.get(key, ())), tuple(sorted(c for _, c, _ in soon_for.get(key, ()))))

    result = Placement(now=[[] for _ in range(n)], shared=[], upcoming=[[] for _ in range(n)], situational=[])
    shared: dict[tuple[int, ...], list[Placed]] = {}
    for key in sorted(now_for, key=lambda k: first_seen[k]):
        item = placed(key)
        if situational(key):
            result.situational.append(item)
        elif len(item.now_for) > 1:
            shared.setdefault(item.now_for, []).append(item)
        else:
            result.now[item.now_for[0]].append(item)
    home: list[list[tuple[int, Placed]]] = [[] for _ in range(n)]
    situational_later: list[tuple[tuple[int, int, int], Placed]] = []
    for key, starts in soon_for.items():
        if key in now_for:
            continue  # already shown for the child it fits now, saying for whom else it starts soon
        starts_in, child, pos = min(starts)  # soonest start; on a tie, the first child
        if situational(key):
            situational_later.append(((starts_in, child, pos), placed(key)))
        else:
            home[child].append((pos, placed(key)))
    result.upcoming = [[item for _, item in sorted(items, key=lambda x: x[0])] for items in home]
    result.situational += [item for _, item in sorted(situational_later, key=lambda x: x[0])]
    result.shared = sorted(shared.items(), key=lambda kv: (-len(kv[0]), kv[0]))
    return result
