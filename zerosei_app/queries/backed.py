"""Which entries parents and reusers see (issue 16): the one rule, as a SQL filter and as a test on a row.

Published, not an example, and backed: a public source named in `source_url`, or the centre's own
confirmation (`last_reviewed_on`, which publishing sets). The path, the Carta pages, /api/v1/voci,
HSDS and datapackage.zip all select entries through `backed_entries()`.
"""

from __future__ import annotations

from sqlalchemy import or_
from sqlmodel import col

from zerosei_app.domain.vocabulary import EntryStatus
from zerosei_app.models import CardEntry


def backed_entries() -> tuple:
    """WHERE clauses (use as `.where(*backed_entries())`)."""
    return (
        CardEntry.status == EntryStatus.PUBLISHED,
        col(CardEntry.is_example).is_(False),
        or_(col(CardEntry.source_url).is_not(None), col(CardEntry.last_reviewed_on).is_not(None)),
    )


def is_backed(e: CardEntry) -> bool:
    return e.status == EntryStatus.PUBLISHED and not e.is_example and bool(e.source_url or e.last_reviewed_on)
