"""A temporary closure of a centre or of one entry ("chiuso per ferie dal 1 al 31 agosto").

`entry_id` None: the whole centre is closed in the window; else only that entry. Both days are
included and are dates in Italy (Europe/Rome). Rules: domain/chiusure.py.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlmodel import Field, SQLModel

from zerosei_app.models._common import utcnow


class Chiusura(SQLModel, table=True):
    __tablename__ = "chiusura"

    id: int | None = Field(default=None, primary_key=True)
    centro_id: int = Field(foreign_key="centro.id", index=True)
    entry_id: int | None = Field(default=None, foreign_key="card_entry.id", index=True)
    starts_on: date
    ends_on: date
    reason: str = Field(default="", max_length=200)
    created_by: int | None = Field(default=None, foreign_key="staff_user.id")
    created_at: datetime = Field(default_factory=utcnow)
