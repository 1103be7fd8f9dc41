"""Every touch of a Reflex internal, in one module (Reflex 0.10.x).

The app relies on a few things Reflex does not publish as API: private attributes of the app, its
state manager and its websocket namespace, the hook that adds CORS, the compiled pages' folder and
the keys of its app wraps. Each is reached here only, by a named function with one job; the rest of
the app calls these functions. tests/unit/test_reflex_patches.py checks on the installed Reflex that
every name below still exists with the expected type or signature (a Reflex upgrade that moves one
fails that test, not the app at night), and that no other module of zerosei_app reaches a private
name of Reflex.

Components build a few `Var`s from raw JavaScript (the language lookup, the text direction, the
combobox's key filter, the upload's label): Reflex's docs show `rx.Var("…")`, but carrying the state a
Var reads, or reading an existing Var's expression, needs its private parts — `js_var`, `var_js` and
`with_js` below are the only places that touch them.
"""

from __future__ import annotations

import pickle
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

from reflex.app import App
from reflex.istate.manager.memory import StateManagerMemory
from reflex.istate.manager.token import BaseStateToken
from reflex.utils.token_manager import RedisTokenManager
from reflex.vars.base import Var

# The Reflex versions whose internals were read for this module (pyproject pins reflex[db]==0.10.1).
CHECKED_VERSIONS = ("0.10.1",)

__all__ = ["CHECKED_VERSIONS", "RedisTokenManager", "StateManagerMemory"]


# -- The rx.App's frame ---------------------------------------------------------------------------

# Keys of App.app_wraps: Reflex's connection toast/pulser and its error boundary.
OVERLAY_WRAP = (5, "Overlay")
ERROR_BOUNDARY_WRAP = (55, "ErrorBoundary")


def hide_connection_overlay(app: App) -> None:
    """Reflex's connection toast and pulser speak English only: each page frame shows its own notice."""
    app.app_wraps[OVERLAY_WRAP] = lambda stateful: None


def use_error_boundary(app: App, boundary: Callable[[bool], Any]) -> None:
    """Reflex's error boundary slot gets ours (a stack trace in English is no page for a parent)."""
    app.app_wraps[ERROR_BOUNDARY_WRAP] = boundary


def static_dir() -> Path:
    """The folder of the compiled pages (`.web/build/client`): the middlewares read their HTML there."""
    from reflex import constants
    from reflex.utils import prerequisites

    return prerequisites.get_web_dir() / constants.Dirs.STATIC


# -- CORS (api/http.py) ----------------------------------------------------------------------------


def wrap_add_cors(wrap: Callable[[Callable[[Any], None]], Callable[[Any], None]]) -> bool:
    """Replace Reflex's `App._add_cors(api)` by `wrap(original)` (idempotent; before rx.App() is built).
    False when Reflex no longer has the hook (its CORS then stays as Reflex builds it)."""
    current = App.__dict__.get("_add_cors")
    if not isinstance(current, staticmethod):
        return False
    original = current.__func__
    if getattr(original, "_zerosei_wrapped", False):
        return True
    replacement = wrap(original)
    replacement._zerosei_wrapped = True  # type: ignore[attr-defined]
    App._add_cors = staticmethod(replacement)  # type: ignore[method-assign]
    return True


# -- The websocket (web/ws_guard.py) -----------------------------------------------------------------


def bound_socket(app: App, origin_check: Callable[[str | None, dict], bool], max_message_bytes: int) -> None:
    """python-socketio's engine.io server asks `origin_check` about each Origin and takes no larger message."""
    eio = app.sio.eio
    eio.cors_allowed_origins = origin_check
    eio.max_http_buffer_size = max_message_bytes


