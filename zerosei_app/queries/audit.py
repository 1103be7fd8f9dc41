"""The audit log, read: a record's history with who made each change, and which fields a change touched
(the writing is commands/audit.py)."""

from __future__ import annotations

from typing import Any

from sqlmodel import Session, col, select

from zerosei_app.models import AuditRecord, StaffUser


def changed_fields(before: dict[str, Any] | None, after: dict[str, Any] | None) -> list[str]:
    before, after = before or {}, after or {}
    return [k for k in after if k != "version" and before.get(k) != after.get(k)]


def history(db: Session, entity: str, entity_id: int, limit: int = 200) -> list[tuple[AuditRecord, str]]:
    rows = db.exec(
        select(AuditRecord, StaffUser.name)
        .outerjoin(StaffUser, col(StaffUser.id) == col(AuditRecord.user_id))
        .where(AuditRecord.entity == entity, AuditRecord.entity_id == entity_id)
        .order_by(col(AuditRecord.created_at).desc(), col(AuditRecord.id).desc())
        .limit(limit)
    ).all()
    return [(a, name or "sistema") for a, name in rows]
