"""States of the public-service frame pages: the accessibility declaration and "page not found"."""

from __future__ import annotations

import reflex as rx

from zerosei_app.domain.link import parse_query_string
from zerosei_app.i18n import DEFAULT_LANG, LANGUAGES
from zerosei_app.state.ui import UiState
from zerosei_app.view import urls
from zerosei_app.view.accessibilita import declaration_texts
from zerosei_app.view.languages import lang_links


class AccessibilitaState(UiState):
    # A plain var, set by this page's on_load: as a computed var of `lang` it was recomputed and
    # sent (2 KB) on the load of every parents' page.
    declaration: dict[str, str] = declaration_texts(DEFAULT_LANG)

    @rx.event
    def on_load(self):
        script = self._sync_ui()
        texts = declaration_texts(self.lang)
        if texts != self.declaration:
            self.declaration = texts
        return script


def lang_from_referrer(referrer: object) -> str | None:
    """The `lang=` of the page a visitor came from (Italian when it has none), if it names a language we have."""
    if not isinstance(referrer, str) or not referrer.startswith(("http://", "https://")):
        return None
    lang = parse_query_string(referrer[: urls.MAX_RAW_QUERY]).query.lang
    return lang if lang in LANGUAGES else None


class NotFoundState(UiState):
    """The 404 page speaks the link's language (`?lang=en`), else the language of the page before."""

    @rx.event
    def on_load(self):
        previous = self.lang if self.ready else None  # a link followed inside the app
        script = self._sync_ui()
        if "lang=" in self._raw_query().lower():
            return script
        if previous is not None:
            return [script, self._set_lang(previous)]
        # A fresh load (a link from a chat, a bookmark): the referring page of ours, if any, tells.
        return [script, rx.call_script("document.referrer", callback=NotFoundState.from_referrer)]

    @rx.event
    def from_referrer(self, referrer: str):
        lang = lang_from_referrer(referrer)
        if lang is not None and lang != self.lang:
            return self._set_lang(lang)
        return None

    def _set_lang(self, lang: str):
        self.lang = lang
        self.langs = lang_links(self.router.url.path or urls.HOME, self._raw_query(), lang)
        return rx.call_script(self._lang_js(lang))

    @rx.var
    def home_href(self) -> str:
        return urls.lang_only(urls.HOME, self.lang)
