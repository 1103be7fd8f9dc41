"""/staff/centro?id=<id>: the centre's profile (its staff), and name/ente/verification/close (the Regione)."""

from __future__ import annotations

from sqlmodel import Session

from zerosei_app.auth.guard import StaffContext, require_centro, require_regione
from zerosei_app.commands.review_cycle import record_confirmation
from zerosei_app.commands.staff_centri import CentroConflict, CentroError, set_active, update_admin, update_profile
from zerosei_app.domain import clock
from zerosei_app.domain.staff_forms import CentroAdminInput, CentroProfileInput, Id, centro_form_to_raw
from zerosei_app.domain.staff_labels import STATO_VERIFICA_LABELS
from zerosei_app.domain.validation import parse, require
from zerosei_app.queries.comuni import get_comune
from zerosei_app.queries.review_cycle import last_contacts_confirmation
from zerosei_app.queries.staff_centri import enti
from zerosei_app.settings import get_mail_settings
from zerosei_app.state import staff_chiusure as closures
from zerosei_app.state.staff_base import StaffState, staff_event
from zerosei_app.state.staff_write import commit_or_say, said
from zerosei_app.view import staff_centro as v
from zerosei_app.view import staff_messages as m


class StaffCentroState(StaffState):
    centro_id: int = 0
    centro_name: str = ""
    comune_name: str = ""
    active: bool = True
    verification_label: str = ""
    form: dict[str, str] = {}
    form_key: int = 0
    errors: dict[str, str] = {}
    enti_options: list[list[str]] = []  # [id, nome]
    confirm_close: bool = False
    ente_id: int = 0  # for the links to the ente's and the comune's contacts
    codice_istat: str = ""
    relinked: list[str] = []
    # The review cycle: when the centre last said its contacts are still right ("" = never).
    contacts_confirmed: str = ""
    review_days: int = 180
    # Temporary closures (components/staff_chiusure.py): the centre's staff and the Regione.
    chiusure: list[dict[str, str]] = []
    chiusura_values: dict[str, str] = closures.BLANK_CHIUSURA
    chiusura_errors: dict[str, str] = {}
    chiusura_entries: list[list[str]] = []  # [id, title] of the centre's entries
    chiusura_form_key: int = 0
    _base_version: int = 0

    def _fill(self, db: Session, centro) -> None:
        comune = get_comune(db, centro.codice_istat)
        self.centro_id, self.centro_name, self.active = centro.id, centro.name, centro.is_active
        self.comune_name = comune.name if comune else centro.codice_istat
        self.verification_label = STATO_VERIFICA_LABELS.get(centro.stato_verifica, centro.stato_verifica)
        self._base_version = centro.version
        self.form = v.centro_form(centro)
        self.ente_id = centro.ente_gestore_id or 0
        self.codice_istat = centro.codice_istat
        self.form_key += 1
        self.errors = {}
        self.confirm_close = False
        self.contacts_confirmed = clock.day(last_contacts_confirmation(db, centro.id))
        self.review_days = get_mail_settings().review_days

    @staff_event(loader=True)
    def load(self, db: Session, ctx: StaffContext):
        centro = require_centro(db, ctx, require(Id, {"id": self.router.url.query_parameters.get("id", "")}).id)
        self.relinked = []
        self.enti_options = [[str(e.id), e.name] for e in enti(db)] if ctx.is_regione else []
        self._fill(db, centro)
        closures.fill(self, db, centro.id)
        closures.reset_form(self)
        if self.router.url.query_parameters.get("creato"):
            self.flash_ok = m.CENTRO_CREATED

    @staff_event
    def save(self, db: Session, ctx: StaffContext, form: dict):
        centro = require_centro(db, ctx, self.centro_id)
        raw = centro_form_to_raw(form if isinstance(form, dict) else {})
        if ctx.is_regione:
            data, errors = parse(
                CentroAdminInput, {**raw, "codice_istat": raw.get("codice_istat") or centro.codice_istat}
            )
        else:
            data, errors = parse(CentroProfileInput, raw)  # other fields in the request are ignored
        if data is None:
            self.errors = errors
            self.flash_error = m.NOT_SAVED_CHECK_FIELDS
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
        self.flash_ok = m.CENTRO_SAVED if changed else m.NOTHING_TO_SAVE

    @staff_event
    def confirm_contacts(self, db: Session, ctx: StaffContext):
        """The centre says its stored contacts (as shown, saved) are still right: a review-cycle record."""
        centro = require_centro(db, ctx, self.centro_id)
        record_confirmation(
            db, centro_id=centro.id, entry=None, how="editor", user_id=ctx.user_id, today=clock.today(), now=clock.now()
        )
        db.commit()
        self.contacts_confirmed = clock.day(last_contacts_confirmation(db, centro.id))
        self.flash_ok = v.CONTACTS_CONFIRMED

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
        closures.add(self, db, ctx.user_id, centro.id, form)

    @staff_event
    def remove_chiusura(self, db: Session, ctx: StaffContext, chiusura_id: str):
        centro = require_centro(db, ctx, self.centro_id)
        closures.remove(self, db, ctx.user_id, centro.id, chiusura_id)
