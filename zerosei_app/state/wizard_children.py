"""Step 2, "Il tuo bambino o la tua bambina": birth (or expected) month and year, up to 6 children."""

from dataclasses import dataclass
from datetime import date

import reflex as rx
from pydantic import ValidationError

from zerosei_app.domain import clock
from zerosei_app.domain.catalog import MAX_CHILDREN
from zerosei_app.state.wizard import WizardState, go
from zerosei_app.view import children_form as form
from zerosei_app.view import urls
from zerosei_app.view.children_form import ChildRow
from zerosei_app.view.page_words import child_legends


@dataclass
class Option:
    value: str
    label: str


def _today() -> date:
    return clock.today()


class ChildrenStepState(WizardState):
    rows: list[ChildRow] = [ChildRow()]
    months: list[Option] = [Option(v, label) for v, label in form.month_choices("it")]
    born_years: list[str] = form.year_choices(form.BORN, clock.today())
    expected_years: list[str] = form.year_choices(form.EXPECTED, clock.today())
    legends: list[str] = []  # "Figlio o figlia 1", …
    has_comune: bool = True

    @rx.var
    def can_add(self) -> bool:
        return len(self.rows) < MAX_CHILDREN

    @rx.var
    def can_remove(self) -> bool:
        return len(self.rows) > 1

    @rx.event
    def on_load(self):
        script = self._sync_ui()
        q = self._load()
        today = _today()
        self.has_comune = q.comune is not None
        rows = form.rows_from_query(q)
        # Months prefilled from a link are checked at once: a tampered link says what is wrong.
        self._set_rows(form.check_complete_rows(rows, today, self.lang))
        self.months = [Option(v, label) for v, label in form.month_choices(self.lang)]
        self.born_years = form.year_choices(form.BORN, today)
        self.expected_years = form.year_choices(form.EXPECTED, today)
        return [script, *self._url_in_step()]

    @rx.event
    def edit(self, index: int, field: str, value: str):
        try:
            change = form.RowEdit(index=index, field=field, value=value)
        except ValidationError:
            return  # not something our selects can send: ignore it
        self._set_rows(form.apply_edit(self.rows, change, _today(), self.lang))
        return self._keep_in_url()

    @rx.event
    def add(self):
        if len(self.rows) >= MAX_CHILDREN:
            return None
        self._set_rows(form.add_row(self.rows))
        # Move to the new child's first question, so keyboard and screen reader users follow.
        return rx.call_script(f"document.getElementById('figlio-{len(self.rows) - 1}-nato')?.focus()")

    @rx.event
    def remove(self, index: int):
        if not isinstance(index, int) or not 0 <= index < len(self.rows):
            return None
        self._set_rows(form.remove_row(self.rows, index))
        return self._keep_in_url("document.getElementById('figli-aggiungi')?.focus();")

    def _keep_in_url(self, then_js: str = ""):
        """The valid months so far go into this step's URL (and its language links) at once:
        switching language or reloading keeps them."""
        result = form.read_rows(self.rows, _today(), self.lang)
        q = form.query_with_children(self._query(), result)
        self._set_query(q)
        return self._replace_url(urls.STEP_CHILDREN, self._qs, then_js)

    @rx.event
    def submit(self):
        if not self.has_comune:
            return go(urls.STEP_COMUNE, self._query())
        result = form.read_rows(self.rows, _today(), self.lang)
        if not result.ok:
            self._set_rows(result.rows)
            first = next(i for i, row in enumerate(result.rows) if row.error)
            return rx.call_script(f"document.getElementById('figlio-{first}-mese')?.focus()")
        return go(urls.STEP_TEMI, form.query_with_children(self._query(), result), here=urls.STEP_CHILDREN)

    def _set_rows(self, rows: list[ChildRow]) -> None:
        self.rows = rows
        self.legends = child_legends(len(rows), self.lang)
