"""Issue 16 on a database seeded by an earlier release: nothing invented stays in front of parents.

The earlier seed gave every centre 14 published "example" entries: typical services copied onto all
centres (now staff-only modelli, domain/templates.py) and services a source names, both with guessed
ages, schedules, costs and languages. Here, for every entry still as the seed wrote it (an example no
person has ever changed):
- a copied modello is archived (parents and the open data no longer see it; staff can restore it);
- a sourced entry keeps only what its source states (data/seed_entries.py), with provider and place
  from the centre's cleaned data, and stops being an example.
Each change is an audit record without a user, whose `after` says why. Entries staff edited or
confirmed are never touched. Idempotent: a second run finds no example left to change.
"""

from __future__ import annotations

from datetime import datetime

from sqlmodel import Session, col, select

from zerosei_app.commands import audit
from zerosei_app.data.seed_entries import REAL_SERVICES
from zerosei_app.data.sourced_entries import sourced_entry
from zerosei_app.domain import clock
from zerosei_app.domain.vocabulary import EntryStatus
from zerosei_app.models import AuditRecord, CardEntry, Centro, Comune

ARCHIVE_REASON = (
    "Voce tipica (modello) copiata dal seed su tutti i centri, mai confermata dal centro: non più pubblicata "
    "(i genitori vedono solo ciò che una fonte o il centro dichiarano). È un modello: il centro può ripartire da qui."
)
SOURCED_REASON = (
    "Voce citata da una fonte pubblica: tolti età, orari, costi, lingue e accesso che la fonte non dichiara; "
    "ente e luogo dai dati puliti del centro."
)


def _staff_touched(db: Session) -> set[int]:
    rows = db.exec(
        select(AuditRecord.entity_id).where(AuditRecord.entity == "card_entry", col(AuditRecord.user_id).is_not(None))
    ).all()
    return {r for r in rows if r is not None}


def make_entries_honest(db: Session, now: datetime) -> int:
    """Returns how many entries it changed; the caller commits."""
    touched = _staff_touched(db)
    examples = db.exec(select(CardEntry).where(col(CardEntry.is_example).is_(True)).order_by(CardEntry.id)).all()
    changed = 0
    for e in examples:
        if e.id in touched:
            continue
        centro = db.get(Centro, e.centro_id)
        comune = db.get(Comune, centro.codice_istat) if centro else None
        sourced = {s.title: s for s in REAL_SERVICES.get(comune.name if comune else "", ())}
        before = audit.snapshot(e)
        if e.source_url and e.title in sourced:
            clean = sourced_entry(centro, sourced[e.title], e.source_url)
            for name in [
                "summary",
                "description",
                "category",
                "topics",
                "age_min_months",
                "age_max_months",
                "provider",
                "location",
                "location_comune",
                "schedule",
                "cost_free",
                "cost_note",
                "access",
                "contact_phone",
                "contact_email",
                "languages",
            ]:
                setattr(e, name, getattr(clean, name))
            e.is_example = False
            reason = SOURCED_REASON
        else:
            e.status = EntryStatus.ARCHIVED
            e.is_example = False  # no longer an example anyone sees; staff find it in the archive
            reason = ARCHIVE_REASON
        e.updated_at = now
        e.version += 1
        db.add(e)
        audit.record(
            db,
            entity="card_entry",
            entity_id=e.id,
            centro_id=e.centro_id,
            user_id=None,
            action="honest_content",
            before=before,
            after=audit.snapshot(e) | {"motivo": reason},
            now=now,
        )
        changed += 1
    changed += _date_staff_published(db, now)
    db.flush()
    return changed


STAFF_REASON = "Pubblicata dal centro: la data di conferma è quella della sua ultima modifica in ZeroSei."


def _date_staff_published(db: Session, now: datetime) -> int:
    """Entries staff published before publishing dated the confirmation: their last staff change is it."""
    undated = db.exec(
        select(CardEntry).where(
            CardEntry.status == EntryStatus.PUBLISHED,
            col(CardEntry.is_example).is_(False),
            col(CardEntry.source_url).is_(None),
            col(CardEntry.last_reviewed_on).is_(None),
        )
    ).all()
    changed = 0
    for e in undated:
        last = db.exec(
            select(AuditRecord)
            .where(
                AuditRecord.entity == "card_entry", AuditRecord.entity_id == e.id, col(AuditRecord.user_id).is_not(None)
            )
            .order_by(col(AuditRecord.id).desc())
        ).first()
        if last is None:
            continue  # nobody at the centre ever stated it: it stays out of public view until confirmed
        before = audit.snapshot(e)
        e.last_reviewed_on = clock.today(last.created_at)
        e.updated_at, e.version = now, e.version + 1
        db.add(e)
        audit.record(
            db,
            entity="card_entry",
            entity_id=e.id,
            centro_id=e.centro_id,
            user_id=None,
            action="honest_content",
            before=before,
            after=audit.snapshot(e) | {"motivo": STAFF_REASON},
            now=now,
        )
        changed += 1
    return changed
