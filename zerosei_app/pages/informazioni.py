"""/informazioni : what this service is, what it keeps (nothing about families), where data come from, accessibility."""

import reflex as rx

from zerosei_app.components.i18n import t
from zerosei_app.components.layout import page as layout
from zerosei_app.components.links import internal, plain
from zerosei_app.state.ui import UiState

ROUTE = "/informazioni"
OPEN_DATA = ("/api/v1/centri", "/api/v1/voci", "/api/v1/comuni?q=torino", "/api/v1/openapi.json")


def _section(title_key: str, *body_keys: str) -> rx.Component:
    return rx.el.section(rx.el.h2(t(title_key)), *[rx.el.p(t(k)) for k in body_keys], class_name="panel")


def page() -> rx.Component:
    return layout(
        rx.el.h1(t("ui.info.title")),
        _section("ui.info.what_title", "ui.info.what"),
        _section("ui.info.privacy_title", "ui.info.privacy1", "ui.info.privacy2"),
        _section("ui.info.data_title", "ui.info.data1", "ui.info.data2"),
        rx.el.section(
            rx.el.h2(t("ui.info.open_title"), id="dati-aperti"),
            rx.el.p(t("ui.info.open")),
            # Plain JSON links: the interactive API docs page loads its code from a CDN.
            rx.el.ul(
                *[rx.el.li(plain(rx.el.code(path), href=path)) for path in OPEN_DATA],
                class_name="open-data",
            ),
            class_name="panel",
        ),
        _section("ui.info.a11y_title", "ui.info.a11y"),
        internal(t("ui.home.start"), href=UiState.start_href, class_name="btn btn-primary"),
    )
