"""/staff/tappe[?id=<tappa_id>] (Regione only): the public steps parents see on every path, and their check."""

from __future__ import annotations

from pydantic import BaseModel, Field
from sqlmodel import Session

from zerosei_app.auth.guard import StaffContext
from zerosei_app.commands.staff_tappe import MISSING, SAVED, STALE, UNCHANGED, confirm_checked, update_tappa
from zerosei_app.domain import clock
from zerosei_app.domain.tappa_form import TappaInput
from zerosei_app.domain.validation import parse, require
from zerosei_app.models import Tappa
from zerosei_app.queries.staff_tappe import list_tappe, values_of
from zerosei_app.state.staff_base import StaffState, staff_event, today
from zerosei_app.view import staff_messages as m


class TappaRef(BaseModel):
    id: str = Field(min_length=1, max_length=60, pattern=r"^[a-z0-9_]+$")
    version: int = Field(1, ge=1)


def _status(x: Tappa) -> str:
    return m.tappa_status(x.verified_on, x.needs_check)


class StaffTappeState(StaffState):
    rows: list[list[str]] = []  # [href, title, age, status]
    tappa_id: str = ""
    title: str = ""
    status: str = ""  # "Verificata il 06/12/2026" / "Da verificare sul sito ufficiale"
    form: dict[str, str] = {}
    form_key: int = 0
    errors: dict[str, str] = {}

    def _show(self, db: Session, tappa_id: str) -> None:
        self.rows = [
            [f"/staff/tappe?id={x.id}", x.title, m.tappa_months(x.age_min_months, x.age_max_months), _status(x)]
            for x in list_tappe(db)
        ]  # fmt: skip
        x = db.get(Tappa, tappa_id) if tappa_id else None
        self.errors = {}
        self.form_key += 1
        if x is None:
            self.tappa_id, self.title, self.status, self.form = "", "", "", {}
            return
        self.tappa_id, self.title, self.status, self.form = x.id, x.title, _status(x), values_of(x)

    @staff_event(loader=True, regione=True)
    def load(self, db: Session, ctx: StaffContext):
        wanted = self.router.url.query_parameters.get("id")
        self._show(db, require(TappaRef, {"id": wanted}).id if wanted else "")

    @staff_event(regione=True)
    def save(self, db: Session, ctx: StaffContext, form: dict):
        form = form if isinstance(form, dict) else {}
        ref = require(TappaRef, {"id": self.tappa_id})
        data, errors = parse(TappaInput, form)
        if data is None:
            self.errors = errors
            self.flash_error = errors.get("", m.NOT_SAVED_CHECK_FIELDS)
            return
        result = update_tappa(db, ref.id, data, ctx.user_id, clock.now())
        db.commit()
        if result in (STALE, MISSING):
            self.flash_error = m.TAPPA_STALE if result == STALE else m.TAPPA_MISSING
            return
        self._show(db, ref.id)
        self.flash_ok = m.NOTHING_TO_SAVE if result == UNCHANGED else m.TAPPA_SAVED

    @staff_event(regione=True)
    def confirm_today(self, db: Session, ctx: StaffContext, version: str):
        ref = require(TappaRef, {"id": self.tappa_id, "version": version})
        result = confirm_checked(db, ref.id, ref.version, ctx.user_id, today(), clock.now())
        db.commit()
        if result != SAVED:
            self.flash_error = m.TAPPA_STALE if result == STALE else m.TAPPA_MISSING
            return
        self._show(db, ref.id)
        self.flash_ok = m.tappa_confirmed(today())
