"""The frame of every parents' page: skip link, header with the language switch, main, footer."""

import reflex as rx
from reflex_components_core.core.banner import has_connection_errors

from zerosei_app.components.i18n import t
from zerosei_app.components.links import internal, plain
from zerosei_app.i18n import LANGUAGES
from zerosei_app.i18n import t as translate
from zerosei_app.state.ui import LangLink, UiState
from zerosei_app.view import urls


def _lang_link(link: LangLink) -> rx.Component:
    return rx.el.li(
        internal(
            link.name,
            href=link.href,
            lang=link.code,
            href_lang=link.code,
            aria_current=rx.cond(link.current, "true", "false"),
            class_name="lang-link",
            replace=True,
            prevent_scroll_reset=True,
        )
    )


def header(home_href=None) -> rx.Component:
    return rx.el.header(
        rx.el.div(
            internal(
                rx.el.span("ZeroSei", class_name="brand-name"),
                rx.el.span(t("ui.brand.tagline"), class_name="brand-tagline"),
                href=home_href
                if home_href is not None
                else rx.cond(UiState.lang == "it", "/", "/?lang=" + UiState.lang),
                class_name="brand",
            ),
            rx.el.nav(
                rx.el.ul(rx.foreach(UiState.langs, _lang_link), class_name="lang-list"),
                aria_label=t("ui.lang.nav"),
                class_name="lang-nav",
            ),
            class_name="bar",
        ),
        class_name="top",
    )


def footer() -> rx.Component:
    info_href = rx.cond(UiState.lang == "it", urls.INFO, urls.INFO + "?lang=" + UiState.lang)
    return rx.el.footer(
        rx.el.p(t("ui.footer.region")),
        rx.el.ul(
            rx.el.li(internal(t("ui.footer.info"), href=info_href)),
            rx.el.li(internal(t("ui.footer.api"), href=info_href + "#dati-aperti")),
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
        custom_attrs={"data-ready": rx.cond(UiState.ready, "true", "false")},
    )
