"""/staff/importa?centro=<id>: a centre's card to and from CSV (dry run, then all or nothing)."""

from __future__ import annotations

import reflex as rx
from sqlmodel import Session

from zerosei_app.auth.guard import StaffContext, require_centro
from zerosei_app.commands.csv_import import commit_entries_import
from zerosei_app.domain import clock
from zerosei_app.domain.csv_common import MAX_BYTES
from zerosei_app.domain.csv_entries import export_entries_csv
from zerosei_app.domain.staff_forms import Id
from zerosei_app.domain.text import fold
from zerosei_app.domain.validation import require
from zerosei_app.queries.csv_import import plan_entries_import
from zerosei_app.queries.staff_entries import entries_of
from zerosei_app.state.staff_base import DbRun, StaffState, staff_event, today
from zerosei_app.state.staff_import_plan import clear_plan, commit_or_replan, show_plan
from zerosei_app.view import staff_messages as m
from zerosei_app.view.staff_import_common import (
    RESET_FILE_INPUTS_JS,
    PlanRow,
    read_paste,
    read_upload,
)

UPLOAD_ID = "csv_voci"


class StaffImportState(StaffState):
    centro_id: int = 0
    centro_name: str = ""
    file_name: str = ""
    plan_summary: str = ""
    file_errors: list[str] = []
    notes: list[str] = []
    rows: list[PlanRow] = []
    can_commit: bool = False
    done: str = ""
    _data: bytes = b""
    _rejected: bool = False  # the last file offered was refused by the drop zone

    def _clear(self) -> None:
        clear_plan(self)

    def _plan(self, db: Session, centro_id: int, data: bytes, name: str) -> None:
        plan = plan_entries_import(db, centro_id, data)
        show_plan(self, plan, data, name)
        self.can_commit = plan.ok and (plan.count("nuova") + plan.count("modifica")) > 0
        self.done = ""
        if plan.ok and not self.can_commit:
            self.notes = [*self.notes, m.NOTHING_TO_IMPORT]

    @staff_event(loader=True)
    def load(self, db: Session, ctx: StaffContext):
        centro = require_centro(db, ctx, require(Id, {"id": self.router.url.query_parameters.get("centro", "")}).id)
        self.centro_id, self.centro_name = centro.id, centro.name
        self._clear()
        self.done = ""

    @staff_event
    async def upload(self, run: DbRun, ctx: StaffContext, files: list[rx.UploadFile]):
        centro_id = await run(lambda db: require_centro(db, ctx, self.centro_id).id)
        if not files and self._rejected:
            # react-dropzone also "drops" nothing when it refuses a file: keep saying why (either order).
            self._clear()
            self.flash_error = m.file_rejected(MAX_BYTES // 1_000_000)
            return rx.call_script(RESET_FILE_INPUTS_JS)
        self._rejected = False
        data, name, problem = await read_upload(files)
        if data is None:
            self._clear()
            self.flash_error = problem
            return rx.call_script(RESET_FILE_INPUTS_JS)
        await run(lambda db: self._plan(db, centro_id, data, name))
        return rx.call_script(RESET_FILE_INPUTS_JS)

    @staff_event
    def file_rejected(self, db: Session, ctx: StaffContext):
        require_centro(db, ctx, self.centro_id)
        self._clear()
        self._rejected = True
        self.flash_error = m.file_rejected(MAX_BYTES // 1_000_000)

    @staff_event
    def paste(self, db: Session, ctx: StaffContext, form: dict):
        centro = require_centro(db, ctx, self.centro_id)
        data, problem = read_paste(form)
        if data is None:
            self.flash_error = problem
            return
        self._plan(db, centro.id, data, m.PASTED_TEXT)

    @staff_event
    def commit(self, db: Session, ctx: StaffContext):
        centro = require_centro(db, ctx, self.centro_id)
        if not self._data:
            self.flash_error = m.UPLOAD_FIRST
            return
        plan = commit_or_replan(
            self,
            db,
            lambda: commit_entries_import(db, centro.id, self._data, ctx.user_id, clock.now()),
            lambda: self._plan(db, centro.id, self._data, self.file_name),
            m.NO_ENTRY_CHANGED,
        )
        if plan is None:
            return
        self.done = m.entries_imported(plan.count("nuova"), plan.count("modifica"))
        self.flash_ok = self.done
        self._clear()

    @staff_event
    def cancel(self, db: Session, ctx: StaffContext):
        require_centro(db, ctx, self.centro_id)
        self._clear()

    @staff_event
    def export(self, db: Session, ctx: StaffContext):
        centro = require_centro(db, ctx, self.centro_id)
        entries = sorted(entries_of(db, centro.id), key=lambda e: e.id)
        slug = "-".join(fold(centro.name).split())[:40] or f"centro-{centro.id}"
        return rx.download(
            data=export_entries_csv(entries), filename=f"carta-{slug}-{today().isoformat()}.csv", mime_type="text/csv"
        )
