"""/staff/segnalazioni[?centro=<id>]: parents' reports for the user's centres (every centre for the Regione)."""

from __future__ import annotations

import dataclasses

import reflex as rx
from sqlmodel import Session

from zerosei_app.auth.guard import StaffContext, editable_centro_ids, require_centro, require_report
from zerosei_app.commands.staff_reports import set_status
from zerosei_app.domain import clock
from zerosei_app.domain.clock import day, when
from zerosei_app.domain.review import OPEN_REPORT_STATUSES, report_days_left, report_due
from zerosei_app.domain.staff_forms import Id, ReportStatusInput
from zerosei_app.domain.validation import require
from zerosei_app.queries.staff_reports import inbox
from zerosei_app.state.staff_base import StaffState, staff_event
from zerosei_app.view import staff_messages as m
from zerosei_app.view.staff_labels import REPORT_KIND_LABELS, REPORT_STATUS_LABELS

STATUS_FILTERS = ("aperte", "nuova", "in_lavorazione", "risolta", "tutte")


@dataclasses.dataclass
class ReportRow:
    id: int
    centro_id: int
    centro: str
    entry_id: int
    entry_title: str
    kind: str
    text: str
    status: str
    status_label: str
    received: str
    due: str
    late: bool
    open: bool


class StaffReportsState(StaffState):
    centro_id: int = 0  # 0: every centre the user may open
    centro_name: str = ""
    rows: list[ReportRow] = []
    status_filter: str = "aperte"
    n_open: int = 0
    n_late: int = 0

    def _rows(self, db: Session, ctx: StaffContext) -> None:
        ids = [self.centro_id] if self.centro_id else editable_centro_ids(db, ctx)
        now = clock.now()
        status = self.status_filter if self.status_filter in ("nuova", "in_lavorazione", "risolta") else ""
        found = inbox(db, ids, status)
        if self.status_filter == "aperte":
            found = [x for x in found if x[0].status in OPEN_REPORT_STATUSES]
        self.rows = []
        for r, centro, title in found:
            is_open = r.status in OPEN_REPORT_STATUSES
            left = report_days_left(r.created_at, now)
            self.rows.append(
                ReportRow(
                    r.id,
                    r.centro_id,
                    centro,
                    r.entry_id or 0,
                    title or "",
                    REPORT_KIND_LABELS.get(r.kind, r.kind),
                    r.text,
                    r.status,
                    REPORT_STATUS_LABELS.get(r.status, r.status),
                    when(r.created_at),
                    m.report_due(left, day(report_due(r.created_at)))
                    if is_open
                    else m.report_resolved(day(r.resolved_at))
                    if r.resolved_at
                    else "",
                    is_open and left < 0,
                    is_open,
                )
            )
        everything = inbox(db, ids)
        self.n_open = sum(1 for r, _, _ in everything if r.status in OPEN_REPORT_STATUSES)
        self.n_late = sum(
            1 for r, _, _ in everything if r.status in OPEN_REPORT_STATUSES and report_days_left(r.created_at, now) < 0
        )

    @staff_event(loader=True)
    def load(self, db: Session, ctx: StaffContext):
        params = self.router.url.query_parameters
        self.centro_id, self.centro_name = 0, ""
        if params.get("centro"):
            centro = require_centro(db, ctx, require(Id, {"id": params["centro"]}).id)
            self.centro_id, self.centro_name = centro.id, centro.name
        self.status_filter = params.get("stato", "aperte") if params.get("stato") in STATUS_FILTERS else "aperte"
        self._rows(db, ctx)

    @staff_event
    def set_filter(self, db: Session, ctx: StaffContext, status_filter: str):
        if self.centro_id:
            require_centro(db, ctx, self.centro_id)
        status_filter = status_filter if status_filter in STATUS_FILTERS else "aperte"
        base = f"/staff/segnalazioni?stato={status_filter}"
        return rx.redirect(base + (f"&centro={self.centro_id}" if self.centro_id else ""), replace=True)

    @staff_event
    def set_report_status(self, db: Session, ctx: StaffContext, report_id: int, status: str):
        data = require(ReportStatusInput, {"id": report_id, "status": status})
        report = require_report(db, ctx, data.id)
        changed = set_status(db, report, data.status, ctx.user_id, clock.now())
        db.commit()
        if changed:
            self.flash_ok = m.report_marked(REPORT_STATUS_LABELS[data.status])
        self._rows(db, ctx)
