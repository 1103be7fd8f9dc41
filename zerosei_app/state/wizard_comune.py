"""Step 1, "Dove vivi?": the comune combobox (state/combobox.py) over the domain's comune search
(name, CAP, typos); a pick or an exact name moves on to the children's step."""

from typing import ClassVar

import reflex as rx
from pydantic import BaseModel, ValidationError

from zerosei_app.db import session_scope
from zerosei_app.domain.istat import CodiceIstat
from zerosei_app.domain.link import PathQuery
from zerosei_app.domain.text import fold
from zerosei_app.queries.comuni import comune_index
from zerosei_app.state.combobox import ComboboxState
from zerosei_app.state.wizard import WizardState, go
from zerosei_app.view import urls
from zerosei_app.view.comune_options import (
    MAX_OPTIONS,
    ComboOption,
    chosen_status,
    comune_label,
    comune_options,
    comune_status,
    missing_comune_error,
)


class PickIn(BaseModel):
    code: CodiceIstat


class ComuneStepState(ComboboxState, WizardState):
    error: str = ""
    max_chars: ClassVar[int] = 500

    @rx.event
    def on_load(self):
        script = self._sync_ui()
        q = self._load()
        self.options, self.active, self.expanded, self.error = [], -1, False, ""
        if q.comune is not None:
            self.text = self._picked_name()
            self.status = chosen_status(self.comune_label, self.lang)
        else:
            self.text, self.status = "", ""
        return [script, *self._url_in_step()]

    def _picked_name(self) -> str:
        return self.comune_label.rsplit(" (", 1)[0]

    def _typed(self, text: str):
        self.error = ""
        if not self.comune_code:
            self._show(text)
            return None
        if text == self._picked_name():
            return None  # the picked name echoed back (e.g. on blur): keep the list closed
        self.comune_code, self.comune_label = "", ""  # typing again un-picks the comune
        self._set_query(PathQuery(**{**self._query().model_dump(), "comune": None}))
        self._show(text)
        return self._replace_url(urls.STEP_COMUNE, self._qs)

    def _find(self, text: str) -> tuple[list[ComboOption], str]:
        with session_scope() as db:
            found = comune_index(db).search(text, MAX_OPTIONS + 1)  # one more tells "there are more"
        more, found = len(found) > MAX_OPTIONS, found[:MAX_OPTIONS]
        return comune_options(found), comune_status(len(found), more, self.lang)

    def _enter_without_active(self):
        return ComuneStepState.submit()

    def _escape_when_closed(self):
        return ComuneStepState.search("")  # a second Escape clears, as in the ARIA combobox pattern

    @rx.event
    def pick(self, code: str):
        try:
            code = PickIn(code=code).code
        except ValidationError:
            return None
        with session_scope() as db:
            record = comune_index(db).get(code)
        if record is None:
            return None
        self.comune_code = record.codice_istat
        self.comune_label = comune_label(record)
        self.text = record.name
        self._clear(chosen_status(self.comune_label, self.lang))
        self.error = ""
        self._set_query(PathQuery(**{**self._query().model_dump(), "comune": record.codice_istat}))
        # In this step's URL at once: a language switch or a reload keeps the choice.
        return self._replace_url(urls.STEP_COMUNE, self._qs)

    @rx.event
    def reopen(self):
        """A tap on the field shows the list again (it closed when the parent tapped elsewhere)."""
        if self.options and not self.comune_code:
            self.expanded = True

    @rx.event
    def submit(self):
        code = self.comune_code or self._exact_match()
        if not code:
            self.error = missing_comune_error(bool(self.text.strip()), self.lang)
            return rx.call_script("document.getElementById('comune-input')?.focus()")
        q = self._query()
        return go(urls.STEP_CHILDREN, PathQuery(**{**q.model_dump(), "comune": code}), here=urls.STEP_COMUNE)

    def _exact_match(self) -> str:
        """What was typed counts as picked when it names exactly one comune ("chivasso", or a
        CAP of one comune like "10024") or when the search finds only one (e.g. "chivaso")."""
        if not self.text.strip():
            return ""
        with session_scope() as db:
            found = comune_index(db).search(self.text, 2)
        if len(found) == 1:
            return found[0].codice_istat
        exact = [r for r in found if fold(r.name) == fold(self.text)]
        return exact[0].codice_istat if len(exact) == 1 else ""
