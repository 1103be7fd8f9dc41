"""/staff/regione/enti (Regione): which ente gestore serves each comune, set one at a time (choosing the
ente or the centre: a guessed link is never confirmed by one click) or by CSV (template, export, check,
apply); filtered by ?solo=dedotti, ?provincia=, ?q= (the filters are in the address)."""

from __future__ import annotations

import dataclasses
from urllib.parse import urlencode

import reflex as rx
from pydantic import BaseModel, ConfigDict, Field
from sqlmodel import Session

from zerosei_app.auth.guard import StaffContext, require_centro
from zerosei_app.commands.comune_ente import EnteError, commit_import, set_ente
from zerosei_app.commands.staff_coverage import CoverageError, add_link
from zerosei_app.domain import clock
from zerosei_app.domain.catalog import PROVINCE
from zerosei_app.domain.istat import CodiceIstat
from zerosei_app.domain.validation import parse
from zerosei_app.queries.comune_ente import centri_options, export_csv, listing, plan_import, template
from zerosei_app.queries.staff_centri import enti
from zerosei_app.state.staff_base import StaffState, staff_event, today
from zerosei_app.state.staff_write import commit_or_say, said
from zerosei_app.view import staff_messages as m
from zerosei_app.view.staff_import_common import paste_limit

SHOWN = 50  # rows on the page; filters narrow the rest


class Filters(BaseModel):
    """The list's filters, from the address or the form (the key `solo` stays: it is in links; the alias maps it)."""

    model_config = ConfigDict(str_strip_whitespace=True, extra="ignore")
    only: str = Field("", max_length=20, alias="solo")
    provincia: str = Field("", max_length=2)
    q: str = Field("", max_length=100)


class EnteChoice(BaseModel):
    """One comune's row: the ente chosen (id) and/or the centre that serves it; never empty."""

    model_config = ConfigDict(str_strip_whitespace=True, extra="ignore")
    codice_istat: CodiceIstat
    ente: int | None = Field(None, gt=0, lt=2**31)
    centro: int | None = Field(None, gt=0, lt=2**31)


@dataclasses.dataclass
class ComuneEnteRow:
    codice_istat: str
    name: str
    provincia: str
    ente: str
    source: str
    only_inferred: bool
    centri: str


@dataclasses.dataclass
class CsvPlanRow:
    line: int
    comune: str
    ente: str
    action: str
    errors: str


def _blank_none(form: dict, *keys: str) -> dict:
    return {k: (None if v in ("", None) else v) if k in keys else v for k, v in form.items()}


