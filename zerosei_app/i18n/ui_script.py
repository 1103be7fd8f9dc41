"""The interface texts of one language as a small script, `/i18n/ui.<lang>.js`, loaded only by pages in it.

Compiling every `ui.*` text in every language into the pages grew their JavaScript with each
language (nine languages: about 120 KB of text, most of it for languages the reader does not
use). The pages now carry the Italian text only; a page in another language loads its own
catalogue before the app's code runs (components/head.py) and each text reads it
(components/i18n.py), falling back to Italian for a text the language lacks.
"""

from __future__ import annotations

import hashlib
import json
from functools import cache

from .catalogs import CATALOGS, DEFAULT_LANG, LANGUAGES

UI_PREFIX = "ui."  # keys compiled into the pages; every other text is formatted on the server
GLOBAL = "__zsUi"  # globalThis.__zsUi[lang][key]
PATH_PREFIX = "/i18n/ui."


def own_ui_texts(lang: str) -> dict[str, str]:
    """The language's own `ui.*` texts that differ from the Italian (the pages hold the Italian)."""
    italian = CATALOGS[DEFAULT_LANG]
    return {k: v for k, v in sorted(CATALOGS.get(lang, {}).items()) if k.startswith(UI_PREFIX) and v != italian.get(k)}


@cache
def script_body(lang: str) -> bytes:
    texts = json.dumps(own_ui_texts(lang), ensure_ascii=False, separators=(",", ":"))
    return f"(globalThis.{GLOBAL}=globalThis.{GLOBAL}||{{}})[{json.dumps(lang)}]={texts};\n".encode()


@cache
def version() -> str:
    """Changes whenever any catalogue's interface text does: the script's URL carries it (cache busting)."""
    digest = hashlib.sha256()
    for lang in LANGUAGES:
        digest.update(script_body(lang))
    return digest.hexdigest()[:12]


def script_path(lang: str) -> str:
    return f"{PATH_PREFIX}{lang}.js"


def script_url(lang: str) -> str:
    return f"{script_path(lang)}?v={version()}"


def lang_of_path(path: str) -> str | None:
    """`/i18n/ui.ro.js` → "ro" for a language we have (Italian needs no script), else None."""
    if not (path.startswith(PATH_PREFIX) and path.endswith(".js")):
        return None
    lang = path[len(PATH_PREFIX) : -len(".js")]
    return lang if lang in LANGUAGES and lang != DEFAULT_LANG else None
