"""Card entries as staff edit them, read: a centre's entries, the checks that need the database, who
changed an entry last (the writes: commands/staff_entries.py)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlmodel import Session, col, select

from zerosei_app.domain.entry_form import FIELDS, EntryInput
from zerosei_app.domain.import_problems import problem
from zerosei_app.models import AuditRecord, CardEntry, Comune, StaffUser

ENTITY = "card_entry"


def entries_of(db: Session, centro_id: int) -> list[CardEntry]:
    return list(db.exec(select(CardEntry).where(CardEntry.centro_id == centro_id)).all())


def reference_errors(db: Session, data: EntryInput) -> dict[str, str]:
    """Checks that need the database (the pydantic model checked formats)."""
    errors = {}
    if data.location_comune and db.get(Comune, data.location_comune) is None:
        errors["location_comune"] = problem("entry_comune_unknown")
    return errors


def last_change(db: Session, entry_id: int) -> tuple[str | None, datetime | None]:
    row = db.exec(
        select(AuditRecord, StaffUser.name)
        .outerjoin(StaffUser, col(StaffUser.id) == col(AuditRecord.user_id))
        .where(AuditRecord.entity == ENTITY, AuditRecord.entity_id == entry_id)
        .order_by(col(AuditRecord.created_at).desc(), col(AuditRecord.id).desc())
    ).first()
    if row is None:
        return None, None
    rec, name = row
    return name or None, rec.created_at


def content_of(entry: CardEntry) -> dict[str, Any]:
    return {name: getattr(entry, name) for name in FIELDS}
