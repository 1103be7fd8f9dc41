"""The review cycle: who confirmed what and how, and the reminders sent to centres."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import JSON
from sqlmodel import Field, SQLModel

from zerosei_app.models._common import utcnow


class ReviewConfirmation(SQLModel, table=True):
    """A centre said an entry (or, with entry_id None, its contacts) is still valid."""

    __tablename__ = "review_confirmation"

    id: int | None = Field(default=None, primary_key=True)
    centro_id: int = Field(foreign_key="centro.id", index=True)
    entry_id: int | None = Field(default=None, foreign_key="card_entry.id", index=True)
    confirmed_on: date  # the day in Italy
    confirmed_at: datetime = Field(default_factory=utcnow)
    user_id: int | None = Field(default=None, foreign_key="staff_user.id")
    how: str = Field(max_length=10)  # editor | one-tap | import
    reminder_id: int | None = Field(default=None, foreign_key="review_reminder.id", index=True)
    # What the entry said before (to undo a one-tap confirmation exactly).
    previous_on: date | None = None
    was_example: bool = False
    undone_at: datetime | None = None


class ReviewReminder(SQLModel, table=True):
    """One reminder to a centre (sequence 1, 2, 3: the third copies the Regione), or, with status
    "senza_account", a centre with due items and nobody to write to (listed for the Regione)."""

    __tablename__ = "review_reminder"

    id: int | None = Field(default=None, primary_key=True)
    centro_id: int = Field(foreign_key="centro.id", index=True)
    sent_on: date = Field(index=True)
    sequence: int = 1
    status: str = Field(default="inviato", max_length=20)  # inviato | senza_account
    # The items due when it was sent: the one-tap link confirms exactly these.
    entry_ids: list[int] = Field(default_factory=list, sa_type=JSON)
    contacts: bool = False  # the centre's contacts were due too
    recipients: list[str] = Field(default_factory=list, sa_type=JSON)
    cc: list[str] = Field(default_factory=list, sa_type=JSON)
    token_hash: str | None = Field(default=None, max_length=64, unique=True, index=True)
    expires_at: datetime | None = None
    used_at: datetime | None = None
    mail_id: int | None = Field(default=None, foreign_key="mail_outbox.id")
    created_at: datetime = Field(default_factory=utcnow)
