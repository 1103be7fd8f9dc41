"""Dated sessions of an entry (a group's meetings, an open day), stored as RFC 5545 pieces.

`dtstart` is a local Europe/Rome DATE-TIME (`20261006T093000`, RFC 5545's form with a TZID),
`rrule` an RFC 5545 RRULE value or None for a single date, `exdates` the cancelled occurrences
(local DATE-TIMEs like `dtstart`). Staff never type these: domain/sessions.py builds them from
plain controls and expands them.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import JSON
from sqlmodel import Field, SQLModel

from zerosei_app.models._common import utcnow


class EntrySession(SQLModel, table=True):
    __tablename__ = "entry_session"

    id: int | None = Field(default=None, primary_key=True)
    entry_id: int = Field(foreign_key="card_entry.id", index=True)
    tzid: str = Field(default="Europe/Rome", max_length=40)
    dtstart: str = Field(max_length=15)
    duration_minutes: int
    rrule: str | None = Field(default=None, max_length=200)
    exdates: list[str] = Field(default_factory=list, sa_type=JSON)
    created_at: datetime = Field(default_factory=utcnow)
    updated_at: datetime = Field(default_factory=utcnow)
