"""The frame of every parents' page: skip link, header with the language switch, main, footer."""

import json

import reflex as rx
from reflex.vars.base import Var
from reflex_components_core.core.banner import has_connection_errors

from zerosei_app.components.i18n import t
from zerosei_app.components.links import external, internal, plain
from zerosei_app.i18n import LANGUAGES
from zerosei_app.i18n import t as translate
from zerosei_app.i18n.coverage import direction
from zerosei_app.settings import get_publisher
from zerosei_app.state.ui import UiState
from zerosei_app.view import urls
from zerosei_app.view.languages import LangLink
from zerosei_app.web.reflex_patches import js_var


def _lang_link(link: LangLink) -> rx.Component:
    # A full page load, not a client-side one: the page then loads the new language's texts
    # before the app runs (components/head.py). The link holds the choice; nothing is stored.
    return rx.el.li(
        plain(
            link.name,
            href=link.href,
            lang=link.code,
            href_lang=link.code,
            aria_current=rx.cond(link.current, "true", "false"),
            class_name="lang-link",
        )
    )


def _globe() -> rx.Component:
    return rx.el.svg(
        rx.el.svg.path(
            d="M12 3a9 9 0 1 0 0 18a9 9 0 1 0 0-18z M3 12h18 M12 3c3 3.5 3 14.5 0 18 M12 3c-3 3.5-3 14.5 0 18"
        ),
        view_box="0 0 24 24",
        width="20",
        height="20",
        aria_hidden="true",
        class_name="icon",
    )


def lang_picker() -> rx.Component:
    """Nine languages in a compact disclosure (fits 390 px): a native <details>, so Enter/Space open
    it and Tab walks the links; each language is written in its own name and script."""
    return rx.el.nav(
        rx.el.details(
            rx.el.summary(
                _globe(),
                rx.el.span(t("ui.lang.nav"), ": ", class_name="sr-only"),
                rx.el.span(t("ui.lang.name"), class_name="lang-current"),
                class_name="lang-summary",
            ),
            rx.el.ul(rx.foreach(UiState.langs, _lang_link), class_name="lang-list"),
            class_name="lang-menu",
        ),
        aria_label=t("ui.lang.nav"),
        class_name="lang-nav",
    )


def text_dir() -> Var:
    """ "rtl" in a right-to-left language (Arabic), else "ltr"; the <html> follows (UiState._sync_ui)."""
    rtl = [code for code in LANGUAGES if direction(code) == "rtl"]
    return js_var(f'({json.dumps(rtl)}.includes({UiState.lang}) ? "rtl" : "ltr")', str, reads=UiState.lang)


def lang_href(path: str):
    """A page of ours that only carries the language."""
    return rx.cond(UiState.lang == "it", path, path + "?lang=" + UiState.lang)


def publisher_strip() -> rx.Component:
    """Who publishes the service (settings.Publisher), as Italian public services show it: a slim top line."""
    pub = get_publisher()
    logo = rx.el.img(src=pub.logo, alt="", class_name="pub-logo", width="24", height="24") if pub.logo else None
    return rx.el.div(
        rx.el.div(
            external(
                *([logo] if logo else []),
                rx.el.span(pub.name, class_name="pub-name"),
                rx.el.span(", ", t("ui.frame.publisher_site"), class_name="sr-only"),
                href=pub.url,
                class_name="pub-link",
            ),
            class_name="pub-bar",
        ),
        class_name="pub",
    )


def header(home_href=None) -> rx.Component:
    return rx.el.header(
        publisher_strip(),
        rx.el.div(
            internal(
                rx.el.span("ZeroSei", class_name="brand-name"),
                rx.el.span(t("ui.brand.tagline"), class_name="brand-tagline"),
                href=home_href
                if home_href is not None
                else rx.cond(UiState.lang == "it", "/", "/?lang=" + UiState.lang),
                class_name="brand",
            ),
            lang_picker(),
            class_name="bar",
        ),
        class_name="top",
    )


def footer() -> rx.Component:
    """The publisher, the data controller, information/privacy and the accessibility declaration (open data: /informazioni)."""
    pub = get_publisher()
    return rx.el.footer(
        rx.el.p(t("ui.footer.region"), " ", t("ui.frame.published_by"), " ", external(pub.name, href=pub.url), "."),
        rx.el.p(t("ui.footer.controller"), " ", pub.privacy_controller, "."),
        rx.el.ul(
            rx.el.li(internal(t("ui.footer.carta"), href=lang_href(urls.CARTA))),
            rx.el.li(internal(t("ui.footer.info_privacy"), href=lang_href(urls.INFO))),
            rx.el.li(internal(t("ui.footer.a11y"), href=lang_href(urls.A11Y))),
            class_name="footer-links",
        ),
        class_name="foot",
    )


# Before the state has arrived (the connection may fail on the first load of an English link) the
# text follows the link's `lang=`. Every language's text is in the page and CSS shows one (head.py's
# boot script picks the link's): text chosen by JavaScript during render would differ from the
# prerendered page, and React would then re-render the whole page (dropping a path's static copy).
def _offline_texts() -> rx.Component:
    return rx.fragment(
        *[
            rx.el.span(
                translate("ui.offline", lang), lang=lang, class_name="offline-text", custom_attrs={"data-l": lang}
            )
            for lang in LANGUAGES
        ]
    )


def offline_bar() -> rx.Component:
    """In the page's language (Reflex's own connection toast is English only, so the app drops it).

    Shown when Reflex reports connection errors, or at once when the phone itself says it went
    offline (html.zs-offline, set by head.py's script): Reflex only notices after its retries.
    """
    return rx.el.div(
        rx.cond(UiState.ready, t("ui.offline"), _offline_texts()),
        role="status",
        class_name=rx.cond(has_connection_errors, "offline-bar shown no-print", "offline-bar no-print"),
    )


def page(*children, main_class: str = "") -> rx.Component:
    """`data-ready` lets the CSS hide the prerendered Italian shell when the link asks for another language."""
    return rx.el.div(
        plain(t("ui.skip"), href="#main", class_name="skip"),
        header(),
        rx.el.main(*children, id="main", tab_index=-1, class_name=f"main {main_class}".strip()),
        footer(),
        offline_bar(),
        class_name="app",
        lang=UiState.lang,
        dir=text_dir(),
        custom_attrs={"data-ready": rx.cond(UiState.ready, "true", "false")},
    )
