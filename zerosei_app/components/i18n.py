"""Interface text in components: `t("ui.key")` is compiled into the page in every language.

The texts are not state: a hydrate used to carry the whole `ui.*` catalogue (about 12 KB, twice
on a reconnect) to every tab. Here each text becomes a small expression on `UiState.lang`, so the
page switches language at once and the server sends nothing for it.

Named `t` like the server-side function so the key checker (tests/unit/test_i18n_keys.py) finds
every literal key used by the pages too.
"""

import reflex as rx
from reflex.vars.base import Var

from zerosei_app.i18n import DEFAULT_LANG, LANGUAGES
from zerosei_app.state.ui import UI_PREFIX, UiState, ui_catalog


def t(key: str) -> Var:
    if not key.startswith(UI_PREFIX):
        raise ValueError(f"components only use {UI_PREFIX}* keys (the rest is formatted on the server): {key}")
    italian = ui_catalog(DEFAULT_LANG)
    if key not in italian:
        raise KeyError(f"{key} is not in the Italian catalogue")
    text: Var = Var.create(italian[key])
    for lang in LANGUAGES:
        own = ui_catalog(lang)[key]
        if lang != DEFAULT_LANG and own != italian[key]:
            text = rx.cond(UiState.lang == lang, own, text)
    return text
