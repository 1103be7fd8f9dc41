"""The 404 page (Reflex's route "404"): in the link's language, with a way home and a way to start again."""

import reflex as rx

from zerosei_app.components.i18n import t
from zerosei_app.components.layout import page as layout
from zerosei_app.components.links import internal
from zerosei_app.state.frame import NotFoundState as S

ROUTE = "404"  # Reflex serves this page for every unknown address (HTTP status 404 in prod)


def page() -> rx.Component:
    return layout(
        rx.el.section(
            rx.el.h1(t("ui.notfound.title"), tab_index=-1),
            rx.el.p(t("ui.notfound.lead"), class_name="lead"),
            rx.el.p(t("ui.notfound.help")),
            rx.el.div(
                internal(t("ui.notfound.home"), href=S.home_href, class_name="btn btn-primary"),
                internal(t("ui.home.start"), href=S.start_href, class_name="btn btn-secondary"),
                class_name="actions",
            ),
            class_name="hero",
        )
    )
