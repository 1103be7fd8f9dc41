"""E-mail waiting to go out (and what went): a failed send stays here and is retried, never lost."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import JSON
from sqlmodel import Field, SQLModel

from zerosei_app.models._common import utcnow


class MailOutbox(SQLModel, table=True):
    __tablename__ = "mail_outbox"

    id: int | None = Field(default=None, primary_key=True)
    kind: str = Field(max_length=30, index=True)  # invito | promemoria | …
    to_addrs: list[str] = Field(default_factory=list, sa_type=JSON)
    cc_addrs: list[str] = Field(default_factory=list, sa_type=JSON)
    subject: str = Field(max_length=300)
    body_text: str
    body_html: str
    created_at: datetime = Field(default_factory=utcnow)
    # Unsent while None; "smtp" or "file" (an .eml under var/outbox/ when no SMTP server is set).
    sent_at: datetime | None = Field(default=None, index=True)
    sent_via: str | None = Field(default=None, max_length=10)
    attempts: int = 0
    last_error: str | None = Field(default=None, max_length=1000)
    next_attempt_at: datetime = Field(default_factory=utcnow)
    # A sender claims a message until then, so two senders never send it twice.
    claimed_until: datetime | None = None
