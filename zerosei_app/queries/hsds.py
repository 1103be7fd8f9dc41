"""The directory's data for Open Referral HSDS 3.0 (the /api/v1/hsds API and its data package):
plain rows, no words. view/hsds_out.py turns them into HSDS records.

Mapping (README, "HSDS"): organizations are the enti gestori and the open centres (a centre's
`parent_organization_id` is its ente gestore); services are the published entries of open
centres; each centre is one physical location; the Carta's activity areas, the topics and the
age bounds are three taxonomies. Only published entries of open centres appear anywhere.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, date, datetime

from sqlmodel import Session, col, func, select

from zerosei_app.domain import clock
from zerosei_app.domain.chiusure import is_active
from zerosei_app.domain.hsds_ids import hsds_id
from zerosei_app.domain.text import fold
from zerosei_app.models import AuditRecord, CardEntry, Centro, Comune, EnteGestore, StaffUser
from zerosei_app.queries.backed import backed_entries
from zerosei_app.queries.chiusure import all_by_owner
from zerosei_app.queries.hsds_schedules import DatedSession, dated_sessions


def term_id(taxonomy: str, code: str) -> str:
    """The HSDS id of a taxonomy term (`aree`/`temi`/`eta`/`verifica` and its code)."""
    return hsds_id("taxonomy_term", f"{taxonomy}/{code}")


# --- Loading ---------------------------------------------------------------------------------


@dataclass
class Change:
    when: datetime
    action: str
    before: dict | None
    after: dict | None
    role: str | None
    audit_id: int


@dataclass
class HsdsData:
    enti: dict[int, EnteGestore]
    centri: dict[int, tuple[Centro, Comune]]
    entries: list[CardEntry]
    changes: dict[tuple[str, int], Change]
    schedules: dict[int, list[DatedSession]] = field(default_factory=dict)
    closed: set[int] = field(default_factory=set)  # entries closed today (their own or their centre's closure)


def _closed_today(db: Session, entries: list[CardEntry], today: date) -> set[int]:
    by_centro, by_entry = all_by_owner(db)
    return {
        e.id
        for e in entries
        if any(is_active(w, today) for w in [*by_centro.get(e.centro_id, []), *by_entry.get(e.id, [])])
    }


def exported_entries(*columns):
    """THE entries HSDS and the data package export, as a select (of `columns`, default the rows),
    ordered by id: every list, page, count and whole export goes through here, so a change of
    which entries are open data is made once."""
    return (
        select(*(columns or (CardEntry,)))
        .join(Centro, col(Centro.id) == col(CardEntry.centro_id))
        .where(*backed_entries(), col(Centro.is_active).is_(True))
        .order_by(col(CardEntry.id))
    )


def centri_and_enti(db: Session) -> tuple[dict[int, tuple[Centro, Comune]], dict[int, EnteGestore]]:
    centri = {
        c.id: (c, m)
        for c, m in db.exec(
            select(Centro, Comune)
            .join(Comune, col(Comune.codice_istat) == col(Centro.codice_istat))
            .where(col(Centro.is_active).is_(True))
            .order_by(col(Centro.id))
        ).all()
    }
    enti = {e.id: e for e in db.exec(select(EnteGestore).order_by(col(EnteGestore.id))).all()}
    return centri, enti


def load(db: Session, entry_ids: list[int] | None = None, known=None, today: date | None = None) -> HsdsData:
    """The whole directory, or (entry_ids) only these exported entries, e.g. one page of a list;
    `known`: (centri, enti) already loaded for this data version."""
    centri, enti = known or centri_and_enti(db)
    query = exported_entries()
    if entry_ids is not None:
        query = query.where(col(CardEntry.id).in_(entry_ids))
    entries = list(db.exec(query).all())
    changes = last_changes(db, None if entry_ids is None else entries)
    data = HsdsData(enti=enti, centri=centri, entries=entries, changes=changes)
    data.schedules = dated_sessions(db, {e.id: e for e in entries}, entry_ids)
    data.closed = _closed_today(db, entries, today or clock.today())
    return data


def last_changes(db: Session, entries: list[CardEntry] | None = None) -> dict[tuple[str, int], Change]:
    """The last audit record of every entry and centre (or of these entries and their centres):
    when and how it last changed."""
    where = [col(AuditRecord.entity).in_(["card_entry", "centro"]), col(AuditRecord.entity_id).is_not(None)]
    if entries is not None:
        entry_ids = [e.id for e in entries]
        centro_ids = sorted({e.centro_id for e in entries})
        where = [
            ((AuditRecord.entity == "card_entry") & col(AuditRecord.entity_id).in_(entry_ids))
            | ((AuditRecord.entity == "centro") & col(AuditRecord.entity_id).in_(centro_ids))
        ]
    last = select(func.max(AuditRecord.id)).where(*where).group_by(AuditRecord.entity, AuditRecord.entity_id)
    rows = db.exec(
        select(AuditRecord, StaffUser.role)
        .outerjoin(StaffUser, col(StaffUser.id) == col(AuditRecord.user_id))
        .where(col(AuditRecord.id).in_(last))
    ).all()
    changes = {
        (a.entity, a.entity_id): Change(aware(a.created_at), a.action, a.before, a.after, role, a.id)
        for a, role in rows
    }
    _add_session_changes(db, changes)
    return changes


def _add_session_changes(db: Session, changes: dict[tuple[str, int], Change]) -> None:
    """A dated session added, cancelled or deleted changes its entry's schedules: when that is the
    entry's latest change, the service's metadata says so."""
    sessions = db.exec(
        select(AuditRecord, StaffUser.role)
        .outerjoin(StaffUser, col(StaffUser.id) == col(AuditRecord.user_id))
        .where(AuditRecord.entity == "entry_session")
        .order_by(col(AuditRecord.id))
    ).all()
    for a, role in sessions:
        entry_id = (a.after or a.before or {}).get("entry_id")
        key = ("card_entry", entry_id)
        current = changes.get(key)
        if isinstance(entry_id, int) and (current is None or current.audit_id < a.id):
            action = {"create": "schedule_add", "delete": "schedule_delete"}.get(a.action, f"schedule_{a.action}")
            changes[key] = Change(
                aware(a.created_at), action, {"schedules": a.before}, {"schedules": a.after}, role, a.id
            )


def aware(when: datetime) -> datetime:
    return when if when.tzinfo else when.replace(tzinfo=UTC)


# --- Filters --------------------------------------------------------------------------------


@dataclass(frozen=True)
class Filters:
    search: str = ""
    organization_id: str | None = None
    taxonomy_term_id: str | None = None
    taxonomy_id: str | None = None
    modified_after: datetime | None = None

    def any(self) -> bool:
        return bool(
            self.search.strip()
            or self.organization_id
            or self.taxonomy_term_id
            or self.taxonomy_id
            or self.modified_after
        )


def modified_at(data: HsdsData, entity: str, key: int, fallback: datetime) -> datetime:
    """When a record last changed: its last audit record, else `fallback` (its row's timestamp)."""
    change = data.changes.get((entity, key))
    return change.when if change else aware(fallback)


def entry_orgs(c: Centro) -> set[str]:
    """The HSDS organization ids an entry belongs to: its centre and the centre's ente gestore."""
    return {hsds_id("centro", c.id)} | ({hsds_id("ente_gestore", c.ente_gestore_id)} if c.ente_gestore_id else set())


def entry_terms(category: str, topics: list[str] | None) -> tuple[set[str], set[str]]:
    """(taxonomy term ids, taxonomy ids) an entry is filed under: its area and its topics."""
    terms = {term_id("aree", category)} | {term_id("temi", x) for x in topics or []}
    return terms, {hsds_id("taxonomy", "aree")} | ({hsds_id("taxonomy", "temi")} if topics else set())


def _entry_matches(data: HsdsData, e: CardEntry, f: Filters, needle: str) -> bool:
    c, m = data.centri[e.centro_id]
    terms, taxonomies = entry_terms(e.category, e.topics)
    if f.modified_after is not None:
        # Compared as the API shows it: UTC, to the second.
        changed = modified_at(data, "card_entry", e.id, e.updated_at).astimezone(UTC).replace(microsecond=0)
        if changed < aware(f.modified_after):
            return False
    return (
        (not f.organization_id or f.organization_id in entry_orgs(c))
        and (not f.taxonomy_term_id or f.taxonomy_term_id in terms)
        and (not f.taxonomy_id or f.taxonomy_id in taxonomies)
        and (not needle or needle in fold(" ".join((e.title, e.summary, e.description, c.name, m.name))))
    )


def filter_entries(data: HsdsData, **filters) -> list[CardEntry]:
    """The loaded entries matching the HSDS list filters (`Filters`' fields), in order."""
    f = Filters(**filters)
    needle = fold(f.search.strip())
    if f.search.strip() and not needle:
        return []  # only punctuation or symbols: nothing can contain it (an empty needle would match all)
    return [e for e in data.entries if _entry_matches(data, e, f, needle)]


def entry_by_service_id(data: HsdsData, service_id: str, kind: str = "service") -> CardEntry | None:
    return next((e for e in data.entries if hsds_id(kind, e.id) == service_id), None)
