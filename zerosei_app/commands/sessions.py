"""Dated sessions of entries, written: staff add, change, delete and restore them, each audited."""

from __future__ import annotations

from datetime import datetime

from sqlmodel import Session

from zerosei_app.commands import audit
from zerosei_app.domain.sessions import SessionRule, from_stored
from zerosei_app.models import AuditRecord, CardEntry, EntrySession
from zerosei_app.queries.sessions import rule_of

ENTITY = "entry_session"


def add_session(db: Session, entry: CardEntry, rule: SessionRule, user_id: int | None, now: datetime) -> EntrySession:
    return _insert(db, entry, rule, user_id, now, "create")


def _insert(
    db: Session, entry: CardEntry, rule: SessionRule, user_id: int | None, now: datetime, action: str, **extra
) -> EntrySession:
    """A new session row and its audit record (a created series, or a deleted one brought back)."""
    row = EntrySession(entry_id=entry.id, created_at=now, updated_at=now, **rule.stored())
    db.add(row)
    db.flush()
    audit.record(
        db,
        entity=ENTITY,
        entity_id=row.id,
        centro_id=entry.centro_id,
        user_id=user_id,
        action=action,
        before=None,
        after={"entry_id": entry.id, **rule.stored(), **extra},
        now=now,
    )
    return row


def replace_rule(db: Session, row: EntrySession, rule: SessionRule, centro_id: int, user_id: int | None, now: datetime):
    before = {"entry_id": row.entry_id, **rule_of(row).stored()}
    for key, value in rule.stored().items():
        setattr(row, key, value)
    row.updated_at = now
    db.add(row)
    audit.record(
        db,
        entity=ENTITY,
        entity_id=row.id,
        centro_id=centro_id,
        user_id=user_id,
        action="cancel_occurrence",
        before=before,
        after={"entry_id": row.entry_id, **rule.stored()},
        now=now,
    )


def delete_session(db: Session, row: EntrySession, centro_id: int, user_id: int | None, now: datetime):
    """Deletes the series; returns its audit record, whose `before` can bring it back (`restore_deleted`)."""
    rec = audit.record(
        db,
        entity=ENTITY,
        entity_id=row.id,
        centro_id=centro_id,
        user_id=user_id,
        action="delete",
        before={"entry_id": row.entry_id, **rule_of(row).stored()},
        after=None,
        now=now,
    )
    db.delete(row)
    db.flush()
    return rec


def restore_deleted(
    db: Session, entry: CardEntry, audit_id: int, user_id: int | None, now: datetime
) -> EntrySession | None:
    """Undo a deletion: the series as it was, from the deletion's audit record (None if that record is
    not the deletion of a session of this entry). Audited as "restore"."""
    rec = db.get(AuditRecord, audit_id)
    before = rec.before if rec is not None else None
    if (
        rec is None
        or rec.entity != ENTITY
        or rec.action != "delete"
        or not before
        or before.get("entry_id") != entry.id
    ):
        return None
    rule = from_stored(before["dtstart"], before["duration_minutes"], before.get("rrule"), before.get("exdates"))
    return _insert(db, entry, rule, user_id, now, "restore", ripristinata_da=audit_id)
