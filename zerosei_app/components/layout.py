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
# notice is there in every language and CSS shows the link's (head.py adds the rule for `lang=`).
# The HTML is the same on the server and in the browser: a text computed from the URL differed from
# the prerendered one, and that hydration mismatch made React rebuild the whole document, dropping
# the path's static copy (web/path_preview.py) and showing the Italian shell to an offline parent.
def _offline_text_in_every_language() -> rx.Component:
    return rx.fragment(
        *(
            rx.el.span(translate("ui.offline", lang), lang=lang, custom_attrs={"data-offline-lang": lang})
            for lang in LANGUAGES
        )
    )


def offline_bar() -> rx.Component:
    """In the page's language (Reflex's own connection toast is English only, so the app drops it).

    Shown when Reflex reports connection errors, or at once when the phone itself says it went
    offline (html.zs-offline, set by head.py's script): Reflex only notices after its retries.
    """
    return rx.el.div(
        rx.cond(UiState.ready, t("ui.offline"), _offline_text_in_every_language()),
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
