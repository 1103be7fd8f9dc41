"""/staff/centro?id=<id>: the centre's profile (its staff), and name/ente/verification/close (the Regione)."""

from __future__ import annotations

from sqlmodel import Session

from zerosei_app.auth.guard import StaffContext, require_centro, require_regione
from zerosei_app.domain import clock
from zerosei_app.domain.chiusure import ChiusuraInput
from zerosei_app.domain.staff_forms import CentroAdminInput, CentroProfileInput, Id
from zerosei_app.domain.staff_labels import STATO_VERIFICA_LABELS
from zerosei_app.domain.validation import parse, require
from zerosei_app.queries.chiusure import ChiusuraError, entry_titles, of_centro
from zerosei_app.queries.chiusure import add as add_chiusura
from zerosei_app.queries.chiusure import remove as remove_chiusura
from zerosei_app.queries.comuni import get_comune
from zerosei_app.queries.staff_centri import CentroConflict, CentroError, enti, set_active, update_admin, update_profile
from zerosei_app.state.staff_base import StaffState, staff_event
from zerosei_app.state.staff_write import commit_or_say, said
from zerosei_app.view import staff_centro as v
from zerosei_app.view.staff_chiusure import added_message, chiusura_row

BLANK_CHIUSURA = {"dal": "", "al": "", "motivo": "", "entry_id": ""}


class StaffCentroState(StaffState):
    centro_id: int = 0
    centro_nome: str = ""
    comune_nome: str = ""
    attivo: bool = True
    verifica_label: str = ""
    form: dict[str, str] = {}
    form_key: int = 0
    errors: dict[str, str] = {}
    enti_options: list[list[str]] = []  # [id, nome]
    confirm_close: bool = False
    ente_id: int = 0  # for the links to the ente's and the comune's contacts
    codice_istat: str = ""
    relinked: list[str] = []
    # Temporary closures (components/staff_chiusure.py): the centre's staff and the Regione.
    chiusure: list[dict[str, str]] = []
    chiusura_values: dict[str, str] = BLANK_CHIUSURA
    chiusura_errors: dict[str, str] = {}
    chiusura_entries: list[list[str]] = []  # [id, title] of the centre's entries
    chiusura_form_key: int = 0
    _base_version: int = 0

    def _fill_chiusure(self, db: Session, centro_id: int) -> None:
        today = clock.today()
        entries = entry_titles(db, centro_id)
        self.chiusura_entries = [[str(i), title] for i, title in entries.items()]
        self.chiusure = [chiusura_row(c, entries, today) for c in of_centro(db, centro_id, today)]

    def _fill(self, db: Session, centro) -> None:
        comune = get_comune(db, centro.codice_istat)
        self.centro_id, self.centro_nome, self.attivo = centro.id, centro.nome, centro.is_active
        self.comune_nome = comune.nome if comune else centro.codice_istat
        self.verifica_label = STATO_VERIFICA_LABELS.get(centro.stato_verifica, centro.stato_verifica)
        self._base_version = centro.version
        self.form = v.centro_form(centro)
        self.ente_id = centro.ente_gestore_id or 0
        self.codice_istat = centro.codice_istat
        self.form_key += 1
        self.errors = {}
        self.confirm_close = False

    @staff_event(loader=True)
    def load(self, db: Session, ctx: StaffContext):
        centro = require_centro(db, ctx, require(Id, {"id": self.router.url.query_parameters.get("id", "")}).id)
        self.relinked = []
        self.enti_options = [[str(e.id), e.nome] for e in enti(db)] if ctx.is_regione else []
        self._fill(db, centro)
        self._fill_chiusure(db, centro.id)
        self.chiusura_values, self.chiusura_errors = dict(BLANK_CHIUSURA), {}
        if self.router.url.query_parameters.get("creato"):
            self.flash_ok = "Centro creato: serve il suo comune. Indica gli altri comuni che serve da «Comuni serviti da questo centro»."

    @staff_event
    def save(self, db: Session, ctx: StaffContext, form: dict):
        centro = require_centro(db, ctx, self.centro_id)
        raw = form if isinstance(form, dict) else {}
        if ctx.is_regione:
            data, errors = parse(
                CentroAdminInput, {**raw, "codice_istat": raw.get("codice_istat") or centro.codice_istat}
            )
        else:
            data, errors = parse(CentroProfileInput, raw)  # other fields in the request are ignored
        if data is None:
            self.errors = errors
            self.flash_error = "Non salvato: controlla i campi evidenziati."
            return
        update = update_admin if ctx.is_regione else update_profile
        done, changed = commit_or_say(
            self,
            db,
            lambda: update(db, centro, self._base_version, data, ctx.user_id, clock.now()),
            {CentroConflict: lambda c: v.conflict_message(c.by), CentroError: said},
        )
        if not done:
            return
        db.refresh(centro)
        self._fill(db, centro)
        self.flash_ok = "Dati del centro salvati." if changed else "Nessuna modifica da salvare."

    @staff_event(regione=True)
    def ask_close(self, db: Session, ctx: StaffContext):
        require_centro(db, ctx, self.centro_id)
        self.confirm_close = True

    @staff_event(regione=True)
    def cancel_close(self, db: Session, ctx: StaffContext):
        require_centro(db, ctx, self.centro_id)
        self.confirm_close = False

    @staff_event(regione=True)
    def set_open(self, db: Session, ctx: StaffContext, open_: bool):
        require_regione(ctx)
        centro = require_centro(db, ctx, self.centro_id)
        self.relinked = set_active(db, centro, bool(open_), ctx.user_id, clock.now())
        db.commit()
        db.refresh(centro)
        self._fill(db, centro)
        self.flash_ok = v.open_message(bool(open_), self.relinked)

    @staff_event
    def add_chiusura(self, db: Session, ctx: StaffContext, form: dict):
        centro = require_centro(db, ctx, self.centro_id)  # the centre's staff or the Regione
        raw = {k: str(v)[:300] for k, v in (form if isinstance(form, dict) else {}).items() if k in BLANK_CHIUSURA}
        data, errors = parse(ChiusuraInput, {**raw, "entry_id": raw.get("entry_id") or 0})
        if data is None:
            self.chiusura_values, self.chiusura_errors = {**BLANK_CHIUSURA, **raw}, errors
            self.chiusura_form_key += 1
            self.flash_error = "Chiusura non salvata: controlla le date."
            return
        done, row = commit_or_say(
            self,
            db,
            lambda: add_chiusura(db, centro.id, data, ctx.user_id, clock.now(), clock.today()),
            {ChiusuraError: said},
        )
        if not done:
            self.chiusura_values = {**BLANK_CHIUSURA, **raw}
            self.chiusura_form_key += 1
            return
        self.chiusura_values, self.chiusura_errors = dict(BLANK_CHIUSURA), {}
        self.chiusura_form_key += 1
        self._fill_chiusure(db, centro.id)
        self.flash_ok = added_message(row)

    @staff_event
    def remove_chiusura(self, db: Session, ctx: StaffContext, chiusura_id: str):
        centro = require_centro(db, ctx, self.centro_id)
        ref = require(Id, {"id": chiusura_id})
        done, _ = commit_or_say(
            self,
            db,
            lambda: remove_chiusura(db, centro.id, ref.id, ctx.user_id, clock.now()),
            {ChiusuraError: said},
        )
        self._fill_chiusure(db, centro.id)
        if done:
            self.flash_ok = "Chiusura tolta: le famiglie non la vedono più."
