"""A parent's path as plain data: the one query the API and the parent page both call.

`load_path` reads the snapshot (queries/snapshot.py) and returns rows and domain values only: no words,
no API schemas. view/percorso_out.py makes the API's answer from it, view/percorso_plan.py the page's.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlmodel import Session

from zerosei_app.domain.age import Child
from zerosei_app.domain.chiusure import to_announce
from zerosei_app.domain.errors import FieldError
from zerosei_app.domain.language import in_language, mediating, stated_languages
from zerosei_app.domain.link import PathQuery, validate_for_path
from zerosei_app.domain.path import ChildPath, select_for_child
from zerosei_app.models import CardEntry, Chiusura, Comune, Tappa
from zerosei_app.queries.contacts import Contacts, family_contacts
from zerosei_app.queries.snapshot import PublicData, public_data


@dataclass
class PathData:
    """Everything a path shows, for one comune, its children and today."""

    query: PathQuery
    today: date
    comune: Comune
    contacts: Contacts  # the serving centres (in order) with their actions, and the ente gestore to name
    children: list[ChildPath]  # per child: the entries for now and the coming months
    tappe: list[Tappa]  # every public step; which fit a child is chosen where they are shown
    chiusure_centro: dict[int, Chiusura]  # the closure families see today, by centre
    chiusure_entry: dict[int, Chiusura]  # the same, by entry
    language_found: bool  # some service is stated in the `lingua` asked for
    languages_stated: list[str]
    # The snapshot's cache: what views derive from these rows is computed once per data version.
    memo: Callable[[Hashable, Callable[[], Any]], Any]

    def entry_ids(self) -> list[int]:
        """The ids of the services the path shows (now, then coming), each once."""
        ids = [e.id for f in self.children for e in [*f.now, *(u.entry for u in f.upcoming)]]
        return list(dict.fromkeys(ids))


@dataclass
class PathResult:
    data: PathData | None = None
    errors: list[FieldError] = field(default_factory=list)
    unknown_comune: bool = False


def load_path(db: Session, query: PathQuery, today: date) -> PathResult:
    children, errors = validate_for_path(query, today)
    if errors:
        return PathResult(errors=list(errors))
    snap = public_data(db)  # one small query; the rest is in memory (queries/snapshot.py)
    comune = snap.comune(query.comune)
    if comune is None:
        return PathResult(errors=[FieldError("comune", "unknown_comune", {"value": query.comune})], unknown_comune=True)
    return PathResult(data=path_data(snap, comune, query, children, today))


def path_data(snap: PublicData, comune: Comune, query: PathQuery, children: list[Child], today: date) -> PathData:
    """The path of valid `children` in a known `comune`, from the snapshot."""
    contacts = snap.memo(("contacts", comune.codice_istat), lambda: comune_contacts(snap, comune))
    centri = [c.serving.centro for c in contacts.centri]
    entries = snap.published_entries([c.id for c in centri])
    child_paths, found = _select(entries, children, query, mediating(centri, query.lingua))
    return PathData(
        query=query,
        today=today,
        comune=comune,
        contacts=contacts,
        children=child_paths,
        tappe=snap.tappe,
        chiusure_centro=_announced(snap.chiusure_centro, [c.id for c in centri], today),
        chiusure_entry=_announced(snap.chiusure_entry, [e.id for e in entries], today),
        language_found=found,
        languages_stated=stated_languages(entries, centri),
        memo=snap.memo,
    )


def comune_contacts(snap: PublicData, comune: Comune) -> Contacts:
    """The comune's serving centres and ente gestore, from the snapshot."""
    return family_contacts(comune, snap.centri_for_comune(comune.codice_istat), snap.ente_of.get(comune.codice_istat))


def _select(
    entries: list[CardEntry], children: list[Child], query: PathQuery, mediating_centri: frozenset[int]
) -> tuple[list[ChildPath], bool]:
    """Per child, the entries for now and next; whether any is in the asked language."""
    # "In my language": the services a centre states in it, or of a centre with a mediator in it
    # (domain/language.py); when none of this path is, all of them.
    kept = in_language(entries, query.lingua, mediating_centri)
    paths = [select_for_child(kept, child, query.temi) for child in children]
    found = any(p.now or p.upcoming for p in paths)
    if query.lingua is not None and not found:
        paths = [select_for_child(entries, child, query.temi) for child in children]
    return paths, found


def _announced(windows: dict[int, list[Chiusura]], ids: list[int], today: date) -> dict[int, Chiusura]:
    """By id, the closure to announce today (in course, or starting within domain/chiusure.NOTICE_DAYS)."""
    found = {i: to_announce(windows[i], today) for i in ids if i in windows}
    return {i: w for i, w in found.items() if w is not None}
