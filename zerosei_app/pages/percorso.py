"""/percorso?<PathQuery> : the family's path, exactly what /api/v1/percorso returns for the same link."""

import reflex as rx

from zerosei_app.components.centro_card import centro_card
from zerosei_app.components.entry_card import entry_card
from zerosei_app.components.entry_sessions import path_sessions
from zerosei_app.components.i18n import t
from zerosei_app.components.language_filter import language_filter
from zerosei_app.components.layout import page as layout
from zerosei_app.components.links import internal, plain
from zerosei_app.components.share_panel import action_bar, share_panel, share_toast
from zerosei_app.components.tappe import funzioni_block, tappe_group
from zerosei_app.components.topic_chips import topic_chips
from zerosei_app.components.wizard_parts import skeleton
from zerosei_app.state.percorso import PercorsoState as P
from zerosei_app.view import urls
from zerosei_app.view.percorso_view import CentroView, EntryListView

ROUTE = urls.PERCORSO


def _header() -> rx.Component:
    return rx.el.header(
        rx.el.p(rx.el.strong("ZeroSei"), " · ", t("ui.footer.region"), class_name="print-only print-brand"),
        rx.el.h1(P.heading, tab_index=-1),
        rx.cond(
            P.ages.length() > 0,
            rx.el.ul(rx.foreach(P.ages, lambda age: rx.el.li(age)), class_name="ages", aria_label=t("ui.path.ages")),
        ),
        rx.cond(
            P.status == "ok",
            rx.el.p(
                internal(t("ui.path.change_comune"), href=P.hrefs["comune"]),
                rx.el.span(" · ", aria_hidden="true"),
                internal(t("ui.path.change_children"), href=P.hrefs["children"]),
                class_name="change-links no-print",
            ),
        ),
        class_name="path-head",
    )


def _notices() -> rx.Component:
    return rx.cond(
        P.notices.length() > 0,
        rx.el.div(
            rx.el.h2(t("ui.notice.title"), class_name="notice-title"),
            rx.el.ul(rx.foreach(P.notices, lambda m: rx.el.li(m))),
            # Without a path the panel below offers the one way forward; with a path, fix from here.
            rx.cond(P.status == "ok", internal(t("ui.path.fix"), href=P.hrefs["fix"], class_name="btn btn-secondary")),
            class_name="notice",
            role="status",
        ),
    )


def _centro_link(c: CentroView) -> rx.Component:
    return rx.el.li(plain(c.name, href="#centro-" + c.uid + "-nome", lang="it"))  # centro_card's heading id


def _empty(text) -> rx.Component:
    """Nothing fits: say so, and point to the centre card, where its contacts are."""
    return rx.el.div(
        rx.el.p(text),
        rx.el.ul(rx.foreach(P.centri, _centro_link), class_name="compact-centri"),
        class_name="empty",
    )


def _list(lst: EntryListView) -> rx.Component:
    return rx.el.div(
        rx.el.h3(lst.heading, id=lst.uid, class_name="list-title"),
        rx.cond(lst.note != "", rx.el.p(lst.note, class_name="note")),
        rx.cond(lst.empty != "", _empty(lst.empty)),
        rx.foreach(lst.cards, entry_card),
        class_name="entry-list",
    )


def _services() -> rx.Component:
    """Adesso, then the coming months, then the situational services collapsed: each service once."""
    return rx.fragment(
        rx.el.section(
            rx.el.h2(t("ui.path.now"), id="adesso", class_name="section-title", tab_index=-1),
            rx.foreach(P.now_lists, _list),
            tappe_group(P.tappe_now, P.tappe_upcoming, P.tappe_hint, P.funzioni),
            class_name="services",
            aria_labelledby="adesso",
        ),
        rx.el.section(
            rx.el.h2(t("ui.path.upcoming"), id="prossimi", class_name="section-title", tab_index=-1),
            rx.cond(P.upcoming_empty != "", rx.el.p(P.upcoming_empty, class_name="muted")),
            rx.foreach(P.upcoming_lists, _list),
            class_name="services",
            aria_labelledby="prossimi",
        ),
        rx.cond(
            P.situational.length() > 0,
            rx.el.details(
                rx.el.summary(
                    rx.el.span(t("ui.path.situational"), class_name="situational-title"),
                    rx.el.span(P.situational_hint, class_name="situational-hint"),
                    class_name="situational-toggle",
                ),
                rx.foreach(P.situational, entry_card),
                id="se-ti-serve",
                class_name="situational",
            ),
        ),
    )


