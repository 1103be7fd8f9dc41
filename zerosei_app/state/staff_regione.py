"""/staff/regione (Regione): every centre at a glance, add a centre, what coverage is still a guess."""

from __future__ import annotations

import dataclasses

import reflex as rx
from sqlmodel import Session

from zerosei_app.auth.guard import StaffContext, editable_centro_ids
from zerosei_app.commands.staff_centri import CentroError, create_centro
from zerosei_app.domain import clock
from zerosei_app.domain.staff_forms import CentroAdminInput, ComuneCode, SearchText
from zerosei_app.domain.validation import parse, require
from zerosei_app.models import Comune
from zerosei_app.queries.comuni import comune_index
from zerosei_app.queries.staff_centri import enti
from zerosei_app.queries.staff_coverage import still_inferred
from zerosei_app.queries.staff_dashboard import summaries, totals
from zerosei_app.state.staff_base import StaffState, staff_event, today
from zerosei_app.state.staff_home import CentroCard, centro_cards
from zerosei_app.view import staff_messages as m


@dataclasses.dataclass
class ComuneOption:
    codice_istat: str
    label: str


class StaffRegioneState(StaffState):
    centri: list[CentroCard] = []
    totals: dict[str, int] = {}
    n_inferred: int = 0
    inferred_sample: list[str] = []
    enti_options: list[list[str]] = []
    # New centre form
    new_open: bool = False
    new_errors: dict[str, str] = {}
    new_form_key: int = 0
    comune_query: str = ""
    comune_hits: list[ComuneOption] = []
    new_comune: str = ""
    new_comune_label: str = ""

    def _refresh(self, db: Session, ctx: StaffContext) -> None:
        items = summaries(db, editable_centro_ids(db, ctx), today(), clock.now())
        self.centri = centro_cards(items)
        self.totals = totals([s for s in items if s.is_active])
        inferred = still_inferred(db)
        self.n_inferred = len(inferred)
        self.inferred_sample = [f"{c.name} ({c.sigla_provincia})" for c in inferred[:40]]

    @staff_event(loader=True, regione=True)
    def load(self, db: Session, ctx: StaffContext):
        self.enti_options = [[str(e.id), e.name] for e in enti(db)]
        self._refresh(db, ctx)

    @staff_event(regione=True)
    def toggle_new(self, db: Session, ctx: StaffContext):
        self.new_open = not self.new_open
        self.new_errors, self.comune_hits = {}, []

    @staff_event(regione=True)
    def search_comune(self, db: Session, ctx: StaffContext, form: dict):
        q = require(SearchText, {"q": form.get("q", "") if isinstance(form, dict) else ""}).q
        self.comune_query = q
        self.comune_hits = [
            ComuneOption(c.codice_istat, f"{c.name} ({c.provincia})") for c in comune_index(db).search(q, 8)
        ]
        if q and not self.comune_hits:
            self.flash_error = m.no_comune_found(q)

    @staff_event(regione=True)
    def pick_comune(self, db: Session, ctx: StaffContext, codice_istat: str):
        code = require(ComuneCode, {"codice_istat": codice_istat}).codice_istat
        comune = db.get(Comune, code)
        if comune is None:
            self.flash_error = m.UNKNOWN_COMUNE
            return
        self.new_comune, self.new_comune_label = code, f"{comune.name} ({comune.sigla_provincia})"
        self.comune_hits = []

    @staff_event(regione=True)
    def create(self, db: Session, ctx: StaffContext, form: dict):
        raw = form if isinstance(form, dict) else {}
        data, errors = parse(CentroAdminInput, {**raw, "codice_istat": self.new_comune})
        if data is None:
            self.new_errors = errors
            self.flash_error = m.CENTRO_NOT_CREATED
            return
        try:
            centro = create_centro(db, data, ctx.user_id, clock.now())
            db.commit()
        except CentroError as exc:
            db.rollback()
            self.flash_error = m.refusal(exc)
            return
        self.new_open, self.new_errors, self.new_comune, self.new_comune_label = False, {}, "", ""
        self.new_form_key += 1
        return rx.redirect(f"/staff/centro?id={centro.id}&creato=1")
