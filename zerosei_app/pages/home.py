"""/ : what the Carta ZeroSei is, in one sentence, and a clear way to start."""

import reflex as rx

from zerosei_app.components.i18n import t
from zerosei_app.components.layout import page as layout
from zerosei_app.components.links import internal
from zerosei_app.state.ui import UiState

ROUTE = "/"
TITLE = "ZeroSei digitale – servizi per famiglie con bambini da 0 a 6 anni in Piemonte"
DESCRIPTION = "Trova i servizi dei Centri per le famiglie vicino a te, per l'età del tuo bambino."


def page() -> rx.Component:
    return layout(
        rx.el.section(
            rx.el.h1(t("ui.home.title")),
            rx.el.p(t("ui.home.lead"), class_name="lead"),
            internal(t("ui.home.start"), href=UiState.start_href, class_name="btn btn-primary btn-big"),
            class_name="hero",
        ),
        rx.el.section(
            rx.el.h2(t("ui.home.how")),
            rx.el.ol(
                rx.el.li(t("ui.home.how1")),
                rx.el.li(t("ui.home.how2")),
                rx.el.li(t("ui.home.how3")),
                class_name="how",
            ),
            class_name="panel",
        ),
        rx.el.section(
            rx.el.h2(t("ui.home.privacy_title")),
            rx.el.p(t("ui.home.privacy")),
            class_name="panel",
        ),
    )