def _centri() -> rx.Component:
    return rx.el.section(
        rx.el.h2(t("ui.path.centri"), id="centri"),
        rx.foreach(P.centri, centro_card),
        class_name="centri",
        aria_labelledby="centri",
    )


def _filters() -> rx.Component:
    """Collapsed by default: fourteen chips would push the services off a phone screen."""
    return rx.el.div(
        rx.cond(
            P.has_filter,
            rx.el.p(
                rx.el.strong(t("ui.path.filter_on")),
                " ",
                P.filter_summary,
                " · ",
                rx.el.button(t("ui.path.filter_clear"), type="button", on_click=P.clear_topics, class_name="btn-link"),
                class_name="filter-summary",
            ),
        ),
        rx.el.details(
            rx.el.summary(t("ui.path.filter_open"), class_name="filter-toggle"),
            topic_chips(
                P.chips, P.toggle_topic, t("ui.path.filter"), "filtri", P.chips_version, hint=t("ui.path.filter_hint")
            ),
            class_name="filter-details",
        ),
        class_name="filters",  # printed: only its "Stai vedendo solo" line (styles.css)
    )


def _jump_links() -> rx.Component:
    """One tap to what the parent came for: now, the coming months, whom to call."""
    return rx.el.nav(
        rx.el.h2(t("ui.path.jump_title"), id="salta-titolo", class_name="jump-title"),
        rx.el.ul(
            rx.el.li(plain(t("ui.path.now"), href="#adesso")),
            rx.el.li(plain(t("ui.path.upcoming"), href="#prossimi")),
            rx.el.li(plain(P.jump_centro, href=P.jump_centro_href)),
            class_name="jump-list",
        ),
        aria_labelledby="salta-titolo",
        id="salta",
        class_name="jump no-print",
    )


def _ok() -> rx.Component:
    return rx.fragment(
        rx.el.p(P.counts, class_name="counts"),
        rx.cond(P.lang != "it", rx.el.p(t("ui.path.entries_in_italian"), class_name="examples-note")),
        _jump_links(),
        action_bar(),
        # The two filters side by side, one row of two closed boxes; an open one or a status takes the row.
        rx.el.div(_filters(), language_filter(), class_name="filter-bar"),
        rx.cond(P.has_unconfirmed, rx.el.p(t("ui.path.trust_note"), class_name="examples-note")),
        _services(),  # each card says its own next dates; the calendar of the whole path comes after
        path_sessions(P.share_url),  # "Prossimi appuntamenti" (calendar)
        _centri(),
        share_panel(),
        share_toast(),
    )


def _need_comune() -> rx.Component:
    return rx.el.div(
        rx.el.p(t("ui.path.need_comune")),
        internal(t("ui.wiz.go_comune"), href=P.hrefs["fix"], class_name="btn btn-primary"),
        class_name="panel",
    )


def _without_children() -> rx.Component:
    """A comune but no usable child: the centres are still worth calling (past 6 years too)."""
    return rx.fragment(
        rx.el.div(
            rx.cond(P.status == "too_old", rx.el.p(t("ui.path.too_old")), rx.el.p(t("ui.path.need_child"))),
            internal(t("ui.path.go_children"), href=P.hrefs["fix"], class_name="btn btn-primary"),
            class_name="panel",
        ),
        _centri(),
        funzioni_block(P.funzioni, "carta"),  # no path: what to ask the centres above
    )


def page() -> rx.Component:
    return layout(
        rx.cond(
            P.status == "loading",
            skeleton(),
            rx.fragment(
                _header(),
                _notices(),
                rx.match(
                    P.status,
                    ("ok", _ok()),
                    ("need_comune", _need_comune()),
                    _without_children(),
                ),
            ),
        ),
        main_class="path",
    )
