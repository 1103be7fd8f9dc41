"""Parents' "segnala un errore" reports, as the owning centre's inbox (their status: commands/staff_reports.py)."""

from __future__ import annotations

from collections.abc import Sequence

from sqlmodel import Session, col, select

from zerosei_app.domain.vocabulary import ReportStatus
from zerosei_app.models import CardEntry, Centro, ErrorReport


def inbox(db: Session, centro_ids: Sequence[int], status: str = "") -> list[tuple[ErrorReport, str, str | None]]:
    """(report, centre name, entry title)."""
    if not centro_ids:
        return []
    query = (
        select(ErrorReport, Centro.name, CardEntry.title)
        .join(Centro, col(Centro.id) == col(ErrorReport.centro_id))
        .outerjoin(CardEntry, col(CardEntry.id) == col(ErrorReport.entry_id))
        .where(col(ErrorReport.centro_id).in_(list(centro_ids)))
    )
    if status:
        query = query.where(ErrorReport.status == status)
    rows = db.exec(query.order_by(col(ErrorReport.created_at).desc(), col(ErrorReport.id).desc()).limit(500)).all()
    # Open reports first, the oldest (closest to or past the 15 days) on top; then resolved ones, newest first.
    open_ = sorted((x for x in rows if x[0].status != ReportStatus.RISOLTA), key=lambda x: (x[0].created_at, x[0].id))
    done = [x for x in rows if x[0].status == ReportStatus.RISOLTA]
    return [tuple(x) for x in open_] + [tuple(x) for x in done]
