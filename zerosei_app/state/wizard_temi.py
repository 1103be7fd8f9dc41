"""Step 3, "Cosa ti interessa?": optional topics; skipping shows every service."""

import reflex as rx

from zerosei_app.domain import clock
from zerosei_app.domain.catalog import TOPICS
from zerosei_app.domain.link import PathQuery, to_query_string, validate_for_path
from zerosei_app.state.wizard import WizardState, go
from zerosei_app.view import urls
from zerosei_app.view.percorso_view import ChipView, chips
from zerosei_app.view.wording import age_in_words


def toggled(temi: tuple[str, ...], slug: str) -> tuple[str, ...]:
    if slug not in TOPICS:
        return temi
    return tuple(t for t in temi if t != slug) if slug in temi else (*temi, slug)


class TemiStepState(WizardState):
    chips: list[ChipView] = chips((), "it")
    ages: list[str] = []  # "1 anno e 6 mesi": reminds the parent what the path is for
    chips_version: int = 0  # bumped on every load: the boxes are mounted afresh from the URL
    ready_for_path: bool = True  # a comune and at least one valid child are in the link
    _fix_path: str = urls.STEP_CHILDREN  # where to go when something is missing

    @rx.event
    def on_load(self):
        script = self._sync_ui()
        q = self._load()
        children, errors = validate_for_path(q, clock.today())
        self.ages = [age_in_words(c, self.lang) for c in children]
        self.ready_for_path = not errors
        self._fix_path = urls.STEP_COMUNE if q.comune is None else urls.STEP_CHILDREN
        self.chips = chips(q.temi, self.lang)
        self.chips_version += 1
        return script

    @rx.event
    def toggle(self, slug: str):
        q = self._query()
        new = PathQuery(**{**q.model_dump(), "temi": toggled(q.temi, slug)})
        self.chips = chips(new.temi, self.lang)
        self._set_query(new)
        # A small tweak of the same step: the URL is replaced in place, so a reload or Back from
        # the path keeps the choice, and the page does not jump to the top.
        return self._replace_url(urls.STEP_TEMI, to_query_string(new))

    @rx.event
    def submit(self):
        q = self._query()
        return go(urls.PERCORSO if self.ready_for_path else self._fix_path, q)

    @rx.event
    def skip(self):
        q = self._query()
        q = PathQuery(**{**q.model_dump(), "temi": ()})
        return go(urls.PERCORSO if self.ready_for_path else self._fix_path, q)
