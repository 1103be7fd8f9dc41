"""Parents' "segnala un errore" reports: staff set their status, audited (the inbox: queries/staff_reports.py)."""

from __future__ import annotations

from datetime import datetime

from sqlmodel import Session

from zerosei_app.commands import audit
from zerosei_app.domain.vocabulary import ReportStatus
from zerosei_app.models import ErrorReport

ENTITY = "error_report"


def set_status(db: Session, report: ErrorReport, status: str, user_id: int, now: datetime) -> bool:
    if report.status == status:
        return False
    before = audit.snapshot(report, ("status", "resolved_at"))
    report.status = status
    report.updated_at = now
    report.resolved_at = now if status == ReportStatus.RISOLTA else None
    db.add(report)
    db.flush()
    audit.record(
        db,
        entity=ENTITY,
        entity_id=report.id,
        centro_id=report.centro_id,
        user_id=user_id,
        action="status",
        before=before,
        after=audit.snapshot(report, ("status", "resolved_at")),
        now=now,
    )
    return True