class StaffRegioneEntiState(StaffState):
    rows: list[ComuneEnteRow] = []
    n_rows: int = 0
    only: str = ""  # "dedotti" (the address's ?solo=dedotti) or ""
    provincia: str = ""
    q: str = ""
    enti_options: list[list[str]] = []
    centri_options: list[list[str]] = []
    form_key: int = 0
    _csv_text: str = ""  # the pasted file that was checked: "Applica" applies exactly it
    csv_rows: list[CsvPlanRow] = []
    csv_errors: list[str] = []
    csv_ok: bool = False
    csv_summary: str = ""

    def _fill(self, db: Session) -> None:
        found = listing(db, self.only == "dedotti", self.provincia, self.q)
        self.n_rows = len(found)
        self.rows = [
            ComuneEnteRow(c.codice_istat, c.name, c.provincia, c.ente, c.source, c.only_inferred, c.centri)
            for c in found[:SHOWN]
        ]
        self.form_key += 1

    @staff_event(loader=True, regione=True)
    def load(self, db: Session, ctx: StaffContext):
        f, _ = parse(Filters, self.router.url.query_parameters)
        f = f or Filters()
        self.only = "dedotti" if f.only == "dedotti" else ""
        self.provincia = f.provincia.upper() if f.provincia.upper() in PROVINCE else ""
        self.q = f.q
        self.enti_options = [[str(e.id), e.name] for e in enti(db)]
        self.centri_options = centri_options(db)
        self._fill(db)

    @staff_event(regione=True)
    def apply_filters(self, db: Session, ctx: StaffContext, form: dict):
        f, _ = parse(Filters, form if isinstance(form, dict) else {})
        f = f or Filters()
        params = {k: v for k, v in (("solo", "dedotti" if f.only else ""), ("provincia", f.provincia), ("q", f.q)) if v}
        return rx.redirect("/staff/regione/enti" + (f"?{urlencode(params)}" if params else ""))

    @staff_event(regione=True)
    def choose(self, db: Session, ctx: StaffContext, form: dict):
        raw = form if isinstance(form, dict) else {}
        data, errors = parse(EnteChoice, _blank_none(raw, "ente", "centro"))
        if data is None:
            self.flash_error = m.not_saved(list(errors.values()))
            return
        if data.ente is None and data.centro is None:
            self.flash_error = m.CHOOSE_ENTE_OR_CENTRO
            return
        centro = require_centro(db, ctx, data.centro) if data.centro else None
        now = clock.now()

        def write():
            changed = set_ente(db, data.codice_istat, data.ente, ctx.user_id, now) if data.ente else False
            if centro is not None:
                add_link(db, centro, data.codice_istat, ctx.user_id, now)
            return changed

        done, _ = commit_or_say(self, db, write, {EnteError: said, CoverageError: said})
        if not done:
            return
        self._fill(db)
        self.flash_ok = m.ente_chosen(data.ente is not None, centro is not None, data.codice_istat)

    # ---------------------------------------------------------------- CSV

    @staff_event(regione=True)
    def download_template(self, db: Session, ctx: StaffContext):
        return rx.download(data=template(db), filename="enti-gestori-modello.csv", mime_type="text/csv")

    @staff_event(regione=True)
    def download_export(self, db: Session, ctx: StaffContext):
        return rx.download(
            data=export_csv(db), filename=f"enti-gestori-comuni-{today().isoformat()}.csv", mime_type="text/csv"
        )

    @staff_event(regione=True)
    def check_csv(self, db: Session, ctx: StaffContext, form: dict):
        text = str((form if isinstance(form, dict) else {}).get("csv", ""))
        if len(text) > paste_limit():  # never cut: a shorter CSV would be read as the whole one
            self._csv_text, self.csv_rows, self.csv_errors, self.csv_ok = "", [], [], False
            self.flash_error = m.paste_too_long(paste_limit())
            return
        self._csv_text = text
        plan, _ = plan_import(db, text)
        self._show_plan(plan)

    def _show_plan(self, plan) -> None:
        self.csv_errors = plan.file_errors
        self.csv_rows = [
            CsvPlanRow(r.line, r.comune or r.codice_istat, r.ente, r.action, "; ".join(r.errors)) for r in plan.rows
        ]
        self.csv_ok = plan.ok and bool(plan.rows)
        self.csv_summary = m.enti_plan_summary(
            plan.count("nuovo"), plan.count("modifica"), plan.count("invariato"), plan.count("errore")
        )

    @staff_event(regione=True)
    def apply_csv(self, db: Session, ctx: StaffContext):
        text = self._csv_text  # what was checked (a backend-only var)
        done, plan = commit_or_say(
            self, db, lambda: commit_import(db, text, ctx.user_id, clock.now()), {EnteError: said}
        )
        if not done:
            self._show_plan(plan_import(db, text)[0])
            return
        self._csv_text, self.csv_rows, self.csv_errors, self.csv_ok = "", [], [], False
        self._fill(db)
        self.flash_ok = m.enti_updated(plan.count("nuovo") + plan.count("modifica"))

    @staff_event(regione=True)
    def cancel_csv(self, db: Session, ctx: StaffContext):
        self._csv_text, self.csv_rows, self.csv_errors, self.csv_ok, self.csv_summary = "", [], [], False, ""
