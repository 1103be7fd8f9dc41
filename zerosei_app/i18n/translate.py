"""Message lookup with fallbacks: the interface must never break because a string is missing."""

from __future__ import annotations

from functools import cache
from typing import Any

from babel import Locale

from .catalogs import CATALOGS, DEFAULT_LANG, LANGUAGES


def normalize_lang(lang: object) -> str:
    """A supported language code: "en-GB"/"en_US"/"EN" → "en"; anything unknown → Italian."""
    if isinstance(lang, str):
        primary = lang.strip().replace("_", "-").split("-", 1)[0].lower()
        if primary in LANGUAGES:
            return primary
    return DEFAULT_LANG


def t(key: str, lang: str = DEFAULT_LANG, **params: Any) -> str:
    """Translated text for `key`, falling back to Italian, then to the key itself; never raises."""
    return _format(_lookup(key, normalize_lang(lang)), params)


def plural(key_base: str, n: int, lang: str = DEFAULT_LANG, **params: Any) -> str:
    """`key_base.<CLDR category>` for `n` (e.g. `.one`/`.other`); `{n}` is available to the text."""
    lang = normalize_lang(lang)
    text = None
    for candidate_lang in dict.fromkeys((lang, DEFAULT_LANG)):
        catalog = CATALOGS.get(candidate_lang, {})
        for category in dict.fromkeys((_plural_category(candidate_lang, n), "other")):
            text = catalog.get(f"{key_base}.{category}")
            if text is not None:
                break
        if text is not None:
            break
    if text is None:
        text = f"{key_base}.other"
    return _format(text, {"n": n, **params})


def _lookup(key: str, lang: str) -> str:
    if not isinstance(key, str):
        return str(key)
    text = CATALOGS.get(lang, {}).get(key)
    if text is None:
        text = CATALOGS.get(DEFAULT_LANG, {}).get(key, key)
    return text


def _format(text: str, params: dict[str, Any]) -> str:
    try:
        return text.format(**params)
    except Exception:  # a wrong or missing placeholder must not break a page
        return text


def _plural_category(lang: str, n: Any) -> str:
    try:
        return _locale(lang).plural_form(n)
    except Exception:
        return "other"


@cache
def _locale(lang: str) -> Locale:
    return Locale.parse(lang)
