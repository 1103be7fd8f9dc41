"""From a path link to the data the path page shows: the valid parts, what was dropped, and the path.

Links come from chats, QR codes and old bookmarks: every valid part is kept, and the page
(view/percorso_plan.py) tells the parent about the rest. Plain data; the link is validated once here and
the path is `path_data`'s (the API's `load_path` validates and calls it too).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from sqlmodel import Session

from zerosei_app.domain.age import Child
from zerosei_app.domain.errors import FieldError
from zerosei_app.domain.link import ParseResult, PathQuery, parse_query_string, validate_for_path
from zerosei_app.models import Comune
from zerosei_app.queries.contacts import Contacts
from zerosei_app.queries.percorso import PathResult, comune_contacts, path_data
from zerosei_app.queries.snapshot import PublicData, public_data


@dataclass
class PageData:
    parsed: ParseResult  # the link as it came, with its errors
    query: PathQuery  # the valid parts only
    bad_children: list[FieldError] = field(default_factory=list)  # children the path cannot use, and why
    unknown_comune: str | None = None  # the link's comune, when we know no such comune
    comune: Comune | None = None
    contacts: Contacts | None = None  # no child the path can use: the comune's centres and ente gestore
    path: PathResult | None = None

    @property
    def lang(self) -> str:
        return self.parsed.query.lang


def load_page(db: Session, raw_query: str, today: date) -> PageData:
    parsed = parse_query_string(raw_query)
    q, bad_children, children = _keep_valid_children(parsed, today)
    page = PageData(parsed, q, bad_children)
    if q.comune is None:
        return page
    snap = public_data(db)
    comune, q = _known_comune(snap, q, parsed)
    if comune is None:
        page.unknown_comune, page.query = q.comune, _replace(q, comune=None)
        return page
    page.comune, page.query = comune, q
    if not q.nascita and q.attesa is None:
        page.contacts = snap.memo(("contacts", comune.codice_istat), lambda: comune_contacts(snap, comune))
    else:
        # The link was validated once above: the path starts from its children and the comune found.
        page.path = PathResult(data=path_data(snap, comune, q, children, today))
    return page


def _keep_valid_children(parsed: ParseResult, today: date) -> tuple[PathQuery, list[FieldError], list[Child]]:
    """The query without the children the path cannot use, those children's errors, and the children it keeps."""
    children, child_errors = validate_for_path(parsed.query, today)
    bad_children = [e for e in child_errors if e.field in ("nascita", "attesa") and "month" in e.params]
    return _without_children(parsed.query, bad_children), bad_children, children


def _known_comune(snap: PublicData, q: PathQuery, parsed: ParseResult) -> tuple[Comune | None, PathQuery]:
    """The link's comune; for a link naming several, the first one we know (and the query pointing at it)."""
    comune = snap.comune(q.comune)
    if comune is None:
        others = [c for e in parsed.errors if e.code == "several_comuni" for c in e.params.get("codes", ())]
        comune = next((found for found in (snap.comune(c) for c in others) if found is not None), None)
        if comune is not None:
            q = _replace(q, comune=comune.codice_istat)
    return comune, q


def _without_children(q: PathQuery, errors: list[FieldError]) -> PathQuery:
    bad_births = {e.params["month"] for e in errors if e.field == "nascita"}
    bad_expected = any(e.field == "attesa" for e in errors)
    return _replace(
        q,
        nascita=tuple(m for m in q.nascita if str(m) not in bad_births),
        attesa=None if bad_expected else q.attesa,
    )


def _replace(q: PathQuery, **changes) -> PathQuery:
    """A validated copy (model_copy would skip the validators)."""
    return PathQuery(**{**q.model_dump(), **changes})
