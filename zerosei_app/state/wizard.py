"""What every wizard step shares: the partial PathQuery read from the URL (the only source of truth).

Each step's on_load calls `_load()`; handlers move on with a normal redirect (so Back walks the
steps) to the next step's URL carrying everything chosen so far.
"""

import reflex as rx

from zerosei_app.db import session_scope
from zerosei_app.domain.link import PathQuery, parse_query_string, to_query_string
from zerosei_app.queries.comuni import comune_index
from zerosei_app.state.ui import UiState
from zerosei_app.view import page_words, urls
from zerosei_app.view.comune_options import comune_label


class WizardState(UiState):
    comune_code: str = ""
    comune_label: str = ""  # "Sant'Ambrogio di Torino (TO)"
    notices: list[str] = []  # what was wrong with the link that brought the parent here
    # Each step's URL with everything chosen so far (defaults: the bare steps, for the prerendered shell).
    step_href: dict[str, str] = {
        "comune": urls.STEP_COMUNE,
        "figli": urls.STEP_CHILDREN,
        "temi": urls.STEP_TEMI,
        "percorso": urls.PERCORSO,
        "home": urls.HOME,
    }
    _qs: str = ""  # canonical query string of the valid parts (shared by the steps of this tab)
    _behind: bool = False  # the step's URL lacked answers this tab already had (see _with_later_answers)

    def _query(self) -> PathQuery:
        return parse_query_string(self._qs).query

    def _load(self) -> PathQuery:
        parsed = parse_query_string(self._raw_query())
        q = self._with_later_answers(parsed.query)
        notices = page_words.notices(parsed.errors, q.lang)
        label = ""
        if q.comune is not None:
            with session_scope() as db:
                record = comune_index(db).get(q.comune)
            if record is None:
                notices.append(_unknown_comune(q))
                q = PathQuery(**{**q.model_dump(), "comune": None})
            else:
                label = comune_label(record)
        self.comune_code = q.comune or ""
        self.comune_label = label
        self.notices = notices
        self._set_query(q)
        return q

    def _with_later_answers(self, q: PathQuery) -> PathQuery:
        """The phone's Back lands on an earlier step whose URL predates the later answers: they are
        taken from what this tab already knew, so "Continua" from there does not throw them away."""
        later = LATER_ANSWERS.get((self.router.url.path or "").rstrip("/"), ())
        self._behind = False
        if not later or not self._qs:
            return q
        known = parse_query_string(self._qs).query
        update: dict = {}
        if "children" in later and not q.nascita and q.attesa is None and (known.nascita or known.attesa is not None):
            update.update(nascita=known.nascita, attesa=known.attesa)
        if "temi" in later and not q.temi and known.temi:
            update["temi"] = known.temi
        if not update:
            return q
        self._behind = True
        return PathQuery(**{**q.model_dump(), **update})

    def _url_in_step(self) -> list:
        """Events that put the answers taken from the tab back into this step's URL."""
        if not self._behind:
            return []
        return [self._replace_url((self.router.url.path or "").rstrip("/"), self._qs)]

    def _set_query(self, q: PathQuery) -> None:
        self._qs = to_query_string(q)
        self.step_href = {
            "comune": urls.link(urls.STEP_COMUNE, q),
            "figli": urls.link(urls.STEP_CHILDREN, q),
            "temi": urls.link(urls.STEP_TEMI, q),
            "percorso": urls.link(urls.PERCORSO, q),
            "home": urls.lang_only(urls.HOME, q.lang),
        }


# For each step, the answers of the steps after it.
LATER_ANSWERS = {urls.STEP_COMUNE: ("children", "temi"), urls.STEP_CHILDREN: ("temi",)}


def _unknown_comune(q: PathQuery) -> str:
    return page_words.unknown_comune_notice(q.comune, q.lang)


def go(path: str, q: PathQuery, here: str | None = None):
    """A real step change: pushes a history entry, so Back returns here.

    With `here` (the step being left), that step's own history entry first gets the choices made
    on it, so the phone's Back button brings them back instead of an empty step.
    """
    if here is None:
        return rx.redirect(urls.link(path, q))
    return [rx.call_script(urls.replace_url_script(urls.link(here, q))), rx.redirect(urls.link(path, q))]
