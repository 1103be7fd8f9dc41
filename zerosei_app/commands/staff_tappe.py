"""The Regione edits the tappe and confirms them on the official sites: every change audited (entity "tappa",
the id in the values), optimistic locking by `version` like entries."""

from __future__ import annotations

from datetime import date, datetime

from sqlmodel import Session

from zerosei_app.commands import audit
from zerosei_app.domain.tappa_form import TAPPA_FIELDS, TappaInput
from zerosei_app.models import Tappa

SAVED, UNCHANGED, STALE, MISSING = "saved", "unchanged", "stale", "missing"


def _snap(x: Tappa) -> dict:
    return {"id": x.id, **audit.snapshot(x, (*TAPPA_FIELDS, "verified_on", "version"))}


def update_tappa(db: Session, tappa_id: str, data: TappaInput, user_id: int | None, now: datetime) -> str:
    """SAVED, UNCHANGED, STALE (someone saved in between) or MISSING. The caller commits."""
    x = db.get(Tappa, tappa_id)
    if x is None:
        return MISSING
    if x.version != data.version:
        return STALE
    new = {k: v if v != "" or k in ("summary", "timing", "who") else None for k, v in data.model_dump().items()}
    new.pop("version")
    if all(getattr(x, k) == v for k, v in new.items()):
        return UNCHANGED
    before = _snap(x)
    for k, v in new.items():
        setattr(x, k, v)
    x.version += 1
    x.updated_at = now
    db.add(x)
    db.flush()
    audit.record(
        db, entity="tappa", entity_id=None, centro_id=None, user_id=user_id, action="update",
        before=before, after=_snap(x), now=now,
    )  # fmt: skip
    return SAVED


def confirm_checked(db: Session, tappa_id: str, version: int, user_id: int | None, today: date, now: datetime) -> str:
    """ "Confermo: verificato oggi": the Regione has checked the step on the official site today."""
    x = db.get(Tappa, tappa_id)
    if x is None:
        return MISSING
    if x.version != version:
        return STALE
    before = _snap(x)
    x.verified_on = today
    x.version += 1
    x.updated_at = now
    db.add(x)
    db.flush()
    audit.record(
        db, entity="tappa", entity_id=None, centro_id=None, user_id=user_id, action="review",
        before=before, after=_snap(x), now=now,
    )  # fmt: skip
    return SAVED
