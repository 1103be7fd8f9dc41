"""/informazioni : what this service is, what it keeps (nothing about families), where data come from, accessibility."""

import reflex as rx

from zerosei_app.components.i18n import t
from zerosei_app.components.layout import lang_href
from zerosei_app.components.layout import page as layout
from zerosei_app.components.links import external, internal, plain
from zerosei_app.i18n import LANGUAGES
from zerosei_app.i18n import t as translate
from zerosei_app.i18n.catalogs import REVIEW
from zerosei_app.settings import get_publisher
from zerosei_app.state.ui import UiState
from zerosei_app.view import urls

ROUTE = "/informazioni"
OPEN_DATA = ("/api/v1/centri", "/api/v1/voci", "/api/v1/comuni?q=torino", "/api/v1/openapi.json")


def _section(title_key: str, *body_keys: str) -> rx.Component:
    return rx.el.section(rx.el.h2(t(title_key)), *[rx.el.p(t(k)) for k in body_keys], class_name="panel")


# The header field of each catalogue (X-Review-Status) → the words shown to the reader.
_REVIEW_KEYS = {"lingua di riferimento": "ui.info.review.reference", "rivista": "ui.info.review.reviewed"}


def _languages() -> rx.Component:
    """Each language in its own name, and whether a person who speaks it has reviewed the translation."""
    rows = [
        rx.el.li(
            rx.el.span(translate("ui.lang.name", code), lang=code),
            " – ",
            t(_REVIEW_KEYS.get(REVIEW[code], "ui.info.review.to_review")),
        )
        for code in LANGUAGES
    ]
    return rx.el.section(
        rx.el.h2(t("ui.info.langs_title"), id="lingue"),
        rx.el.p(t("ui.info.langs_intro")),
        rx.el.ul(*rows, class_name="plain-list"),
        class_name="panel",
    )


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
                plain(pub.privacy_contact, href=f"mailto:{pub.privacy_contact}", dir="ltr"),
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
                dir="ltr",
            ),
            class_name="panel",
        ),
        _languages(),
        rx.el.section(
            rx.el.h2(t("ui.info.a11y_title")),
            rx.el.p(t("ui.info.a11y")),
            rx.el.p(internal(t("ui.info.a11y_link"), href=lang_href(urls.A11Y))),
            class_name="panel",
        ),
        internal(t("ui.home.start"), href=UiState.start_href, class_name="btn btn-primary"),
    )
