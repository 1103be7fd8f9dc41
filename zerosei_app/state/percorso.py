"""The path page `/percorso?<PathQuery>`: rebuilt from the URL on every load, so a link is the whole state."""

from datetime import date

import reflex as rx

from zerosei_app.db import off_loop, session_scope
from zerosei_app.domain import clock
from zerosei_app.domain.link import PathQuery, parse_query_string, to_query_string
from zerosei_app.queries import sessions as sessions_q
from zerosei_app.queries.percorso_page import PageData, load_page
from zerosei_app.state.ui import UiState
from zerosei_app.state.wizard_temi import toggled
from zerosei_app.view import percorso_view as view
from zerosei_app.view import share, tappe_view, urls
from zerosei_app.view.entry_sessions import ENTRY_ICS, dates_in_card
from zerosei_app.view.language_filter import LanguageChoice, language_filter
from zerosei_app.view.page_words import generic_path_title, share_status
from zerosei_app.view.percorso_plan import NEED_COMUNE, OK, PagePlan, plan_page

LOADING = "loading"


CARD_DATES_DAYS = 60  # the next dates a card shows


def _today() -> date:
    return clock.today()


class PercorsoState(UiState):
    status: str = LOADING  # loading | ok | need_comune | need_child | too_old
    # Backend-only (a leading underscore never reaches the browser): the page doesn't show it.
    _comune_label: str = ""
    heading: str = ""  # "Il tuo percorso a Sant'Ambrogio di Torino"
    has_unconfirmed: bool = False  # some service is not yet confirmed by its centre: say once what that means
    ages: list[str] = []
    counts: str = ""
    notices: list[str] = []
    now_lists: list[view.EntryListView] = []  # "Adesso": per child the best fit first, then shared ones
    upcoming_lists: list[view.EntryListView] = []
    upcoming_empty: str = ""
    situational: list[view.EntryView] = []  # "Se ti serve anche…", collapsed
    situational_hint: str = ""
    jump_centro: str = ""  # the jump bar's link to the centre card(s)
    jump_centro_href: str = "#centri"
    centri: list[view.CentroView] = []
    tappe_now: list[tappe_view.TappeListView] = []  # public steps (INPS, ASL, Comune…) per child
    tappe_upcoming: list[tappe_view.TappeListView] = []
    tappe_hint: str = ""  # "13 adesso · 19 in arrivo" (the group is closed)
    funzioni: tappe_view.FunzioniView = tappe_view.FunzioniView()  # what every centre offers, what it may
    chips: list[view.ChipView] = []
    has_filter: bool = False
    filter_summary: str = ""  # "Sonno e pianto, Gioco e socialità" when a filter is on
    # "Servizi nella mia lingua" (view/language_filter.py): links, and the filter's plain status.
    language_choices: list[LanguageChoice] = []
    language_status: str = ""
    language_all_href: str = ""
    language_active: bool = False
    chips_version: int = 0  # bumped when the server resets the chips (see topic_chips)
    hrefs: dict[str, str] = dict.fromkeys(("edit", "fix", "comune", "children"), urls.STEP_COMUNE)  # the links it shows
    share_url: str = ""
    qr: str = ""  # address of the path's QR code image
    share_status: str = ""  # "Link copiato": announced politely
    page_title: str = generic_path_title()
    _qs: str = ""  # canonical query of the valid parts

    @rx.event
    async def on_load(self):
        script = self._sync_ui()
        # The path's queries and view models are built in a worker thread: the event loop stays
        # free for every other tab (and /ping) meanwhile.
        await off_loop(self._build, self._raw_query(), lane="public")
        self.chips_version += 1
        return script

    @rx.event
    async def toggle_topic(self, slug: str):
        if not isinstance(slug, str) or self.status != OK:
            return None
        q = parse_query_string(self._qs).query
        new = PathQuery(**{**q.model_dump(), "temi": toggled(q.temi, slug)})
        return await self._refilter(new)

    @rx.event
    async def clear_topics(self):
        if self.status != OK:
            return None
        q = parse_query_string(self._qs).query
        self.chips_version += 1
        # The button removes itself: keep the keyboard user's place on the filter toggle.
        return await self._refilter(
            PathQuery(**{**q.model_dump(), "temi": ()}), then_js="document.querySelector('.filter-toggle')?.focus();"
        )

    @rx.event
    def dismiss_share_status(self):
        self.share_status = ""

    @rx.event
    def share_result(self, result: str):
        self.share_status = share_status("path", result, self.lang)

    async def _refilter(self, q: PathQuery, then_js: str = ""):
        self.notices = []  # the parent has acted on the page: old link notices are done with
        await off_loop(self._build, to_query_string(q), False, lane="public")
        return self._replace_url(urls.PERCORSO, self._qs, then_js)

    def _build(self, raw_query: str, keep_notices: bool = True) -> None:
        with session_scope() as db:
            page = load_page(db, raw_query, _today())
            starts = _card_dates(db, page)
        plan = plan_page(page, page.lang)
        self._qs = to_query_string(plan.query)
        self.status = plan.kind
        if keep_notices:
            self.notices = plan.notices
        self._comune_label, self.heading = plan.comune_label, plan.heading
        self.ages = [f.eta for f in plan.percorso.figli] if plan.percorso else []
        self._show_services(plan, starts)
        self._show_contacts_and_steps(plan)
        self._show_filters(plan)
        self._show_links(plan)

    def _show_services(self, plan: PagePlan, starts: dict[int, list]) -> None:
        p, lang = plan.percorso, plan.query.lang
        services = view.services_view(p, lang) if p else view.ServicesView()
        view.add_dates(
            services,
            {i: dates_in_card(d, lang) for i, d in starts.items()},
            {i: ENTRY_ICS.format(id=i) for i in starts},
        )
        self.now_lists = services.now
        self.upcoming_lists = services.upcoming
        self.upcoming_empty = services.upcoming_empty
        self.situational = services.situational
        self.situational_hint = services.situational_hint
        self.has_unconfirmed = services.has_unconfirmed
        self.counts = view.counts_text(p, lang, services) if p else ""

    def _show_contacts_and_steps(self, plan: PagePlan) -> None:
        p, lang = plan.percorso, plan.query.lang
        self.jump_centro, self.jump_centro_href = view.jump_to_centri(plan.centri, lang)
        self.centri = view.centri_views(plan.centri, plan.ente, lang, plan.query.lingua)
        self.tappe_now, self.tappe_upcoming = tappe_view.tappe_views(p, lang) if p else ([], [])
        self.tappe_hint = tappe_view.group_hint(self.tappe_now, self.tappe_upcoming, lang)
        self.funzioni = tappe_view.funzioni_view(plan.funzioni)

    def _show_filters(self, plan: PagePlan) -> None:
        q = plan.query
        self.chips = view.chips(q.temi, q.lang)
        self.has_filter = bool(q.temi)
        self.filter_summary = ", ".join(chip.label for chip in self.chips if chip.pressed)
        lf = language_filter(q, plan.percorso)
        self.language_choices, self.language_status = lf.choices, lf.status
        self.language_all_href, self.language_active = lf.all_href, lf.active

    def _show_links(self, plan: PagePlan) -> None:
        q = plan.query
        self.hrefs = {
            "edit": urls.link(urls.STEP_COMUNE, q),
            "fix": plan.fix_href,
            "comune": urls.link(urls.STEP_COMUNE, q),
            "children": urls.link(urls.STEP_CHILDREN, q),
        }
        base = share.site_base(self.router.headers.origin)
        self.share_url = share.absolute(base, urls.link(urls.PERCORSO, q)) if plan.kind != NEED_COMUNE else ""
        # An image URL, not the picture: made only if the parent scrolls to it (web/path_qr.py).
        self.qr = urls.link(urls.PERCORSO_QR, q) if self.share_url else ""
        self.share_status = ""
        meta = share.share_meta(q, plan.comune_name or None, _today())
        self.page_title = meta.title


def _card_dates(session, page: PageData) -> dict[int, list]:
    """The next dated sessions of the services the path shows, by entry (a card shows them)."""
    shown = page.path.data.entry_ids() if page.path and page.path.data else []
    starts: dict[int, list] = {}
    for a in sessions_q.upcoming(session, shown, clock.now(), days=CARD_DATES_DAYS):
        starts.setdefault(a.entry_id, []).append(a.occurrence.start)
    return starts
