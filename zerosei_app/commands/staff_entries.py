"""Writing card entries: create, save with optimistic locking, status, review, restore. All audited.

Every write is `UPDATE … WHERE id = ? AND version = ?`: when another person saved first the
row count is 0 and `Conflict` tells the caller who and when, so nothing is overwritten.
Callers check permissions first (auth/guard.py) and commit or roll back.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import update
from sqlmodel import Session

from zerosei_app.commands import audit
from zerosei_app.commands.review_cycle import record_confirmation
from zerosei_app.domain import clock
from zerosei_app.domain.entry_form import FIELDS, EntryInput, same_content
from zerosei_app.domain.entry_status import next_status
from zerosei_app.domain.errors import Refused
from zerosei_app.domain.validation import parse
from zerosei_app.domain.vocabulary import EntryStatus
from zerosei_app.models import AuditRecord, CardEntry
from zerosei_app.queries.staff_entries import content_of, last_change

ENTITY = "card_entry"


@dataclass
class Conflict(Exception):
    """Someone else changed the entry since `base_version` was loaded."""

    current_version: int
    by: str | None  # the name of who saved it; None when not known
    at: datetime | None

    def __str__(self) -> str:  # pragma: no cover - debugging aid
        return f"conflict: now version {self.current_version} by {self.by}"


class EntryRuleError(Refused, ValueError):
    """A refusal about the entry itself (codes: version_not_found, version_breaks_rules with its problems)."""


def _versioned_update(db: Session, entry: CardEntry, base_version: int, values: dict[str, Any], now: datetime) -> None:
    result = db.execute(
        update(CardEntry)
        .where(CardEntry.id == entry.id, CardEntry.version == base_version)
        .values(**values, version=base_version + 1, updated_at=now)
    )
    if result.rowcount != 1:
        db.rollback()
        current = db.get(CardEntry, entry.id)
        by, at = last_change(db, entry.id)
        raise Conflict(current.version if current else -1, by, at)
    db.refresh(entry)


def create_entry(
    db: Session,
    centro_id: int,
    data: EntryInput,
    user_id: int,
    now: datetime,
    status: str = EntryStatus.DRAFT,
    last_reviewed_on: date | None = None,
    action: str = "create",
    funzione_id: str | None = None,
) -> CardEntry:
    entry = CardEntry(
        centro_id=centro_id,
        **data.as_values(),
        funzione_id=funzione_id,  # the regional function this entry details (its own times, place, cost)
        status=status,
        last_reviewed_on=last_reviewed_on,
        created_at=now,
        updated_at=now,
        version=1,
    )
    db.add(entry)
    db.flush()
    audit.record(
        db,
        entity=ENTITY,
        entity_id=entry.id,
        centro_id=centro_id,
        user_id=user_id,
        action=action,
        before=None,
        after=audit.snapshot(entry),
        now=now,
    )
    return entry


def save_entry(
    db: Session,
    entry: CardEntry,
    base_version: int,
    data: EntryInput,
    user_id: int,
    now: datetime,
    action: str = "update",
    extra: dict[str, Any] | None = None,
    audit_note: dict[str, Any] | None = None,
) -> bool:
    """False when nothing changed (no new version); raises Conflict when someone saved first.

    `action="confirm"` is the editor's "Confermata dal centro": also the review cycle's record."""
    values = data.as_values() | (extra or {})
    if entry.version == base_version and same_content({k: getattr(entry, k) for k in values}, values):
        return False
    before = audit.snapshot(entry)
    previous, was_example = entry.last_reviewed_on, entry.is_example
    _versioned_update(db, entry, base_version, values, now)
    if action == "confirm" and entry.last_reviewed_on is not None:
        _record_editor_confirmation(db, entry, user_id, now, previous, was_example)
    audit.record(
        db,
        entity=ENTITY,
        entity_id=entry.id,
        centro_id=entry.centro_id,
        user_id=user_id,
        action=action,
        before=before,
        after=audit.snapshot(entry) | (audit_note or {}),
        now=now,
    )
    return True


def change_status(db: Session, entry: CardEntry, base_version: int, action: str, user_id: int, now: datetime) -> str:
    if entry.version != base_version:
        by, at = last_change(db, entry.id)
        raise Conflict(entry.version, by, at)
    target = next_status(action, entry.status)
    before = audit.snapshot(entry)
    previous, was_example = entry.last_reviewed_on, entry.is_example
    values: dict[str, Any] = {"status": target}
    if target == EntryStatus.PUBLISHED:
        # Publishing is the centre stating the entry: it is its confirmation, dated (never an example),
        # recorded for the review cycle as every other confirmation (a new reminder cycle starts after it).
        values |= {"last_reviewed_on": clock.today(now), "is_example": False}
    _versioned_update(db, entry, base_version, values, now)
    if target == EntryStatus.PUBLISHED:
        _record_editor_confirmation(db, entry, user_id, now, previous, was_example)
    audit.record(
        db,
        entity=ENTITY,
        entity_id=entry.id,
        centro_id=entry.centro_id,
        user_id=user_id,
        action=action,
        before=before,
        after=audit.snapshot(entry),
        now=now,
    )
    return target


def _record_editor_confirmation(
    db: Session, entry: CardEntry, user_id: int, now: datetime, previous: date | None, was_example: bool
) -> None:
    """The review cycle's record (who, when, how) of a confirmation made in the editor: the entry's date
    is already set by the versioned write; `previous` and `was_example` are what it said before."""
    confirmation = record_confirmation(
        db,
        centro_id=entry.centro_id,
        entry=entry,
        how="editor",
        user_id=user_id,
        today=entry.last_reviewed_on or clock.today(now),
        now=now,
    )
    confirmation.previous_on, confirmation.was_example = previous, was_example


def mark_reviewed(db: Session, entry: CardEntry, base_version: int, user_id: int, today: date, now: datetime) -> None:
    """Someone confirmed the entry is right today: it is no longer an unconfirmed example either."""
    if entry.version != base_version:
        by, at = last_change(db, entry.id)
        raise Conflict(entry.version, by, at)
    before = audit.snapshot(entry)
    previous, was_example = entry.last_reviewed_on, entry.is_example
    _versioned_update(db, entry, base_version, {"last_reviewed_on": today, "is_example": False}, now)
    _record_editor_confirmation(db, entry, user_id, now, previous, was_example)
    audit.record(
        db,
        entity=ENTITY,
        entity_id=entry.id,
        centro_id=entry.centro_id,
        user_id=user_id,
        action="review",
        before=before,
        after=audit.snapshot(entry),
        now=now,
    )


def restore_version(
    db: Session, entry: CardEntry, base_version: int, audit_id: int, user_id: int, now: datetime, side: str = "after"
) -> bool:
    """Put back the text of an earlier version (the status stays as it is now). Audited as "restore".

    `side="before"` takes the text as it was before that change: how the seeded or imported
    entries' original text (which has no "create" record) can be put back."""
    rec = db.get(AuditRecord, audit_id)
    snapshot_ = getattr(rec, side, None) if side in ("after", "before") and rec is not None else None
    if rec is None or rec.entity != ENTITY or rec.entity_id != entry.id or not snapshot_:
        raise EntryRuleError("version_not_found")
    if entry.version != base_version:
        by, at = last_change(db, entry.id)
        raise Conflict(entry.version, by, at)
    data, errors = parse(EntryInput, {k: snapshot_.get(k) for k in FIELDS if k in snapshot_})
    if data is None:
        raise EntryRuleError("version_breaks_rules", problems=list(errors.values()))
    # Another text is not what the centre confirmed: "Verificato dal centro" goes; the seed's example
    # text comes back as an example.
    extra = None
    if not same_content(content_of(entry), data.as_values()):
        extra = {"last_reviewed_on": None}
        if snapshot_.get("is_example") is True:
            extra["is_example"] = True
    return save_entry(
        db,
        entry,
        base_version,
        data,
        user_id,
        now,
        extra=extra,
        action="restore",
        audit_note={"ripristinata_da": audit_id} if side == "after" else {"ripristinata_prima_di": audit_id},
    )
