"""Interface text in components: `t("ui.key")` is the Italian text, or the page language's own.

The texts are not state: a hydrate used to carry the whole `ui.*` catalogue (about 12 KB, twice
on a reconnect) to every tab. Nor are they all in the page: with nine languages, compiling each
text in every language grew the JavaScript by about 120 KB of text. Each text is the Italian one
plus a lookup in the page language's catalogue, a script loaded before the app by pages in that
language (i18n/ui_script.py, components/head.py); a text the language lacks stays Italian.

Named `t` like the server-side function so the key checker (tests/unit/test_i18n_keys.py) finds
every literal key used by the pages too.
"""

import json

from reflex.vars.base import Var

from zerosei_app.i18n import DEFAULT_LANG
from zerosei_app.i18n.ui_script import GLOBAL, UI_PREFIX
from zerosei_app.state.ui import UiState
from zerosei_app.view.languages import ui_catalog
from zerosei_app.web.reflex_patches import js_var


def t(key: str) -> Var:
    if not key.startswith(UI_PREFIX):
        raise ValueError(f"components only use {UI_PREFIX}* keys (the rest is formatted on the server): {key}")
    italian = ui_catalog(DEFAULT_LANG)
    if key not in italian:
        raise KeyError(f"{key} is not in the Italian catalogue")
    lang = UiState.lang
    # During the build (prerender) and for Italian there is no catalogue: the Italian text.
    expr = f"(globalThis.{GLOBAL}?.[{lang}]?.[{json.dumps(key)}] ?? {json.dumps(italian[key], ensure_ascii=False)})"
    return js_var(expr, str, reads=lang)
