"""The parents' base state: the language (from `lang=` in the link); the pages hold its texts.

Every parents' page state inherits from UiState; its on_load calls `_sync_ui()` first, so the
language always follows the URL (one source of truth) and nothing about the family is stored.
"""

import json

import reflex as rx

from zerosei_app.domain.link import parse_query_string
from zerosei_app.i18n import DEFAULT_LANG, LANGUAGES
from zerosei_app.i18n.coverage import direction
from zerosei_app.i18n.ui_script import (
    GLOBAL,
    UI_PREFIX,  # noqa: F401  (the pages and tests import it from here)
)
from zerosei_app.i18n.ui_script import script_url as ui_script_url
from zerosei_app.view import urls
from zerosei_app.view.languages import LangLink, lang_links

# Runs after React has rendered the new page: the heading carries tabindex=-1 for this. On a slow
# network the parent may already be in a field of the new page: then focus stays where it is.
FOCUS_HEADING_JS = (
    "setTimeout(() => { const a = document.activeElement, m = document.querySelector('main');"
    " if (!a || a === document.body || !m || !m.contains(a)) m?.querySelector('h1')?.focus({preventScroll: true}); }, 0);"
)


# The service worker saves this page if it is one worth having offline (components/head.py, assets/sw.js).
KEEP_PAGE_JS = "window.zsKeep&&zsKeep();"


class UiState(rx.State):
    lang: str = DEFAULT_LANG
    # False only before the first on_load of this browser tab: the prerendered shell is showing.
    ready: bool = False
    langs: list[LangLink] = lang_links(urls.HOME, "", DEFAULT_LANG)

    def _raw_query(self) -> str:
        return self.router.url.query or ""

    def _sync_ui(self):
        """Language from the link; returns the script that keeps <html lang> in step (WCAG 3.1.1).

        After a client-side navigation (not on the first load of the tab) focus moves to the new
        page's heading, so screen reader and keyboard users start from the new content.
        """
        navigated = self.ready
        lang = parse_query_string(self._raw_query()).query.lang
        if lang not in LANGUAGES:
            lang = DEFAULT_LANG
        self.lang = lang
        self.langs = lang_links(self.router.url.path or urls.HOME, self._raw_query(), lang)
        self.ready = True
        # The static preview of a path (web/path_preview.py) has done its job once the app runs.
        script = self._lang_js(lang) + "document.getElementById('zs-preview')?.remove();"
        script += KEEP_PAGE_JS
        if navigated:
            script += FOCUS_HEADING_JS
        return rx.call_script(script)

    def _lang_js(self, lang: str) -> str:
        """<html lang dir> in step (WCAG 3.1.1); and the language's texts (i18n/ui_script.py) present.

        The head loads the texts of the link's language before the app runs. A page that takes its
        language from elsewhere (the 404 page, from the page before) gets `lang=` in its URL and
        loads again; if the texts are merely late, they load and the page reloads once they are in.
        `lang` is one of LANGUAGES (known codes), so it is safe inside the script.
        """
        script = f"document.documentElement.lang={lang!r};document.documentElement.dir={direction(lang)!r};"
        if lang == DEFAULT_LANG:
            return script
        here = urls.with_lang(self.router.url.path or urls.HOME, self._raw_query(), lang)
        return script + (
            f"if(!globalThis.{GLOBAL}?.[{lang!r}]){{"
            f"if(!/[?&]lang={lang}(&|$)/.test(location.search)){{location.replace({json.dumps(here)}+location.hash)}}"
            f"else{{var s=document.createElement('script');s.src={ui_script_url(lang)!r};"
            "s.onload=function(){location.reload()};document.head.appendChild(s)}};"
        )

    def _replace_url(self, path: str, query_string: str, then_js: str = ""):
        """A small tweak (a topic filter): new URL in place, language links kept in step."""
        self.langs = lang_links(path, query_string, self.lang)
        return rx.call_script(
            urls.replace_url_script(path + (f"?{query_string}" if query_string else ""))
            + (f";{then_js}" if then_js else "")
        )

    @rx.event
    def on_load(self):
        """For pages that only need the language (home, information)."""
        return self._sync_ui()

    @rx.var
    def start_href(self) -> str:
        return urls.lang_only(urls.STEP_COMUNE, self.lang)
