"""Which Italian texts each language still lacks (they show in Italian), and each text's direction.

`python -m zerosei_app.i18n.coverage` prints the README's list "Testi ancora in italiano"; run it
after adding keys to it.po and paste its output there.
"""

from __future__ import annotations

from functools import cache

from babel import Locale

from .catalogs import CATALOGS, COMPLETE_LANGUAGES, DEFAULT_LANG, LANGUAGES


def missing_keys(lang: str) -> list[str]:
    """Italian keys the language's catalogue lacks: they are shown in Italian."""
    return sorted(set(CATALOGS[DEFAULT_LANG]) - set(CATALOGS.get(lang, {})))


@cache
def direction(lang: str) -> str:
    """ "rtl" for Arabic (and any right-to-left language added later), else "ltr"; from CLDR."""
    try:
        return "rtl" if Locale.parse(lang).character_order == "right-to-left" else "ltr"
    except Exception:
        return "ltr"


def ltr_isolate(text: str, lang: str) -> str:
    """Left-to-right text (an address, a centre's Italian words) inside a right-to-left sentence keeps
    its order: wrapped in Unicode isolates (invisible), only where the page reads right to left."""
    return f"\u2066{text}\u2069" if text and direction(lang) == "rtl" else text


def fallback_markdown() -> str:
    """One line per missing key: the languages that show it in Italian."""
    by_key: dict[str, list[str]] = {}
    for lang in LANGUAGES:
        if lang not in COMPLETE_LANGUAGES:
            for key in missing_keys(lang):
                by_key.setdefault(key, []).append(lang)
    return "\n".join(f"- `{key}`: {', '.join(langs)}" for key, langs in sorted(by_key.items()))


if __name__ == "__main__":
    print(fallback_markdown())
