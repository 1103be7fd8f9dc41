"""The Regione corrects the official contacts of a comune or an ente gestore (the fallback contacts of
centre cards, domain/contact_rule.py). Every change is audited; an edited record is marked
(`contacts_edited_at`) so that a later data update never overwrites it."""

from __future__ import annotations

from datetime import datetime

from sqlmodel import Session

from zerosei_app.commands import audit
from zerosei_app.domain.contacts_form import CONTACTS_FIELDS, ContactsInput
from zerosei_app.models import Comune, EnteGestore


def update_contacts(
    db: Session, obj: Comune | EnteGestore, data: ContactsInput, user_id: int | None, now: datetime
) -> bool:
    """Saves the contacts; False when nothing changed. The caller commits."""
    new = {k: (v or None) for k, v in data.model_dump().items()}
    if all(getattr(obj, k) == v for k, v in new.items()):
        return False
    before = {k: getattr(obj, k) for k in CONTACTS_FIELDS}
    for k, v in new.items():
        setattr(obj, k, v)
    obj.contacts_edited_at = now
    db.add(obj)
    db.flush()
    is_comune = isinstance(obj, Comune)
    audit.record(
        db,
        entity="comune" if is_comune else "ente_gestore",
        entity_id=int(obj.codice_istat) if is_comune else obj.id,
        centro_id=None,
        user_id=user_id,
        action="contatti",
        before=before,
        after={k: getattr(obj, k) for k in CONTACTS_FIELDS},
        now=now,
    )
    return True
