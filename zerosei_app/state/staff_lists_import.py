"""/staff/regione/elenchi (Regione): import the official list of centres and of the comuni each serves."""

from __future__ import annotations

from datetime import datetime

import reflex as rx
from sqlmodel import Session

from zerosei_app.auth.guard import StaffContext
from zerosei_app.commands.csv_import import commit_centri_import, commit_copertura_import
from zerosei_app.domain import clock
from zerosei_app.queries.csv_import import ImportPlan, plan_centri_import, plan_copertura_import
from zerosei_app.queries.staff_coverage import still_inferred
from zerosei_app.state.staff_base import DbRun, StaffState, staff_event
from zerosei_app.state.staff_import_plan import clear_plan, commit_or_replan, show_plan
from zerosei_app.view import staff_messages as m
from zerosei_app.view.staff_import_common import (
    RESET_FILE_INPUTS_JS,
    PlanRow,
    read_paste,
    read_upload,
)

PLANNERS = {"centri": plan_centri_import, "copertura": plan_copertura_import}


def _commit_copertura(db: Session, data: bytes, user_id: int, now: datetime) -> ImportPlan:
    return commit_copertura_import(db, data, user_id, now)[0]


COMMITTERS = {"centri": commit_centri_import, "copertura": _commit_copertura}
UPLOAD_IDS = {"centri": "csv_centri", "copertura": "csv_copertura"}


class StaffListsImportState(StaffState):
    kind: str = ""
    file_name: str = ""
    plan_summary: str = ""
    file_errors: list[str] = []
    notes: list[str] = []
    rows: list[PlanRow] = []
    can_commit: bool = False
    n_inferred: int = 0
    inferred_sample: list[str] = []
    _data: bytes = b""

    def _clear(self) -> None:
        self.kind = ""
        clear_plan(self)

    def _inferred(self, db: Session) -> None:
        inferred = still_inferred(db)
        self.n_inferred = len(inferred)
        self.inferred_sample = [f"{c.name} ({c.sigla_provincia})" for c in inferred[:60]]

    def _plan(self, db: Session, kind: str, data: bytes, name: str) -> None:
        self.kind = kind
        show_plan(self, PLANNERS[kind](db, data), data, name)

    @staff_event(loader=True, regione=True)
    def load(self, db: Session, ctx: StaffContext):
        self._clear()
        self._inferred(db)

    @staff_event(regione=True)
    async def upload_centri(self, run: DbRun, ctx: StaffContext, files: list[rx.UploadFile]):
        return await self._upload(run, "centri", files)

    @staff_event(regione=True)
    async def upload_copertura(self, run: DbRun, ctx: StaffContext, files: list[rx.UploadFile]):
        return await self._upload(run, "copertura", files)

    async def _upload(self, run: DbRun, kind: str, files):
        data, name, problem = await read_upload(files)
        if data is None:
            self._clear()
            self.flash_error = problem
        else:
            await run(lambda db: self._plan(db, kind, data, name))
        return rx.call_script(RESET_FILE_INPUTS_JS)

    @staff_event(regione=True)
    def paste(self, db: Session, ctx: StaffContext, form: dict):
        kind = form.get("kind") if isinstance(form, dict) else None
        if kind not in PLANNERS:
            self.flash_error = m.CHOOSE_LIST_KIND
            return
        data, problem = read_paste(form)
        if data is None:
            self.flash_error = problem
            return
        self._plan(db, kind, data, m.PASTED_TEXT)

    @staff_event(regione=True)
    def commit(self, db: Session, ctx: StaffContext):
        if self.kind not in COMMITTERS or not self._data:
            self.flash_error = m.UPLOAD_FIRST
            return
        plan = commit_or_replan(
            self,
            db,
            lambda: COMMITTERS[self.kind](db, self._data, ctx.user_id, clock.now()),
            lambda: self._plan(db, self.kind, self._data, self.file_name),
            m.NOTHING_CHANGED,
        )
        if plan is None:
            return
        self.flash_ok = m.list_imported(self.kind, len(plan.rows), plan.notes)
        self._clear()
        self._inferred(db)

    @staff_event(regione=True)
    def cancel(self, db: Session, ctx: StaffContext):
        self._clear()
