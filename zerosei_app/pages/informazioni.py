"""/informazioni : what this service is, what it keeps (nothing about families), where data come from, accessibility."""

import reflex as rx

from zerosei_app.components.i18n import t
from zerosei_app.components.layout import lang_href
from zerosei_app.components.layout import page as layout
from zerosei_app.components.links import external, internal, plain
from zerosei_app.settings import get_publisher
from zerosei_app.state.ui import UiState
from zerosei_app.view import urls

ROUTE = "/informazioni"
OPEN_DATA = ("/api/v1/centri", "/api/v1/voci", "/api/v1/comuni?q=torino", "/api/v1/openapi.json")


def _section(title_key: str, *body_keys: str) -> rx.Component:
    return rx.el.section(rx.el.h2(t(title_key)), *[rx.el.p(t(k)) for k in body_keys], class_name="panel")


def page() -> rx.Component:
    pub = get_publisher()
    return layout(
        rx.el.h1(t("ui.info.title")),
        rx.el.section(
            rx.el.h2(t("ui.info.what_title")),
            rx.el.p(t("ui.info.what")),
            rx.el.p(t("ui.info.publisher"), " ", external(pub.name, href=pub.url), "."),
            class_name="panel",
        ),
        rx.el.section(
            rx.el.h2(t("ui.info.privacy_title"), id="privacy"),
            rx.el.p(t("ui.info.privacy1")),
            rx.el.p(t("ui.info.privacy2")),
            rx.el.p(t("ui.info.controller"), " ", rx.el.strong(pub.privacy_controller), "."),
            rx.el.p(
                t("ui.info.controller_contact"),
                " ",
                plain(pub.privacy_contact, href=f"mailto:{pub.privacy_contact}"),
                ".",
            ),
            class_name="panel",
        ),
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
        rx.el.section(
            rx.el.h2(t("ui.info.a11y_title")),
            rx.el.p(t("ui.info.a11y")),
            rx.el.p(internal(t("ui.info.a11y_link"), href=lang_href(urls.A11Y))),
            class_name="panel",
        ),
        internal(t("ui.home.start"), href=UiState.start_href, class_name="btn btn-primary"),
    )
