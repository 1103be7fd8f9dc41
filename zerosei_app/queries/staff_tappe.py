"""The tappe as the Regione edits them, read (the audited edits: commands/staff_tappe.py)."""

from __future__ import annotations

from sqlmodel import Session, col, select

from zerosei_app.domain.tappa_form import TAPPA_FIELDS
from zerosei_app.models import Tappa


def list_tappe(db: Session) -> list[Tappa]:
    return list(db.exec(select(Tappa).order_by(col(Tappa.age_min_months), col(Tappa.id))).all())


def values_of(x: Tappa) -> dict[str, str]:
    out = {k: "" if getattr(x, k) is None else str(getattr(x, k)) for k in TAPPA_FIELDS}
    out["version"] = str(x.version)
    return out
