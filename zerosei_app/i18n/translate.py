"""Message lookup with fallbacks: the interface must never break because a string is missing."""

from __future__ import annotations

from functools import cache, lru_cache
from typing import Any

from babel import Locale

from .catalogs import CATALOGS, DEFAULT_LANG, LANGUAGES


def normalize_lang(lang: object) -> str:
    """A supported language code: "en-GB"/"en_US"/"EN" → "en"; anything unknown → Italian."""
    if isinstance(lang, str) and lang in LANGUAGES:  # the usual case, on every text of every page
        return lang
    if isinstance(lang, str):
        primary = lang.strip().replace("_", "-").split("-", 1)[0].lower()
        if primary in LANGUAGES:
            return primary
    return DEFAULT_LANG


def t(key: str, lang: str = DEFAULT_LANG, **params: Any) -> str:
    """Translated text for `key`, falling back to Italian, then to the key itself; never raises."""
    text = _lookup(key, normalize_lang(lang))
    # Without parameters the text is final (no catalogue text has "{{" escapes; test_i18n checks it).
    return _format(text, params) if params else text


def plural(key_base: str, n: int, lang: str = DEFAULT_LANG, **params: Any) -> str:
    """`key_base.<CLDR category>` for `n` (e.g. `.one`/`.other`); `{n}` is available to the text."""
    lang = normalize_lang(lang)
    text = _plural_text(key_base, lang, _plural_category(lang, n), _plural_category(DEFAULT_LANG, n))
    return _format(text, {"n": n, **params})


@lru_cache(maxsize=4096)  # a handful of keys and counts, on every page
def _plural_text(key_base: str, lang: str, category: str, default_category: str) -> str:
    for candidate_lang, candidate in dict.fromkeys(((lang, category), (DEFAULT_LANG, default_category))):
        catalog = CATALOGS.get(candidate_lang, {})
        for cat in dict.fromkeys((candidate, "other")):
            text = catalog.get(f"{key_base}.{cat}")
            if text is not None:
                return text
    return f"{key_base}.other"


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
    if type(n) is int:  # noqa: E721 - bool is not a count
        return _int_plural_category(lang, n)
    try:
        return _locale(lang).plural_form(n)
    except Exception:
        return "other"


@lru_cache(maxsize=1024)
def _int_plural_category(lang: str, n: int) -> str:
    try:
        return _locale(lang).plural_form(n)
    except Exception:
        return "other"


@cache
def _locale(lang: str) -> Locale:
    return Locale.parse(lang)
