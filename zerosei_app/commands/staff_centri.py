"""Centres as staff manage them: profile (staff of the centre), name/ente/verification, add, close (Regione)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import update
from sqlmodel import Session, col, select

from zerosei_app.commands import audit
from zerosei_app.commands.carta_slugs import follow_rename
from zerosei_app.commands.staff_coverage import add_link, reinfer_uncovered
from zerosei_app.domain.errors import Refused
from zerosei_app.domain.staff_forms import CentroAdminInput, CentroProfileInput
from zerosei_app.domain.text import fold
from zerosei_app.models import AuditRecord, Centro, Comune, EnteGestore, StaffUser

ENTITY = "centro"
PROFILE_FIELDS = ("address", "hours", "phone", "email", "website", "mediation_languages")
ADMIN_FIELDS = PROFILE_FIELDS + ("name", "codice_istat", "ente_gestore_id", "stato_verifica", "internal_notes")


class CentroConflict(Exception):
    def __init__(self, by: str | None, at: datetime | None):  # by: who saved first, None when not known
        super().__init__(by)
        self.by, self.at = by, at


class CentroError(Refused, ValueError):
    """A centre refused (codes: centro_comune_unknown, centro_ente_unknown, centro_duplicate)."""


def _values(data: CentroProfileInput, fields: tuple[str, ...]) -> dict[str, Any]:
    """The form's values for the columns: empty text is None; mediators' languages only when the form had them."""
    values = {k: (v if v != "" else None) for k, v in data.model_dump(include=set(fields)).items()}
    if values.get("mediation_languages") is None:
        values.pop("mediation_languages", None)  # no picker in the request (an old client): the stored ones stay
    return values


def _last_change(db: Session, centro_id: int) -> tuple[str | None, datetime | None]:
    row = db.exec(
        select(AuditRecord, StaffUser.name)
        .outerjoin(StaffUser, col(StaffUser.id) == col(AuditRecord.user_id))
        .where(AuditRecord.entity == ENTITY, AuditRecord.entity_id == centro_id)
        .order_by(col(AuditRecord.created_at).desc(), col(AuditRecord.id).desc())
    ).first()
    return (row[1] or None, row[0].created_at) if row else (None, None)


def _versioned(
    db: Session, centro: Centro, base_version: int, values: dict[str, Any], user_id: int, action: str, now: datetime
) -> bool:
    if all(getattr(centro, k) == v for k, v in values.items()):
        return False
    before = audit.snapshot(centro)
    result = db.execute(
        update(Centro)
        .where(Centro.id == centro.id, Centro.version == base_version)
        .values(**values, version=base_version + 1, updated_at=now)
    )
    if result.rowcount != 1:
        db.rollback()
        raise CentroConflict(*_last_change(db, centro.id))
    db.refresh(centro)
    audit.record(
        db,
        entity=ENTITY,
        entity_id=centro.id,
        centro_id=centro.id,
        user_id=user_id,
        action=action,
        before=before,
        after=audit.snapshot(centro),
        now=now,
    )
    return True


def _hours_dated(centro: Centro, values: dict) -> dict:
    """Hours staff write are the centre's own, of today: the source's date no longer applies to them."""
    if "hours" in values and values["hours"] != centro.hours:
        values["hours_as_of"] = None
    return values


def update_profile(
    db: Session, centro: Centro, base_version: int, data: CentroProfileInput, user_id: int, now: datetime
) -> bool:
    values = _hours_dated(centro, _values(data, PROFILE_FIELDS))
    return _versioned(db, centro, base_version, values, user_id, "profile", now)


def _check_refs(db: Session, data: CentroAdminInput) -> None:
    if db.get(Comune, data.codice_istat) is None:
        raise CentroError("centro_comune_unknown")
    if data.ente_gestore_id is not None and db.get(EnteGestore, data.ente_gestore_id) is None:
        raise CentroError("centro_ente_unknown")


def update_admin(
    db: Session, centro: Centro, base_version: int, data: CentroAdminInput, user_id: int, now: datetime
) -> bool:
    _check_refs(db, data)
    values = _hours_dated(centro, _values(data, ADMIN_FIELDS))
    values["name"] = data.name
    changed = _versioned(db, centro, base_version, values, user_id, "update", now)
    if changed:
        follow_rename(db, centro)  # a new name gets a new /carta/<slug>; the old one redirects
    return changed


def create_centro(db: Session, data: CentroAdminInput, user_id: int, now: datetime) -> Centro:
    _check_refs(db, data)
    same = db.exec(select(Centro).where(Centro.codice_istat == data.codice_istat)).all()
    if any(fold(c.name) == fold(data.name) for c in same):
        raise CentroError("centro_duplicate")
    values = _values(data, ADMIN_FIELDS)
    values["name"] = data.name
    comune = db.get(Comune, data.codice_istat)
    centro = Centro(**values, lat=comune.lat, lon=comune.lon, created_at=now, updated_at=now, version=1)
    db.add(centro)
    db.flush()
    audit.record(
        db,
        entity=ENTITY,
        entity_id=centro.id,
        centro_id=centro.id,
        user_id=user_id,
        action="create",
        before=None,
        after=audit.snapshot(centro),
        now=now,
    )
    # A centre serves at least the comune where it sits.
    add_link(db, centro, data.codice_istat, user_id, now)
    return centro


def set_active(db: Session, centro: Centro, active: bool, user_id: int, now: datetime) -> list[str]:
    """Close or reopen. Closing re-links every comune left without an open centre; returns their names."""
    if centro.is_active == active:
        return []
    before = audit.snapshot(centro)
    centro.is_active = active
    centro.updated_at = now
    centro.version += 1
    db.add(centro)
    db.flush()
    audit.record(
        db,
        entity=ENTITY,
        entity_id=centro.id,
        centro_id=centro.id,
        user_id=user_id,
        action="reopen" if active else "close",
        before=before,
        after=audit.snapshot(centro),
        now=now,
    )
    return reinfer_uncovered(db, user_id, now)
