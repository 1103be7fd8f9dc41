"""The official contacts of comuni and enti gestori, read for the Regione's form (correcting them:
commands/staff_contacts.py)."""

from __future__ import annotations

from sqlmodel import Session, col, select

from zerosei_app.domain.contacts_form import CONTACTS_FIELDS
from zerosei_app.models import Comune, EnteGestore


def enti_gestori(db: Session) -> list[EnteGestore]:
    return list(db.exec(select(EnteGestore).order_by(col(EnteGestore.name))).all())


def values_of(obj: Comune | EnteGestore) -> dict[str, str]:
    return {k: getattr(obj, k) or "" for k in CONTACTS_FIELDS}
