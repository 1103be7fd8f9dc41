"""Every change leaves a record: who, when, what (before and after)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON
from sqlmodel import Field, SQLModel

from zerosei_app.models._common import utcnow


class AuditRecord(SQLModel, table=True):
    __tablename__ = "audit_record"

    id: int | None = Field(default=None, primary_key=True)
    entity: str = Field(max_length=40, index=True)  # card_entry, centro, copertura, staff_user, error_report
    entity_id: int | None = Field(default=None, index=True)
    centro_id: int | None = Field(default=None, index=True)
    user_id: int | None = Field(default=None, foreign_key="staff_user.id")
    action: str = Field(max_length=40)  # create, update, status, review, restore, import, …
    before: dict[str, Any] | None = Field(default=None, sa_type=JSON)
    after: dict[str, Any] | None = Field(default=None, sa_type=JSON)
    created_at: datetime = Field(default_factory=utcnow, index=True)
