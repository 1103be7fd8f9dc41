"""The path page `/percorso?<PathQuery>`: rebuilt from the URL on every load, so a link is the whole state."""

from datetime import date

import reflex as rx

from zerosei_app.db import session_scope
from zerosei_app.domain.link import PathQuery, parse_query_string, to_query_string
from zerosei_app.i18n import t
from zerosei_app.settings import get_settings
from zerosei_app.state.ui import UiState
from zerosei_app.state.wizard_temi import toggled
from zerosei_app.view import percorso_view as view
from zerosei_app.view import share, urls
from zerosei_app.view.percorso_plan import NEED_COMUNE, OK, plan_page

LOADING = "loading"
SHARE_RESULTS = ("shared", "copied", "failed", "aborted")


def _today() -> date:
    return date.today()


class PercorsoState(UiState):
    status: str = LOADING  # loading | ok | need_comune | need_child | too_old
    # Backend-only (a leading underscore never reaches the browser): the page doesn't show it.
    _comune_label: str = ""
    heading: str = ""  # "Il tuo percorso a Sant'Ambrogio di Torino"
    has_examples: bool = False
    ages: list[str] = []
    counts: str = ""
    notices: list[str] = []
    children: list[view.ChildView] = []
    centri: list[view.CentroView] = []
    chips: list[view.ChipView] = []
    has_filter: bool = False
    filter_summary: str = ""  # "Sonno e pianto, Gioco e socialità" when a filter is on
    chips_version: int = 0  # bumped when the server resets the chips (see topic_chips)
    hrefs: dict[str, str] = dict.fromkeys(("edit", "fix", "comune", "figli"), urls.STEP_COMUNE)  # the links it shows
    share_url: str = ""
    qr: str = ""  # address of the path's QR code image
    share_status: str = ""  # "Link copiato": announced politely
    page_title: str = t("share.title_generic", "it")
    _qs: str = ""  # canonical query of the valid parts

    @rx.event
    def on_load(self):
        script = self._sync_ui()
        self._build(self._raw_query())
        self.chips_version += 1
        return script

    @rx.event
    def toggle_topic(self, slug: str):
        if not isinstance(slug, str) or self.status != OK:
            return None
        q = parse_query_string(self._qs).query
        new = PathQuery(**{**q.model_dump(), "temi": toggled(q.temi, slug)})
        return self._refilter(new)

    @rx.event
    def clear_topics(self):
        if self.status != OK:
            return None
        q = parse_query_string(self._qs).query
        self.chips_version += 1
        # The button removes itself: keep the keyboard user's place on the filter toggle.
        return self._refilter(
            PathQuery(**{**q.model_dump(), "temi": ()}), then_js="document.querySelector('.filter-toggle')?.focus();"
        )

    @rx.event
    def dismiss_share_status(self):
        self.share_status = ""

    @rx.event
    def share_result(self, result: str):
        if result not in SHARE_RESULTS:
            result = "failed"
        self.share_status = "" if result == "aborted" else t(f"path.share.{result}", self.lang)

    def _refilter(self, q: PathQuery, then_js: str = ""):
        self.notices = []  # the parent has acted on the page: old link notices are done with
        self._build(to_query_string(q), keep_notices=False)
        return self._replace_url(urls.PERCORSO, self._qs, then_js)

    def _build(self, raw_query: str, keep_notices: bool = True) -> None:
        with session_scope() as session:
            plan = plan_page(session, raw_query, _today())
        lang = plan.query.lang
        q = plan.query
        self._qs = to_query_string(q)
        self.status = plan.kind
        if keep_notices:
            self.notices = plan.notices
        p = plan.percorso
        self._comune_label = f"{p.comune.nome} ({p.comune.provincia})" if p else plan.comune_name
        self.heading = (
            t("path.heading", lang, comune=plan.comune_name) if plan.comune_name else t("path.heading_generic", lang)
        )
        self.has_examples = bool(p) and any(v.esempio for f in p.figli for v in [*f.adesso, *f.prossimi])
        self.ages = [f.eta for f in p.figli] if p else []
        self.counts = view.counts_text(p, lang) if p else ""
        self.children = view.children_views(p, lang) if p else []
        self.centri = [view.centro_view(c, lang) for c in plan.centri]
        self.chips = view.chips(q.temi, lang)
        self.has_filter = bool(q.temi)
        self.filter_summary = ", ".join(chip.label for chip in self.chips if chip.pressed)
        self.hrefs = {
            "edit": urls.link(urls.STEP_COMUNE, q),
            "fix": plan.fix_href,
            "comune": urls.link(urls.STEP_COMUNE, q),
            "figli": urls.link(urls.STEP_FIGLI, q),
        }
        base = share.base_url(get_settings().public_url, self.router.headers.origin)
        self.share_url = share.absolute(base, urls.link(urls.PERCORSO, q)) if plan.kind != NEED_COMUNE else ""
        # An image URL, not the picture: made only if the parent scrolls to it (web/path_qr.py).
        self.qr = urls.link(urls.PERCORSO_QR, q) if self.share_url else ""
        self.share_status = ""
        meta = share.share_meta(q, plan.comune_name or None, _today())
        self.page_title = meta.title
