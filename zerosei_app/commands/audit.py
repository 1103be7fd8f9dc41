"""The audit log, written: every staff change, who made it, when, and the values before and after
(reading it back: queries/audit.py)."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlmodel import Session, SQLModel

from zerosei_app.models import AuditRecord

_SKIP = frozenset({"created_at", "updated_at"})


def _plain(value: Any) -> Any:
    if isinstance(value, (datetime, date)):
        return value.isoformat()
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    return value


def snapshot(obj: SQLModel, fields: tuple[str, ...] | None = None) -> dict[str, Any]:
    """JSON-safe copy of a row's columns (never secrets: callers pass `fields` for accounts)."""
    names = fields or tuple(c.name for c in obj.__table__.columns if c.name not in _SKIP)
    return {name: _plain(getattr(obj, name)) for name in names}


def record(
    db: Session,
    *,
    entity: str,
    entity_id: int | None,
    centro_id: int | None,
    user_id: int | None,
    action: str,
    before: dict[str, Any] | None,
    after: dict[str, Any] | None,
    now: datetime,
) -> AuditRecord:
    row = AuditRecord(
        entity=entity,
        entity_id=entity_id,
        centro_id=centro_id,
        user_id=user_id,
        action=action,
        before=before,
        after=after,
        created_at=now,
    )
    db.add(row)
    return row
