"""Parents' URLs: every wizard step and the path page carry the (partial) PathQuery.

Plain Python (no Reflex): the states and the share-meta route build links with it.
"""

from __future__ import annotations

import json
from urllib.parse import quote, unquote_plus

from zerosei_app.domain.link import LINK_LANGS, PathQuery, to_query_string

HOME = "/"
STEP_COMUNE = "/inizia/comune"
STEP_CHILDREN = "/inizia/figli"
STEP_TEMI = "/inizia/temi"
PERCORSO = "/percorso"
PERCORSO_QR = "/percorso/qr.svg"  # the path's QR code, an image of its own (web/path_qr.py)
INFO = "/informazioni"
CARTA = "/carta"  # the directory; /carta/<slug> a centre's Carta, /carta/stampa the print edition
CARTA_STAMPA = "/carta/stampa"
CARTA_MAPPA = "/carta/mappa.svg"  # the map's comuni as one image (web/carta_map.py)
A11Y = "/accessibilita"  # the accessibility declaration
STEPS = (STEP_COMUNE, STEP_CHILDREN, STEP_TEMI)
# Longer raw queries are rebuilt from their valid parts instead of being copied around.
MAX_RAW_QUERY = 2000


def link(path: str, query: PathQuery, anchor: str = "") -> str:
    """`path?<canonical query>#anchor`, omitting empty parts."""
    qs = to_query_string(query)
    return path + (f"?{qs}" if qs else "") + (f"#{anchor}" if anchor else "")


def lang_only(path: str, lang: str) -> str:
    """A page that only carries the language (home, information)."""
    return link(path, PathQuery(lang=lang)) if lang in LINK_LANGS else path


def with_lang(path: str, raw_query: str, lang: str) -> str:
    """The same page and query with `lang` replaced (Italian is the default, so it is dropped).

    Keeps every other parameter as written, so switching language never loses what the
    parent had, not even the broken parts of a link that the page is explaining.
    """
    raw_query = (raw_query or "").lstrip("?").partition("#")[0]
    if len(raw_query) > MAX_RAW_QUERY:
        raw_query = ""
    kept = [
        part for part in raw_query.split("&") if part and unquote_plus(part.partition("=")[0]).strip().lower() != "lang"
    ]
    if lang != "it":
        kept.append(f"lang={quote(lang, safe='')}")
    return path + (f"?{'&'.join(kept)}" if kept else "")


def replace_url_script(url: str) -> str:
    """JS that swaps the address bar's URL without a navigation (no new history entry, no scroll jump).

    `history.state` is kept because the client router stores its own keys there; the state that
    calls this has already updated itself, so nothing waits for an on_load.
    """
    return f"window.history.replaceState(window.history.state, '', {json.dumps(url)})"


def carta_url(slug: str, lang: str = "it") -> str:
    """A centre's Carta page, `/carta/<slug>` (`?lang=en` for English)."""
    return lang_only(f"{CARTA}/{quote(slug, safe='')}", lang)
