"""The language switcher's links, each language named in itself, and the interface texts (`ui.*`) of a
language as the pages compile them: Italian where a translation is missing."""

from dataclasses import dataclass
from functools import lru_cache

from zerosei_app.i18n import DEFAULT_LANG, LANGUAGES, t
from zerosei_app.i18n.catalogs import CATALOGS
from zerosei_app.i18n.ui_script import UI_PREFIX
from zerosei_app.view import urls


def ui_catalog(lang: str) -> dict[str, str]:
    """The `ui.*` texts for a language, Italian where a translation is missing (compiled into the pages)."""
    # The sizes in the key: a catalogue that gains a key (tests patch them) is read again.
    sizes = (len(CATALOGS[DEFAULT_LANG]), len(CATALOGS.get(lang, {})))
    return dict(_ui_catalog(lang, sizes))  # a copy: the state owns what it is given


@lru_cache(maxsize=16)  # every t() of every page asks at compile time
def _ui_catalog(lang: str, _sizes: tuple[int, int]) -> dict[str, str]:
    italian = {k: v for k, v in CATALOGS[DEFAULT_LANG].items() if k.startswith(UI_PREFIX)}
    own = {k: v for k, v in CATALOGS.get(lang, {}).items() if k.startswith(UI_PREFIX)}
    return {**italian, **own}


@dataclass
class LangLink:
    code: str
    name: str  # the language's own name: "Italiano", "English"
    href: str
    current: bool


def lang_links(path: str, raw_query: str, current: str) -> list[LangLink]:
    return [
        LangLink(code, t("ui.lang.name", code), urls.with_lang(path, raw_query, code), code == current)
        for code in LANGUAGES
    ]
