"""/staff/recapiti?ente=<id> | ?comune=<ISTAT> (Regione): the official contacts families see when a centre has none."""

from __future__ import annotations

import reflex as rx
from sqlmodel import Session

from zerosei_app.auth.guard import StaffContext
from zerosei_app.commands.staff_contacts import update_contacts
from zerosei_app.domain import clock
from zerosei_app.domain.contacts_form import ContactsInput
from zerosei_app.domain.staff_forms import ComuneCode, Id, SearchText
from zerosei_app.domain.validation import parse, require
from zerosei_app.models import Comune, EnteGestore
from zerosei_app.queries.comuni import comune_index
from zerosei_app.queries.staff_contacts import enti_gestori, values_of
from zerosei_app.state.staff_base import StaffState, staff_event
from zerosei_app.view import staff_messages as m

_EMPTY = {"website": "", "email": "", "pec": "", "phone": "", "contacts_notes": ""}


class StaffContactsState(StaffState):
    kind: str = ""  # "" | ente | comune
    key: str = ""
    title: str = ""
    source: str = ""  # where the saved values come from
    form: dict[str, str] = dict(_EMPTY)
    form_key: int = 0
    errors: dict[str, str] = {}
    enti_options: list[list[str]] = []  # [id, name]
    comune_query: str = ""
    comune_hits: list[list[str]] = []  # [href, label]

    def _show(self, obj: Comune | EnteGestore | None, kind: str) -> None:
        self.errors = {}
        self.form_key += 1
        if obj is None:
            self.kind, self.key, self.title, self.source, self.form = "", "", "", "", dict(_EMPTY)
            return
        self.kind = kind
        self.key = obj.codice_istat if kind == "comune" else str(obj.id)
        self.title = m.comune_title(obj.name) if kind == "comune" else obj.name
        self.form = values_of(obj)
        if obj.contacts_edited_at is not None:
            self.source = m.contacts_corrected(obj.contacts_edited_at)
        elif obj.contacts_source:
            self.source = m.contacts_from_indicepa(obj.contacts_source_date)
        else:
            self.source = m.NO_RECAPITI

    def _current(self, db: Session) -> Comune | EnteGestore | None:
        if self.kind == "comune":
            return db.get(Comune, self.key)
        if self.kind == "ente":
            return db.get(EnteGestore, int(self.key))
        return None

    @staff_event(loader=True, regione=True)
    def load(self, db: Session, ctx: StaffContext):
        self.enti_options = [[str(e.id), e.name] for e in enti_gestori(db)]
        self.comune_hits = []
        params = self.router.url.query_parameters
        if params.get("ente"):
            self._show(db.get(EnteGestore, require(Id, {"id": params.get("ente")}).id), "ente")
        elif params.get("comune"):
            self._show(
                db.get(Comune, require(ComuneCode, {"codice_istat": params.get("comune")}).codice_istat), "comune"
            )
        else:
            self._show(None, "")

    @staff_event(regione=True)
    def open_ente(self, db: Session, ctx: StaffContext, form: dict):
        """ "Apri": the chosen ente's contacts (the address carries the choice, as links to it do)."""
        raw = (form if isinstance(form, dict) else {}).get("ente", "")
        ref, _ = parse(Id, {"id": raw})
        if ref is None or db.get(EnteGestore, ref.id) is None:
            self.flash_error = m.CHOOSE_ENTE
            return
        return rx.redirect(f"/staff/recapiti?ente={ref.id}")

    @staff_event(regione=True)
    def search_comune(self, db: Session, ctx: StaffContext, form: dict):
        q = require(SearchText, {"q": form.get("q", "") if isinstance(form, dict) else ""}).q
        self.comune_query = q
        self.comune_hits = [
            [f"/staff/recapiti?comune={c.codice_istat}", f"{c.name} ({c.provincia})"]
            for c in comune_index(db).search(q, 8)
        ]
        if q and not self.comune_hits:
            self.flash_error = m.no_comune_found(q)

    @staff_event(regione=True)
    def save(self, db: Session, ctx: StaffContext, form: dict):
        obj = self._current(db)
        if obj is None:
            self.flash_error = m.CHOOSE_ENTE_OR_COMUNE
            return
        data, errors = parse(ContactsInput, form if isinstance(form, dict) else {})
        if data is None:
            self.errors = errors
            self.flash_error = m.NOT_SAVED_CHECK_FIELDS
            return
        changed = update_contacts(db, obj, data, ctx.user_id, clock.now())
        db.commit()
        db.refresh(obj)
        self._show(obj, self.kind)
        self.flash_ok = m.CONTACTS_SAVED if changed else m.NOTHING_TO_SAVE
