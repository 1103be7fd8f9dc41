"""The Regione corrects the official contacts of a comune or an ente gestore (the fallback contacts of
centre cards, domain/contact_rule.py). Every change is audited; an edited record is marked
(`contatti_modificati_il`) so that a later data update never overwrites it."""

from __future__ import annotations

from sqlmodel import Session, col, select

from zerosei_app.domain.recapiti_form import RECAPITI_FIELDS
from zerosei_app.models import Comune, EnteGestore


def enti_gestori(db: Session) -> list[EnteGestore]:
    return list(db.exec(select(EnteGestore).order_by(col(EnteGestore.nome))).all())


def values_of(obj: Comune | EnteGestore) -> dict[str, str]:
    return {k: getattr(obj, k) or "" for k in RECAPITI_FIELDS}
