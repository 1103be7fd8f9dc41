"""The entry editor's "Chiusure temporanee" panel: this entry suspended for a while (its own state, like
the sessions panel, so the editor's form is untouched). Every handler re-checks the entry, and so its centre,
from the page's address."""

from __future__ import annotations

from sqlmodel import Session

from zerosei_app.auth.guard import StaffContext, require_entry
from zerosei_app.domain.staff_forms import Id
from zerosei_app.domain.validation import require
from zerosei_app.models import CardEntry
from zerosei_app.state import staff_chiusure as closures
from zerosei_app.state.staff_base import StaffState, staff_event


class StaffEntryChiusureState(StaffState):
    entry_ready: bool = False  # False while the entry is not saved yet
    chiusure: list[dict[str, str]] = []
    chiusura_values: dict[str, str] = closures.BLANK_CHIUSURA
    chiusura_errors: dict[str, str] = {}
    chiusura_entries: list[list[str]] = []  # unused here: the entry is the page's
    chiusura_form_key: int = 0

    def _entry(self, db: Session, ctx: StaffContext) -> CardEntry:
        ref = require(Id, {"id": self.router.url.query_parameters.get("id", "")})
        return require_entry(db, ctx, ref.id)

    @staff_event(quiet=True)
    def load(self, db: Session, ctx: StaffContext):
        if not self.router.url.query_parameters.get("id"):
            self.entry_ready, self.chiusure = False, []
            return
        entry = self._entry(db, ctx)
        closures.fill(self, db, entry.centro_id, entry.id)
        closures.reset_form(self)
        self.entry_ready = True

    @staff_event
    def add_chiusura(self, db: Session, ctx: StaffContext, form: dict):
        entry = self._entry(db, ctx)
        closures.add(self, db, ctx.user_id, entry.centro_id, form, entry.id)

    @staff_event
    def remove_chiusura(self, db: Session, ctx: StaffContext, chiusura_id: str):
        entry = self._entry(db, ctx)
        closures.remove(self, db, ctx.user_id, entry.centro_id, chiusura_id, entry.id)
