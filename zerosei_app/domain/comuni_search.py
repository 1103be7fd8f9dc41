"""Typo-tolerant comune lookup by name, CAP or ISTAT code, built once and queried per keystroke."""

from __future__ import annotations

import csv
import heapq
from bisect import bisect_left
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from rapidfuzz import fuzz, process

from .text import fold

MAX_QUERY_CHARS = 100
MAX_LIMIT = 50
# rapidfuzz ratio (0-100) below which a "typo" is more likely another comune (tried on the Piemonte list).
FUZZY_CUTOFF = 80.0
MIN_FUZZY_CHARS = 3  # shorter queries have too many near neighbours to guess a typo

# Upper bound for a prefix range in a sorted list of folded strings.
_END = "\U0010ffff"


@dataclass(frozen=True, slots=True)
class ComuneRecord:
    codice_istat: str
    name: str
    provincia: str  # sigla, e.g. "TO"
    cap: tuple[str, ...]
    population: int | None = None  # census 2011: equal matches list the bigger comune first


class ComuneIndex:
    """In-memory index; all folding and sorting happens in `__init__` so `search` stays cheap."""

    def __init__(self, comuni: Iterable[ComuneRecord]) -> None:
        by_code: dict[str, ComuneRecord] = {}
        for record in comuni:
            by_code[record.codice_istat] = record  # a repeated code: the last one wins
        self._by_code = by_code
        records = list(by_code.values())
        folded = [fold(r.name) for r in records]

        # Tie-break order as one int per record: the bigger comune first ("casale" → Casale Monferrato
        # before Casaleggio Boiro: more families live there), then the shorter name, alphabetical, ISTAT code.
        order = sorted(
            range(len(records)),
            key=lambda i: (-(records[i].population or 0), len(folded[i]), folded[i], records[i].codice_istat),
        )
        rank = [0] * len(records)
        for position, i in enumerate(order):
            rank[i] = position
        # Keep records in rank order so index == rank and sorting candidates is sorting ints.
        self._records = [records[i] for i in order]
        self._folded = [folded[i] for i in order]

        self._exact: dict[str, list[int]] = {}
        name_keys: list[tuple[str, int]] = []
        word_keys: list[tuple[str, int]] = []
        for i, name in enumerate(self._folded):
            self._exact.setdefault(name, []).append(i)
            name_keys.append((name, i))
            word_keys.extend((name[pos + 1 :], i) for pos, c in enumerate(name) if c == " ")
        name_keys.sort()
        word_keys.sort()
        self._name_keys = [k for k, _ in name_keys]
        self._name_ids = [i for _, i in name_keys]
        self._word_keys = [k for k, _ in word_keys]
        self._word_ids = [i for _, i in word_keys]

        self._id_of_code = {r.codice_istat: i for i, r in enumerate(self._records)}
        self._cap_exact: dict[str, list[int]] = {}
        self._cap_prefix: dict[str, set[int]] = {}
        for i, record in enumerate(self._records):
            for cap in record.cap:
                self._cap_exact.setdefault(cap, []).append(i)
                for n in range(3, len(cap)):  # "10" would match half of Piemonte
                    self._cap_prefix.setdefault(cap[:n], set()).add(i)

    def __len__(self) -> int:
        return len(self._records)

    def __iter__(self) -> Iterator[ComuneRecord]:
        return iter(self._records)

    def get(self, codice_istat: str) -> ComuneRecord | None:
        return self._by_code.get(codice_istat) if isinstance(codice_istat, str) else None

    def search(self, q: str, limit: int = 10) -> list[ComuneRecord]:
        if not isinstance(q, str):
            return []
        limit = max(1, min(MAX_LIMIT, int(limit)))
        query = fold(q[:MAX_QUERY_CHARS])
        if not query:
            return []
        compact = query.replace(" ", "")
        if compact.isascii() and compact.isdigit():
            ids = self._search_code(compact, limit)
        else:
            ids = self._search_name(query, limit)
        return [self._records[i] for i in ids]

    def _search_code(self, digits: str, limit: int) -> list[int]:
        found = sorted(self._cap_exact.get(digits, ()))
        if len(digits) == 6 and digits in self._id_of_code:  # CAPs have 5 digits, ISTAT codes 6
            found.append(self._id_of_code[digits])
        seen = set(found)
        if len(found) < limit:
            found += heapq.nsmallest(limit - len(found), self._cap_prefix.get(digits, set()) - seen)
        return found[:limit]

    def _search_name(self, query: str, limit: int) -> list[int]:
        """Tiers: exact name, name prefix, prefix of a later word ("ambrogio"), then typos."""
        found = list(self._exact.get(query, ()))
        seen = set(found)
        for keys, ids in ((self._name_keys, self._name_ids), (self._word_keys, self._word_ids)):
            if len(found) >= limit:
                break
            tier = {ids[k] for k in _prefix_range(keys, query)} - seen
            found += heapq.nsmallest(limit - len(found), tier)
            seen.update(tier)
        if len(found) < limit and len(query) >= MIN_FUZZY_CHARS:
            found += self._fuzzy(query, limit - len(found), seen)
        return found[:limit]

    def _fuzzy(self, query: str, wanted: int, exclude: set[int]) -> list[int]:
        # Compare with name prefixes one char longer than the query, so a typo is forgiven
        # both in a whole name ("chivaso") and while the name is still being typed ("baldisero").
        width = len(query) + 1
        heads = [name[:width] for name in self._folded]
        matches = process.extract(
            query,
            heads,
            scorer=fuzz.ratio,
            limit=wanted + len(exclude),
            score_cutoff=FUZZY_CUTOFF,
        )
        # Best score first; equal scores keep the usual tie-break (index == rank).
        ranked = sorted((-score, i) for _, score, i in matches if i not in exclude)
        return [i for _, i in ranked[:wanted]]


def _prefix_range(keys: Sequence[str], prefix: str) -> range:
    return range(bisect_left(keys, prefix), bisect_left(keys, prefix + _END))


def load_records_from_csv(path: str | Path) -> list[ComuneRecord]:
    """Read `codice_istat,nome,sigla_provincia,cap[,popolazione_censimento_2011]` (CAPs joined by `|`);
    for tests and benchmarks."""
    with open(path, encoding="utf-8", newline="") as f:
        return [
            ComuneRecord(
                codice_istat=row["codice_istat"].strip(),
                name=row["nome"].strip(),
                provincia=row["sigla_provincia"].strip(),
                cap=tuple(c.strip() for c in row["cap"].split("|") if c.strip()),
                population=int(row["popolazione_censimento_2011"]) if row.get("popolazione_censimento_2011") else None,
            )
            for row in csv.DictReader(f)
        ]
