"""Search, filters and sort of one centre's entries (a few hundred at most: done in memory)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date
from typing import Any

from .review import is_stale
from .staff_forms import EntryListQuery
from .text import fold
from .vocabulary import EntryStatus


def matches(e: Any, q: EntryListQuery, today: date) -> bool:
    if q.status == "attive" and e.status == EntryStatus.ARCHIVED:
        return False
    if q.status not in ("", "attive") and e.status != q.status:
        return False
    if q.area and e.category != q.area:
        return False
    if q.topic and q.topic not in (e.topics or []):
        return False
    if q.verification == "da_verificare" and (
        e.status == EntryStatus.ARCHIVED or not is_stale(e.last_reviewed_on, today)
    ):
        return False
    if q.q:
        haystack = fold(" ".join([e.title, e.summary, e.description, e.provider, e.location]))
        if not all(word in haystack for word in fold(q.q).split()):
            return False
    return True


def sort_key(order: str, today: date):
    if order == "modificate":
        return lambda e: (-e.updated_at.timestamp(), e.id)
    if order == "verifica":
        return lambda e: (e.last_reviewed_on or date.min, fold(e.title), e.id)
    if order == "eta":
        return lambda e: (e.age_min_months, e.age_max_months, fold(e.title), e.id)
    return lambda e: (fold(e.title), e.id)


def filter_entries(entries: Iterable[Any], q: EntryListQuery, today: date) -> list[Any]:
    found = [e for e in entries if matches(e, q, today)]
    found.sort(key=sort_key(q.order, today))
    return found


def count_stale(entries: Sequence[Any], today: date) -> int:
    """Entries parents can see or will see (not archived) that are due for review."""
    return sum(1 for e in entries if e.status != EntryStatus.ARCHIVED and is_stale(e.last_reviewed_on, today))
