"""What the staff entry editor reads besides the entry: its history, the comuni it may name."""

from __future__ import annotations

from collections.abc import Iterable

from sqlmodel import Session, col, select

from zerosei_app.models import AuditRecord, CardEntry, Comune
from zerosei_app.queries import audit
from zerosei_app.queries.staff_coverage import served

ENTITY = "card_entry"


def get_entry(db: Session, entry_id: int) -> CardEntry | None:
    return db.get(CardEntry, entry_id)


def comune_names(db: Session, codes: Iterable[str]) -> dict[str, str]:
    """ISTAT code → name, for the codes given."""
    wanted = [c for c in codes if c]
    if not wanted:
        return {}
    return {c.codice_istat: c.name for c in db.exec(select(Comune).where(col(Comune.codice_istat).in_(wanted)))}


def entry_history(db: Session, entry_id: int) -> list[tuple[AuditRecord, str]]:
    """The entry's audit records, newest first, with who made each."""
    return audit.history(db, ENTITY, entry_id)


def editor_comuni(db: Session, centro_id: int, current: str | None) -> tuple[list[Comune], Comune | None]:
    """The comuni the centre serves, and the entry's own comune when it is not one of them."""
    comuni = [m for m, _ in served(db, centro_id)]
    other = db.get(Comune, current) if current and current not in {m.codice_istat for m in comuni} else None
    return comuni, other
