"""A parent's "segnala un errore" on an entry or a centre card."""

from __future__ import annotations

from datetime import datetime

from sqlmodel import Field, SQLModel

from zerosei_app.domain.vocabulary import ReportKind, ReportStatus  # noqa: F401 - models/__init__.py re-exports them
from zerosei_app.models._common import utcnow


class ErrorReport(SQLModel, table=True):
    __tablename__ = "error_report"

    id: int | None = Field(default=None, primary_key=True)
    centro_id: int = Field(foreign_key="centro.id", index=True)
    entry_id: int | None = Field(default=None, foreign_key="card_entry.id", index=True)
    kind: str = Field(max_length=20)
    text: str = Field(default="", max_length=1000)
    status: str = Field(default=ReportStatus.NUOVA, max_length=20, index=True)
    # Keyed hash of the sender's address, only to throttle floods; never the address itself.
    client_hash: str = Field(max_length=64, index=True)
    created_at: datetime = Field(default_factory=utcnow, index=True)
    updated_at: datetime = Field(default_factory=utcnow)
    resolved_at: datetime | None = None
