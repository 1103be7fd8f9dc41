"""/staff/comuni?centro=<id> (Regione): which comuni a centre serves."""

from __future__ import annotations

import dataclasses

from sqlmodel import Session

from zerosei_app.auth.guard import StaffContext, require_centro
from zerosei_app.commands.staff_coverage import CoverageError, add_link, remove_link
from zerosei_app.domain import clock
from zerosei_app.domain.staff_forms import ComuneCode, Id, SearchText
from zerosei_app.domain.validation import require
from zerosei_app.models import Comune
from zerosei_app.queries.comuni import comune_index
from zerosei_app.queries.staff_coverage import served
from zerosei_app.state.staff_base import StaffState, staff_event
from zerosei_app.view import staff_messages as m
from zerosei_app.view.staff_labels import ORIGINE_LABELS


@dataclasses.dataclass
class LinkRow:
    codice_istat: str
    name: str
    provincia: str
    origine: str
    origine_label: str
    distance: str


@dataclasses.dataclass
class ComuneHit:
    codice_istat: str
    name: str
    provincia: str
    linked: bool


class StaffCoverageState(StaffState):
    centro_id: int = 0
    centro_name: str = ""
    links: list[LinkRow] = []
    n_inferred: int = 0
    query: str = ""
    hits: list[ComuneHit] = []

    def _links(self, db: Session) -> None:
        rows = served(db, self.centro_id)
        self.links = [
            LinkRow(
                comune.codice_istat,
                comune.name,
                comune.sigla_provincia,
                k.origine,
                ORIGINE_LABELS.get(k.origine, k.origine),
                f"{k.distance_km:.0f} km" if k.distance_km else "",
            )
            for comune, k in rows
        ]
        self.n_inferred = sum(1 for _, k in rows if k.origine == "inferito")
        linked = {k.codice_istat for k in self.links}
        self.hits = [dataclasses.replace(h, linked=h.codice_istat in linked) for h in self.hits]

    @staff_event(loader=True, regione=True)
    def load(self, db: Session, ctx: StaffContext):
        centro = require_centro(db, ctx, require(Id, {"id": self.router.url.query_parameters.get("centro", "")}).id)
        self.centro_id, self.centro_name = centro.id, centro.name
        self.query, self.hits = "", []
        self._links(db)

    @staff_event(regione=True)
    def search(self, db: Session, ctx: StaffContext, form: dict):
        require_centro(db, ctx, self.centro_id)
        q = require(SearchText, {"q": (form or {}).get("q", "") if isinstance(form, dict) else ""}).q
        self.query = q
        linked = {k.codice_istat for k in self.links}
        self.hits = [
            ComuneHit(c.codice_istat, c.name, c.provincia, c.codice_istat in linked)
            for c in comune_index(db).search(q, 12)
        ]
        if q and not self.hits:
            self.flash_error = m.no_comune_found(q)

    @staff_event(regione=True)
    def add(self, db: Session, ctx: StaffContext, codice_istat: str):
        code = require(ComuneCode, {"codice_istat": codice_istat}).codice_istat
        centro = require_centro(db, ctx, self.centro_id)
        try:
            add_link(db, centro, code, ctx.user_id, clock.now())
        except CoverageError as exc:
            db.rollback()
            self.flash_error = m.refusal(exc)
            return
        db.commit()
        name = db.get(Comune, code).name
        self.flash_ok = m.comune_linked(name)
        self._links(db)

    @staff_event(regione=True)
    def remove(self, db: Session, ctx: StaffContext, codice_istat: str):
        code = require(ComuneCode, {"codice_istat": codice_istat}).codice_istat
        centro = require_centro(db, ctx, self.centro_id)
        relinked = remove_link(db, centro, code, ctx.user_id, clock.now())
        db.commit()
        comune = db.get(Comune, code)
        self.flash_ok = m.comune_unlinked(comune.name if comune else code, bool(relinked))
        self._links(db)
