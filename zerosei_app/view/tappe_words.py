"""A tappa's texts in the reader's language, honestly: the catalogue translates the Regione's Italian text
(`tappa.<id>.titolo|sintesi|quando|chi`), and only that text. Staff may edit a tappa (/staff/tappe): an edited
field no longer matches the Italian the translation was made from, so the reader gets the Italian, marked as such.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from zerosei_app.i18n.catalogs import CATALOGS, DEFAULT_LANG
from zerosei_app.i18n.coverage import direction, ltr_isolate

# The catalogue's keys `tappa.<id>.<key>` (published msgids: they stay Italian) and the Tappa row's attribute
# each one translates. TappaOut (the API) keeps the keys as its field names: OUT_FIELDS reads it.
ROW_FIELDS = {"titolo": "title", "sintesi": "summary", "quando": "timing", "chi": "who"}
OUT_FIELDS = {key: key for key in ROW_FIELDS}
FIELDS = tuple(ROW_FIELDS)
# A run of Latin words (an office's Italian name, "INPS", "Covid-19") inside a right-to-left translation.
_LATIN = "A-Za-zÀ-ÿ0-9'’./-"
_LATIN_RUN = re.compile(rf"[A-Za-zÀ-ÿ][{_LATIN}]*(?: [{_LATIN}]*[A-Za-zÀ-ÿ][{_LATIN}]*)*")


@dataclass(frozen=True)
class Worded:
    text: str
    lang: str  # the language the text is in: the page's, or "it" (the field was edited, or not translated yet)


def tappa_key(tappa_id: str, field: str) -> str:
    return f"tappa.{tappa_id}.{field}"


def tappa_text(tappa_id: str, field: str, italian: str, lang: str) -> Worded:
    """The translation when the row's Italian is still the catalogue's Italian for that key; else the Italian."""
    key = tappa_key(tappa_id, field)
    translated = CATALOGS.get(lang, {}).get(key)
    if lang == DEFAULT_LANG or not translated or CATALOGS[DEFAULT_LANG].get(key) != italian:
        return Worded(italian, DEFAULT_LANG)
    return Worded(_isolate_latin(translated, lang), lang)


def _isolate_latin(text: str, lang: str) -> str:
    """In a right-to-left text the Italian names keep their order and their brackets their side: each Latin
    run is wrapped in Unicode isolates (invisible), its final full stop left outside."""
    if direction(lang) != "rtl":
        return text

    def isolate(m: re.Match) -> str:
        run = m.group()
        core = run.rstrip(".,")
        return ltr_isolate(core, lang) + run[len(core) :]

    return _LATIN_RUN.sub(isolate, text)


def tappa_words(x, lang: str, fields: dict[str, str] = ROW_FIELDS) -> dict[str, Worded]:
    """Every translatable field of a tappa (anything with `id` and the four Italian texts), by catalogue key:
    `fields` maps each key to the attribute holding its text (a Tappa row's by default; OUT_FIELDS: a TappaOut's)."""
    return {key: tappa_text(x.id, key, getattr(x, attr), lang) for key, attr in fields.items()}


def shows_italian(words: dict[str, Worded], lang: str) -> bool:
    """Some text is in Italian on a page in another language: the tappa says so (a short note)."""
    return lang != DEFAULT_LANG and any(w.lang == DEFAULT_LANG for w in words.values() if w.text)
