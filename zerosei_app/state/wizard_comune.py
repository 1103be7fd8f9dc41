"""Step 1, "Dove vivi?": an ARIA 1.2 combobox over the domain's comune search (name, CAP, typos)."""

from dataclasses import dataclass

import reflex as rx
from pydantic import BaseModel, Field, ValidationError

from zerosei_app.db import session_scope
from zerosei_app.domain.comuni_search import ComuneRecord
from zerosei_app.domain.istat import CodiceIstat
from zerosei_app.domain.link import PathQuery
from zerosei_app.domain.text import fold
from zerosei_app.i18n import plural, t
from zerosei_app.queries.comuni import comune_index
from zerosei_app.state.wizard import WizardState, go
from zerosei_app.view import urls

MAX_OPTIONS = 8  # a phone screen shows about this many without scrolling
NAV_KEYS = ("ArrowDown", "ArrowUp", "Enter", "Escape", "Home", "End")


@dataclass
class ComuneOption:
    code: str
    name: str
    detail: str  # "TO · 10057"
    dom_id: str  # for aria-activedescendant


class SearchIn(BaseModel):
    text: str = Field(default="", max_length=500)


class PickIn(BaseModel):
    code: CodiceIstat


def option_of(record: ComuneRecord, index: int) -> ComuneOption:
    caps = ", ".join(record.cap[:2]) + ("…" if len(record.cap) > 2 else "")
    detail = f"{record.provincia} · {caps}" if caps else record.provincia
    return ComuneOption(record.codice_istat, record.nome, detail, f"comune-opzione-{index}")


def move(active: int, key: str, count: int) -> int:
    """The next active option for a navigation key (wrapping, as the ARIA practices suggest)."""
    if count == 0:
        return -1
    if key == "ArrowDown":
        return 0 if active < 0 or active >= count - 1 else active + 1
    if key == "ArrowUp":
        return count - 1 if active <= 0 else active - 1
    if key == "Home":
        return 0
    if key == "End":
        return count - 1
    return active


class ComuneStepState(WizardState):
    text: str = ""  # what the input shows
    options: list[ComuneOption] = []
    active: int = -1  # index of the highlighted option, -1 for none
    expanded: bool = False
    status: str = ""  # read by screen readers (polite live region)
    error: str = ""

    @rx.var
    def active_id(self) -> str:
        return self.options[self.active].dom_id if 0 <= self.active < len(self.options) else ""

    @rx.event
    def on_load(self):
        script = self._sync_ui()
        q = self._load()
        self.options, self.active, self.expanded, self.error = [], -1, False, ""
        if q.comune is not None:
            self.text = self.comune_label.rsplit(" (", 1)[0]
            self.status = t("wiz.comune.chosen", self.lang, name=self.comune_label)
        else:
            self.text, self.status = "", ""
        return [script, *self._url_in_step()]

    @rx.event
    def search(self, value: str):
        try:
            text = SearchIn(text=value if isinstance(value, str) else "").text
        except ValidationError:
            text = str(value)[:100]
        if text == self.text:
            return  # the same text again (e.g. sent on blur): the list stays as it is, closed or open
        self.text = text
        self.error = ""
        if self.comune_code:
            if text == self.comune_label.rsplit(" (", 1)[0]:
                return  # the picked name echoed back (e.g. on blur): keep the list closed
            self.comune_code, self.comune_label = "", ""  # typing again un-picks the comune
            q = self._query()
            self._set_query(PathQuery(**{**q.model_dump(), "comune": None}))
            unpicked = self._replace_url(urls.STEP_COMUNE, self._qs)
        else:
            unpicked = None
        if not text.strip():
            self.options, self.active, self.expanded, self.status = [], -1, False, ""
            return unpicked
        with session_scope() as session:
            found = comune_index(session).search(text, MAX_OPTIONS + 1)  # one more tells "there are more"
        more, found = len(found) > MAX_OPTIONS, found[:MAX_OPTIONS]
        self.options = [option_of(r, i) for i, r in enumerate(found)]
        self.active = -1
        self.expanded = bool(found)
        if more:
            self.status = t("wiz.comune.results_more", self.lang, n=MAX_OPTIONS)
        elif found:
            self.status = plural("wiz.comune.results", len(found), self.lang)
        else:
            self.status = t("wiz.comune.no_results", self.lang)
        return unpicked

    @rx.event
    def key(self, key: str):
        if key not in NAV_KEYS:
            return None
        if key == "Escape":
            if self.expanded:
                self.expanded, self.active = False, -1
            else:  # second Escape clears, as in the ARIA combobox pattern
                return ComuneStepState.search("")
            return None
        if key == "Enter":
            if self.expanded and 0 <= self.active < len(self.options):
                return ComuneStepState.pick(self.options[self.active].code)
            return ComuneStepState.submit()
        if not self.expanded and self.options:
            self.expanded = True
        self.active = move(self.active, key, len(self.options))
        return None

    @rx.event
    def pick(self, code: str):
        try:
            code = PickIn(code=code).code
        except ValidationError:
            return None
        with session_scope() as session:
            record = comune_index(session).get(code)
        if record is None:
            return None
        self.comune_code = record.codice_istat
        self.comune_label = f"{record.nome} ({record.provincia})"
        self.text = record.nome
        self.options, self.active, self.expanded, self.error = [], -1, False, ""
        self.status = t("wiz.comune.chosen", self.lang, name=self.comune_label)
        q = self._query()
        self._set_query(PathQuery(**{**q.model_dump(), "comune": record.codice_istat}))
        # In this step's URL at once: a language switch or a reload keeps the choice.
        return self._replace_url(urls.STEP_COMUNE, self._qs)

    @rx.event
    def close(self):
        self.expanded, self.active = False, -1

    @rx.event
    def reopen(self):
        """A tap on the field shows the list again (it closed when the parent tapped elsewhere)."""
        if self.options and not self.comune_code:
            self.expanded = True

    @rx.event
    def submit(self):
        code = self.comune_code or self._exact_match()
        if not code:
            self.error = (
                t("wiz.comune.pick_from_list", self.lang) if self.text.strip() else t("error.missing_comune", self.lang)
            )
            return rx.call_script("document.getElementById('comune-input')?.focus()")
        q = self._query()
        return go(urls.STEP_FIGLI, PathQuery(**{**q.model_dump(), "comune": code}), here=urls.STEP_COMUNE)

    def _exact_match(self) -> str:
        """What was typed counts as picked when it names exactly one comune ("chivasso", or a
        CAP of one comune like "10024") or when the search finds only one (e.g. "chivaso")."""
        if not self.text.strip():
            return ""
        with session_scope() as session:
            found = comune_index(session).search(self.text, 2)
        if len(found) == 1:
            return found[0].codice_istat
        exact = [r for r in found if fold(r.nome) == fold(self.text)]
        return exact[0].codice_istat if len(exact) == 1 else ""
