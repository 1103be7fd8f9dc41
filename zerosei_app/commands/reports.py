"""A parent's "segnala un errore": validated, throttled, stored for the owning centre with status "nuova".

Nothing personal is kept: the report's text and a keyed hash of the sender's address (so a flood can
be slowed down), never the address itself.
"""

from __future__ import annotations

import hashlib
import hmac
import unicodedata
from dataclasses import dataclass
from datetime import datetime, timedelta

from pydantic import BaseModel, ConfigDict, Field, field_validator
from sqlmodel import Session, col, func, select

from zerosei_app.domain.client_address import throttle_key
from zerosei_app.models import CardEntry, Centro, EntryStatus, ErrorReport, ReportKind, ReportStatus
from zerosei_app.models._common import utcnow

MAX_TEXT = 1000
MAX_PER_HOUR = 5  # reports from one address in an hour
MAX_PER_TARGET_PER_DAY = 20  # reports from everyone on one entry or centre in a day
SAME_TARGET_WINDOW = timedelta(days=1)  # one address reports one entry once a day
MIN_TEXT_FOR_ALTRO = 5  # "other" needs a few words to be useful to staff

SAVED = "saved"
THROTTLED = "throttled"  # too many from this address
DUPLICATE = "duplicate"  # this address already reported this entry today
TARGET_FULL = "target_full"  # many parents already reported it: staff are on it
NOT_FOUND = "not_found"  # no such (published) entry or active centre


class ReportIn(BaseModel):
    """What the browser sends; ids are checked against the database too."""

    model_config = ConfigDict(str_strip_whitespace=True, extra="forbid")

    centro_id: int = Field(ge=1, le=2**31 - 1)
    entry_id: int | None = Field(default=None, ge=1, le=2**31 - 1)
    kind: ReportKind
    text: str = Field(default="", max_length=MAX_TEXT)

    @field_validator("text")
    @classmethod
    def _printable(cls, value: str) -> str:
        # Control characters have no place in a note for staff (newlines and tabs do).
        return "".join(ch for ch in value if ch in "\n\t" or unicodedata.category(ch)[0] != "C").strip()

    @field_validator("text")
    @classmethod
    def _altro_says_what(cls, value: str, info) -> str:
        if info.data.get("kind") == ReportKind.ALTRO and len(value) < MIN_TEXT_FOR_ALTRO:
            raise ValueError("need_text")
        return value


@dataclass(frozen=True)
class ReportOutcome:
    status: str
    report_id: int | None = None

    @property
    def ok(self) -> bool:
        return self.status == SAVED


def client_hash(client_ip: str, secret_key: str) -> str:
    """HMAC-SHA256 of the address with the app's secret: stable for throttling, useless to reverse."""
    return hmac.new(secret_key.encode(), throttle_key(client_ip).encode(), hashlib.sha256).hexdigest()


def create_report(
    db: Session, data: ReportIn, client_ip: str, secret_key: str, now: datetime | None = None
) -> ReportOutcome:
    now = now or utcnow()
    if not _target_exists(db, data):
        return ReportOutcome(NOT_FOUND)
    who = client_hash(client_ip, secret_key)
    if _count(db, ErrorReport.client_hash == who, since=now - timedelta(hours=1)) >= MAX_PER_HOUR:
        return ReportOutcome(THROTTLED)
    same_target = _target_clause(data)
    if _count(db, ErrorReport.client_hash == who, *same_target, since=now - SAME_TARGET_WINDOW) > 0:
        return ReportOutcome(DUPLICATE)
    if _count(db, *same_target, since=now - timedelta(days=1)) >= MAX_PER_TARGET_PER_DAY:
        return ReportOutcome(TARGET_FULL)
    report = ErrorReport(
        centro_id=data.centro_id,
        entry_id=data.entry_id,
        kind=data.kind.value,
        text=data.text,
        status=ReportStatus.NUOVA.value,
        client_hash=who,
        created_at=now,
        updated_at=now,
    )
    db.add(report)
    db.commit()
    return ReportOutcome(SAVED, report.id)


def _target_exists(db: Session, data: ReportIn) -> bool:
    centro = db.get(Centro, data.centro_id)
    if centro is None or not centro.is_active:
        return False
    if data.entry_id is None:
        return True
    entry = db.get(CardEntry, data.entry_id)
    return entry is not None and entry.centro_id == data.centro_id and entry.status == EntryStatus.PUBLISHED


def _target_clause(data: ReportIn) -> tuple:
    if data.entry_id is None:
        return (ErrorReport.centro_id == data.centro_id, col(ErrorReport.entry_id).is_(None))
    return (ErrorReport.entry_id == data.entry_id,)


def _count(db: Session, *where, since: datetime) -> int:
    query = select(func.count()).select_from(ErrorReport).where(*where, ErrorReport.created_at >= since)
    return db.exec(query).one()