def filter_events(app: App, clean: Callable[[str, Any], Any]) -> None:
    """Every websocket event (the CONNECT's hydrate too) passes through `clean(sid, data)` before Reflex
    reads it (once; python-socketio looks the handler up on the instance at each event)."""
    namespace = app.event_namespace
    original: Callable[[str, Any], Awaitable[Any]] = namespace.on_event
    if getattr(original, "_zerosei_bounded", False):
        return

    async def on_event(sid: str, data: Any):
        return await original(sid, clean(sid, data))

    on_event._zerosei_bounded = True  # type: ignore[attr-defined]
    namespace.on_event = on_event


# -- Tab states without Redis (web/tab_states.py) ---------------------------------------------------


def memory_state_manager(app: App) -> StateManagerMemory | None:
    """The app's in-memory state manager with its websocket namespace, or None (Redis, or no state)."""
    manager = app.state_manager
    if not isinstance(manager, StateManagerMemory) or app.event_namespace is None:
        return None
    return manager


def on_tab_disconnect(app: App, closed: Callable[[str], None]) -> None:
    """Call `closed(token)` after Reflex handled a tab's websocket closing."""
    namespace = app.event_namespace
    original = namespace.on_disconnect

    def on_disconnect(sid: str, *_reason):
        token = namespace.sid_to_token.get(sid)
        result = original(sid)
        if token:
            closed(token)
        return result

    # python-socketio looks the handler up on the instance at each event.
    namespace.on_disconnect = on_disconnect


def connected_tokens(app: App) -> Any:
    """Tab tokens with an open websocket in this process (a mapping token → sid)."""
    return app.event_namespace.token_to_sid


def tab_state_key(app: App, token: str) -> BaseStateToken:
    """The state manager's key of a tab's whole state (its root state class is private to the app)."""
    return BaseStateToken(ident=token, cls=app._state)


def tab_state(manager: StateManagerMemory, key: BaseStateToken) -> Any:
    """The tab's root state held in memory, or None."""
    return manager.states.get(key.cache_key)


def tab_state_busy(manager: StateManagerMemory, key: BaseStateToken) -> bool:
    """Whether an event is running on the tab's state right now (its lock is taken)."""
    lock = manager._states_locks.get(key.lock_key)
    return lock is not None and lock.locked()


def drop_tab_state(manager: StateManagerMemory, key: BaseStateToken) -> None:
    """Forget a tab's state and its lock, as Reflex does when a state expires."""
    manager._purge_token(key)


# -- Tab tokens with Redis (web/token_owner.py) ------------------------------------------------------


def swap_redis_token_manager(app: App, make: Callable[[Any], RedisTokenManager]) -> None:
    """Give the websocket namespace `make(redis)` instead of Reflex's own Redis token manager (no-op
    without Redis)."""
    namespace = app.event_namespace
    current = getattr(namespace, "_token_manager", None)
    if type(current) is RedisTokenManager:
        namespace._token_manager = make(current.redis)


def token_record_key(manager: RedisTokenManager, token: str) -> str:
    """The Redis key under which Reflex records which worker holds a tab token's websocket."""
    return manager._get_redis_key(token)


def token_record_owner(raw: bytes) -> str:
    """The worker (instance id) named by such a record (Reflex pickles a SocketRecord)."""
    return pickle.loads(raw).instance_id


# -- Vars written in JavaScript (components/) -------------------------------------------------------


def js_var(expr: str, var_type: type | None = None, reads: Var | None = None) -> Var:
    """A Var from a raw JavaScript expression; `reads`: the Var it uses, so that Reflex adds its hooks."""
    parts: dict[str, Any] = {}
    if var_type is not None:
        parts["_var_type"] = var_type
    if reads is not None:
        parts["_var_data"] = reads._get_all_var_data()
    return Var(_js_expr=expr, **parts)


def var_js(var: Var) -> str:
    """The JavaScript expression a Var renders to."""
    return var._js_expr


def with_js(var: Var, expr: str) -> Var:
    """Another expression that keeps what `var` depends on (imports, hooks, state)."""
    return Var(_js_expr=expr, _var_data=var._var_data)
