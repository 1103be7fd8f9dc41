"""/carta/<slug>: one centre's whole Carta (header, comuni served, every published entry by area)."""

import reflex as rx

from zerosei_app.components.carta_parts import (
    area_section,
    back_to_directory,
    carta_share,
    carta_style,
    centro_facts,
    served_list,
)
from zerosei_app.components.entry_sessions import centro_sessions
from zerosei_app.components.i18n import t
from zerosei_app.components.layout import page as layout
from zerosei_app.components.links import internal
from zerosei_app.components.tappe import funzioni_block
from zerosei_app.components.wizard_parts import skeleton
from zerosei_app.state.carta_centro import CartaCentroState as S

ROUTE = "/carta/[slug]"


def _ok() -> rx.Component:
    c = S.carta
    return rx.fragment(
        rx.el.header(
            rx.el.p(rx.el.strong("ZeroSei"), " · ", t("ui.carta.kicker"), class_name="print-only print-brand"),
            rx.el.p(t("ui.carta.kicker"), class_name="kicker no-print"),
            rx.el.h1(c.name, tab_index=-1, lang="it"),
            centro_facts(c),
            class_name="carta-head",
        ),
        back_to_directory(S.directory_href),
        served_list(c, "comuni-serviti", collapsible=True),
        centro_sessions(c.id),  # "Prossimi appuntamenti" (dated sessions, next 30 days)
        rx.el.section(
            rx.el.h2(t("ui.carta.entries_title"), id="servizi"),
            rx.el.p(c.entries_count, class_name="muted"),
            rx.cond(S.lang != "it", rx.el.p(t("ui.path.entries_in_italian"), class_name="examples-note")),
            rx.cond(c.has_examples, rx.el.p(t("ui.path.trust_note"), class_name="examples-note")),
            rx.cond(
                c.areas.length() > 0,
                rx.foreach(c.areas, lambda a: area_section(a)),
                rx.el.div(
                    rx.el.p(rx.el.strong(t("ui.carta.no_entries"))),
                    rx.el.p(t("ui.carta.no_entries_ask")),
                    class_name="empty",
                    id="carta-vuota",
                ),
            ),
            class_name="carta-areas",
            aria_labelledby="servizi",
        ),
        rx.cond(
            c.nothing_confirmed,
            rx.el.p(
                t("ui.carta.staff_intro"),
                " ",
                internal(t("ui.carta.staff_signin"), href=c.staff_href),
                class_name="muted no-print",
                id="carta-operatori",
            ),
        ),
        funzioni_block(S.funzioni, "carta"),
        carta_share(S),
        rx.el.p(internal(t("ui.carta.print_link"), href=S.print_href), class_name="no-print"),
    )


def _not_found() -> rx.Component:
    """Until the app's own 404 page exists: said here, in the page's language, with a way on."""
    return rx.el.div(
        rx.el.h1(t("ui.carta.not_found_title"), tab_index=-1),
        rx.el.p(t("ui.carta.not_found_text")),
        rx.el.p(
            internal(t("ui.carta.all_centres"), href=S.directory_href, class_name="btn btn-primary"),
            " ",
            internal(t("ui.carta.home"), href=S.home_href, class_name="btn btn-secondary"),
            class_name="actions",
        ),
        class_name="panel not-found",
        id="carta-non-trovata",
    )


def page() -> rx.Component:
    return layout(
        carta_style(),
        rx.match(S.status, ("loading", skeleton()), ("ok", _ok()), _not_found()),
        main_class="carta",
    )
