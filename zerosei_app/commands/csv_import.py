"""CSV imports, the all-or-nothing commit.

The commit plans the same file again (queries/csv_import.py) and applies it only when every row is valid,
inside one transaction (the caller commits, or rolls back on any error)."""

from __future__ import annotations

from datetime import datetime

from sqlmodel import Session

from zerosei_app.commands import audit
from zerosei_app.commands.staff_coverage import reinfer_uncovered, replace_links_for
from zerosei_app.commands.staff_entries import create_entry, save_entry
from zerosei_app.domain.entry_form import same_content
from zerosei_app.domain.import_problems import problem
from zerosei_app.domain.text import fold
from zerosei_app.domain.vocabulary import EntryStatus
from zerosei_app.models import Centro, Comune, EnteGestore, ReviewConfirmation
from zerosei_app.queries.csv_import import ImportPlan, plan_centri_work, plan_copertura_work, plan_entries_work
from zerosei_app.queries.staff_coverage import still_inferred
from zerosei_app.queries.staff_entries import content_of


class ImportRefused(Exception):
    def __init__(self, plan: ImportPlan):
        super().__init__("import refused")
        self.plan = plan


def commit_entries_import(db: Session, centro_id: int, data: bytes | str, user_id: int, now: datetime) -> ImportPlan:
    plan, work = plan_entries_work(db, centro_id, data)
    if not plan.ok:
        raise ImportRefused(plan)
    for row, entry in work:
        before = entry.last_reviewed_on if entry is not None else None
        if entry is None:
            entry = create_entry(
                db,
                centro_id,
                row.entry,
                user_id,
                now,
                status=row.status or EntryStatus.DRAFT,
                last_reviewed_on=row.last_reviewed_on,
                action="import",
            )
        else:
            extra = {}
            if row.status:
                extra["status"] = row.status
            if row.last_reviewed_on:
                extra["last_reviewed_on"] = row.last_reviewed_on
            # A changed text is no longer what the centre confirmed, unless the file gives a new date.
            text_changed = not same_content(content_of(entry), row.entry.as_values())
            if text_changed and row.last_reviewed_on in (None, entry.last_reviewed_on):
                extra["last_reviewed_on"] = None
            save_entry(db, entry, entry.version, row.entry, user_id, now, action="import", extra=extra)
        if row.last_reviewed_on and row.last_reviewed_on != before:
            # A confirmation date the file brings is the review cycle's "import" confirmation.
            db.add(
                ReviewConfirmation(
                    centro_id=centro_id,
                    entry_id=entry.id,
                    confirmed_on=row.last_reviewed_on,
                    confirmed_at=now,
                    user_id=user_id,
                    how="import",
                    previous_on=before,
                )
            )
    return plan


def commit_centri_import(db: Session, data: bytes | str, user_id: int, now: datetime) -> ImportPlan:
    plan, work = plan_centri_work(db, data)
    if not plan.ok:
        raise ImportRefused(plan)
    created_enti: dict[str, int] = {}
    for values, existing, new_ente in work:
        if new_ente:
            values["ente_gestore_id"] = _new_ente_id(db, new_ente, created_enti, user_id, now)
        if existing is None:
            _create_centro(db, values, user_id, now)
        else:
            _update_centro(db, existing, values, user_id, now)
    # Closed centres may leave comuni without a centre: they get the nearest open one again.
    relinked = reinfer_uncovered(db, user_id, now)
    if relinked:
        plan.notes.append(problem("comuni_relinked", count=len(relinked), names=", ".join(relinked[:30])))
    return plan


def _new_ente_id(db: Session, name: str, created: dict[str, int], user_id: int, now: datetime) -> int:
    """The ente gestore the import adds (once, however many rows name it)."""
    key = fold(name)
    if key not in created:
        ente = EnteGestore(name=name, notes="Aggiunto dall'importazione dell'elenco ufficiale dei centri")
        db.add(ente)
        db.flush()
        created[key] = ente.id
        audit.record(
            db,
            entity="ente_gestore",
            entity_id=ente.id,
            centro_id=None,
            user_id=user_id,
            action="import",
            before=None,
            after=audit.snapshot(ente),
            now=now,
        )
    return created[key]


def _create_centro(db: Session, values: dict, user_id: int, now: datetime) -> None:
    comune = db.get(Comune, values["codice_istat"])
    centro = Centro(**values, lat=comune.lat, lon=comune.lon, created_at=now, updated_at=now, version=1)
    db.add(centro)
    db.flush()
    audit.record(
        db,
        entity="centro",
        entity_id=centro.id,
        centro_id=centro.id,
        user_id=user_id,
        action="import",
        before=None,
        after=audit.snapshot(centro),
        now=now,
    )


def _update_centro(db: Session, existing: Centro, values: dict, user_id: int, now: datetime) -> None:
    """Only the values that differ; an unchanged centre keeps its version and is not audited."""
    before = audit.snapshot(existing)
    changed = False
    for k, v in values.items():
        if getattr(existing, k) != v:
            setattr(existing, k, v)
            changed = True
    if not changed:
        return
    existing.version += 1
    existing.updated_at = now
    db.add(existing)
    db.flush()
    audit.record(
        db,
        entity="centro",
        entity_id=existing.id,
        centro_id=existing.id,
        user_id=user_id,
        action="import",
        before=before,
        after=audit.snapshot(existing),
        now=now,
    )


def commit_copertura_import(
    db: Session, data: bytes | str, user_id: int, now: datetime
) -> tuple[ImportPlan, list[Comune]]:
    plan, pairs = plan_copertura_work(db, data)
    if not plan.ok:
        raise ImportRefused(plan)
    replace_links_for(db, pairs, user_id, now)
    reinfer_uncovered(db, user_id, now)
    return plan, still_inferred(db)
