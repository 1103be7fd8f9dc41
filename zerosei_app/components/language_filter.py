"""'Servizi nella mia lingua' on the path page: links that add `lingua=` to the path, and what the filter found."""

import reflex as rx

from zerosei_app.components.i18n import t
from zerosei_app.components.links import internal
from zerosei_app.state.percorso import PercorsoState as P
from zerosei_app.view.language_filter import LanguageChoice


def _choice(c: LanguageChoice) -> rx.Component:
    # Each language in its own name and script; lang (and dir "auto") so it is read and drawn right.
    return rx.el.li(
        internal(
            c.name,
            href=c.href,
            lang=c.code,
            dir="auto",
            aria_current=rx.cond(c.current, "true", "false"),
            class_name=rx.cond(c.current, "lingua-choice current", "lingua-choice"),
        )
    )


def language_filter() -> rx.Component:
    return rx.el.div(
        rx.cond(
            P.language_active,
            rx.el.p(
                P.language_status,
                " ",
                internal(t("ui.path.lingua.all"), href=P.language_all_href, class_name="lingua-all"),
                role="status",
                class_name="lingua-status",
            ),
        ),
        rx.el.details(
            rx.el.summary(t("ui.path.lingua.title"), class_name="filter-toggle"),
            rx.el.p(t("ui.path.lingua.hint_mediazione"), class_name="muted"),
            rx.el.ul(rx.foreach(P.language_choices, _choice), class_name="lingua-list"),
            class_name="filter-details",
        ),
        class_name="filters lingua-filter no-print",
    )
