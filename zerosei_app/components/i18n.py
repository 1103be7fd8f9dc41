"""Interface text in components: `t("ui.key")` reads the current language's catalogue from UiState.

Named `t` like the server-side function so the key checker (tests/unit/test_i18n_keys.py) finds
every literal key used by the pages too.
"""

from reflex.vars.base import Var

from zerosei_app.state.ui import UI_PREFIX, UiState


def t(key: str) -> Var:
    if not key.startswith(UI_PREFIX):
        raise ValueError(f"components only use {UI_PREFIX}* keys (the rest is formatted on the server): {key}")
    return UiState.T[key]
