"""The numbers on the staff home page: what needs attention in each centre."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime

from sqlmodel import Session, col, func, select

from zerosei_app.domain.review import OPEN_REPORT_STATUSES, report_is_late, stale_before
from zerosei_app.domain.vocabulary import EntryStatus, ReportStatus
from zerosei_app.models import CardEntry, Centro, Comune, ErrorReport


@dataclass
class CentroSummary:
    id: int
    name: str
    comune: str
    is_active: bool
    stato_verifica: str
    published: int = 0
    draft: int = 0
    archived: int = 0
    stale: int = 0  # not archived, not reviewed for 6 months or more (or never)
    examples: int = 0
    reports_nuova: int = 0
    reports_in_lavorazione: int = 0
    reports_late: int = 0  # open for more than 15 days
    has_contact: bool = True  # the centre's own phone, e-mail or site
    to_confirm: int = 0  # not archived, and an example or stale


def summaries(db: Session, centro_ids: Sequence[int], today: date, now: datetime) -> list[CentroSummary]:
    if not centro_ids:
        return []
    ids = list(centro_ids)
    out = _centri(db, ids)
    _count_by_status(db, ids, out)
    limit = stale_before(today)
    never_or_long_ago = col(CardEntry.last_reviewed_on).is_(None) | (col(CardEntry.last_reviewed_on) <= limit)
    example = col(CardEntry.is_example).is_(True)
    _count_not_archived(db, ids, out, "stale", never_or_long_ago)
    _count_not_archived(db, ids, out, "examples", example)
    _count_not_archived(db, ids, out, "to_confirm", example | never_or_long_ago)
    _count_open_reports(db, ids, out, now)
    return list(out.values())


def _centri(db: Session, ids: list[int]) -> dict[int, CentroSummary]:
    """The centres' summaries with nothing counted yet: open ones first, by comune and name."""
    rows = db.exec(
        select(Centro, Comune.name)
        .join(Comune, col(Comune.codice_istat) == col(Centro.codice_istat))
        .where(col(Centro.id).in_(ids))
        .order_by(col(Centro.is_active).desc(), col(Comune.name), col(Centro.name))
    ).all()
    return {
        c.id: CentroSummary(
            c.id,
            c.name,
            comune,
            c.is_active,
            c.stato_verifica,
            has_contact=any((v or "").strip() for v in (c.phone, c.email, c.website)),
        )
        for c, comune in rows
    }


def _count_by_status(db: Session, ids: list[int], out: dict[int, CentroSummary]) -> None:
    """published, draft, archived: the field of each status has the status's name."""
    for centro_id, status, n in db.exec(
        select(CardEntry.centro_id, CardEntry.status, func.count())
        .where(col(CardEntry.centro_id).in_(ids))
        .group_by(CardEntry.centro_id, CardEntry.status)
    ).all():
        if status in tuple(EntryStatus):
            setattr(out[centro_id], status, n)


def _count_not_archived(db: Session, ids: list[int], out: dict[int, CentroSummary], field: str, condition) -> None:
    """`field` of each summary: how many of the centre's entries not archived meet `condition`."""
    for centro_id, n in db.exec(
        select(CardEntry.centro_id, func.count())
        .where(col(CardEntry.centro_id).in_(ids), CardEntry.status != EntryStatus.ARCHIVED, condition)
        .group_by(CardEntry.centro_id)
    ).all():
        setattr(out[centro_id], field, n)


def _count_open_reports(db: Session, ids: list[int], out: dict[int, CentroSummary], now: datetime) -> None:
    for report in db.exec(
        select(ErrorReport).where(
            col(ErrorReport.centro_id).in_(ids), col(ErrorReport.status).in_(OPEN_REPORT_STATUSES)
        )
    ).all():
        s = out[report.centro_id]
        if report.status == ReportStatus.NUOVA:
            s.reports_nuova += 1
        else:
            s.reports_in_lavorazione += 1
        if report_is_late(report.status, report.created_at, now):
            s.reports_late += 1


def totals(items: Sequence[CentroSummary]) -> dict[str, int]:
    keys = (
        "published",
        "draft",
        "archived",
        "stale",
        "examples",
        "reports_nuova",
        "reports_in_lavorazione",
        "reports_late",
    )
    return {k: sum(getattr(s, k) for s in items) for k in keys}
