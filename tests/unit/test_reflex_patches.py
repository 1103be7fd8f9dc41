"""The Reflex internals the app relies on (zerosei_app/web/reflex_patches.py), checked on the installed Reflex.

A Reflex upgrade that renames, moves or reshapes one of them fails here with its name, instead of failing
the app (a tab's state never dropped, a dead worker's tabs given empty states, CORS headers doubled). After an
upgrade: read each function of reflex_patches.py against the new Reflex, then add the version to
CHECKED_VERSIONS.

The last tests read zerosei_app/ with `ast`: no module but reflex_patches.py imports a Reflex internal module
or reaches a private name of a Reflex object. Components may build a Var from its parts (`_js_expr`,
`_var_data`, `_get_all_var_data()`: Reflex's way to write a custom Var), nothing else.
"""

from __future__ import annotations

import ast
import asyncio
import dataclasses
import inspect
import pickle
import re
from importlib.metadata import version
from pathlib import Path
from types import SimpleNamespace

import pytest
import socketio
from reflex.app import App, EventNamespace
from reflex.istate.manager.memory import StateManagerMemory
from reflex.istate.manager.token import BaseStateToken
from reflex.utils.token_manager import RedisTokenManager, SocketRecord

import zerosei_app
from tests.coroutines import run_coroutine
from zerosei_app.web import reflex_patches

ROOT = Path(zerosei_app.__file__).resolve().parent
PATCHES = ROOT / "web" / "reflex_patches.py"
REFLEX = ("reflex", "reflex_base", "reflex_components_core")
# Reflex modules that are not its public API: only reflex_patches.py imports them.
INTERNAL_MODULES = ("reflex.app", "reflex.istate", "reflex.utils", "reflex.constants", "reflex_base.constants")
# Private names of Reflex objects that reflex_patches.py touches: no other module may, whatever it imports.
REFLEX_PRIVATE = {
    "_state",
    "_states_locks",
    "_purge_token",
    "_token_manager",
    "_add_cors",
    "_get_redis_key",
    "_event_namespace",
    "_cors_allowed_origins",
}


# Markers the app sets on its own functions (not Reflex's).
OWN_MARKERS = {"_staff_guarded"}


def _params(fn) -> list[str]:
    return list(inspect.signature(fn).parameters)


def test_the_installed_reflex_is_a_checked_one():
    installed = version("reflex")
    assert installed in reflex_patches.CHECKED_VERSIONS, (
        f"Reflex {installed} is installed, web/reflex_patches.py was checked against {reflex_patches.CHECKED_VERSIONS}: "
        "read each of its functions against the new Reflex, then add the version"
    )


def test_the_app_s_internals():
    fields = {f.name: f for f in dataclasses.fields(App)}
    assert "_state" in fields and "app_wraps" in fields and "sio" in fields
    wraps = fields["app_wraps"].default_factory()
    assert reflex_patches.OVERLAY_WRAP in wraps and reflex_patches.ERROR_BOUNDARY_WRAP in wraps
    assert isinstance(inspect.getattr_static(App, "event_namespace"), property)
    assert isinstance(inspect.getattr_static(App, "state_manager"), property)
    # _add_cors: a static method taking the Starlette app (api/http.py wraps it once, at import: the source
    # as Reflex ships it is read, not the class as patched)
    assert isinstance(App.__dict__["_add_cors"], staticmethod)
    source = inspect.getsource(App)
    assert re.search(r"@staticmethod\s+def _add_cors\(api: Starlette\)", source)
    assert source.count("App._add_cors(") >= 3  # its backend, each api_transformer, the top app


def test_the_websocket_namespace_s_internals():
    init = inspect.getsource(EventNamespace.__init__)
    assert "self._token_manager = TokenManager.create()" in init
    assert isinstance(inspect.getattr_static(EventNamespace, "token_to_sid"), property)
    assert isinstance(inspect.getattr_static(EventNamespace, "sid_to_token"), property)
    assert _params(EventNamespace.on_disconnect) == ["self", "sid"]
    assert _params(EventNamespace.on_event) == ["self", "sid", "data"]
    # python-socketio looks a handler up on the instance: an instance attribute replaces the method
    assert issubclass(EventNamespace, socketio.AsyncNamespace)
    assert "getattr(self, handler_name)" in inspect.getsource(socketio.AsyncNamespace.trigger_event)


def test_the_memory_state_manager_s_internals():
    fields = {f.name for f in dataclasses.fields(StateManagerMemory)}
    assert {"states", "_states_locks"} <= fields
    assert _params(StateManagerMemory._purge_token) == ["self", "token"]
    assert {"ident", "cls"} <= {f.name for f in dataclasses.fields(BaseStateToken)}
    assert isinstance(inspect.getattr_static(BaseStateToken, "cache_key"), property)
    assert isinstance(inspect.getattr_static(BaseStateToken, "lock_key"), property)


def test_tab_state_helpers_on_a_real_manager():
    from zerosei_app.zerosei_app import app

    manager = StateManagerMemory()
    key = reflex_patches.tab_state_key(app, "tok-1")
    assert key.ident == "tok-1" and key.cls is app._state
    assert reflex_patches.tab_state(manager, key) is None
    manager.states[key.cache_key] = SimpleNamespace(substates={})  # a root state with no substates
    lock = manager._states_locks[key.lock_key] = asyncio.Lock()
    assert not reflex_patches.tab_state_busy(manager, key)

    async def busy_while_locked() -> bool:
        async with lock:
            return reflex_patches.tab_state_busy(manager, key)

    assert run_coroutine(busy_while_locked())
    reflex_patches.drop_tab_state(manager, key)
    assert reflex_patches.tab_state(manager, key) is None and key.lock_key not in manager._states_locks


def test_the_redis_token_manager_s_internals():
    assert _params(RedisTokenManager.__init__) == ["self", "redis"]
    assert _params(RedisTokenManager._get_redis_key) == ["self", "token"]
    assert _params(RedisTokenManager.link_token_to_sid) == ["self", "token", "sid"]
    assert _params(RedisTokenManager.close) == ["self"]
    assert "self.redis = redis" in inspect.getsource(RedisTokenManager.__init__)
    # Reflex pickles a SocketRecord under _get_redis_key(token); its instance_id names the worker
    assert "pickle.dumps(socket_record)" in inspect.getsource(RedisTokenManager)
    raw = pickle.dumps(SocketRecord(instance_id="worker-a", sid="sid-1"))
    assert reflex_patches.token_record_owner(raw) == "worker-a"


def test_the_compiled_pages_folder():
    static = reflex_patches.static_dir()
    assert static.parts[-3:] == (".web", "build", "client"), static


def test_the_app_is_patched_as_meant():
    from zerosei_app.components.error_page import error_boundary
    from zerosei_app.zerosei_app import app

    assert app.app_wraps[reflex_patches.OVERLAY_WRAP](True) is None
    assert app.app_wraps[reflex_patches.ERROR_BOUNDARY_WRAP] is error_boundary
    assert getattr(App.__dict__["_add_cors"].__func__, "_zerosei_wrapped", False)
    assert getattr(app.event_namespace.on_event, "_zerosei_bounded", False)


# -- No other module reaches a Reflex internal ------------------------------------------------------


def _reflex_imports(tree: ast.AST) -> list[tuple[int, str, list[str]]]:
    """(line, module, names) of every import from a Reflex distribution."""
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(node.lineno, a.name, []) for a in node.names if a.name.split(".")[0] in REFLEX]
        elif isinstance(node, ast.ImportFrom) and node.module and node.module.split(".")[0] in REFLEX:
            found.append((node.lineno, node.module, [a.name for a in node.names]))
    return found


def _private_names(tree: ast.AST) -> list[tuple[int, str]]:
    """(line, name) of every `obj._name` / getattr(obj, "_name") on something other than self or cls."""
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Attribute):
            owner_is_self = isinstance(node.value, ast.Name) and node.value.id in ("self", "cls")
            if not owner_is_self:
                found.append((node.lineno, node.attr))
        elif isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and len(node.args) >= 2:
            name = node.args[1]
            if node.func.id in ("getattr", "setattr", "hasattr", "delattr") and isinstance(name, ast.Constant):
                found.append((node.lineno, str(name.value)))
    return [(line, n) for line, n in found if n.startswith("_") and not n.startswith("__")]


def reflex_internals(source: str) -> list[str]:
    """'line: what' for every touch of a Reflex internal in a module other than reflex_patches.py."""
    tree = ast.parse(source)
    imports = _reflex_imports(tree)
    out = []
    for line, module, names in imports:
        modules = [module] + [f"{module}.{n}" for n in names]
        if any(m == i or m.startswith(i + ".") for m in modules for i in INTERNAL_MODULES):
            out.append(f"{line}: imports {module} {names or ''}".rstrip())
        elif any(part.startswith("_") for part in module.split(".")) or any(n.startswith("_") for n in names):
            out.append(f"{line}: imports a private name from {module}")
    allowed = OWN_MARKERS if imports else set()
    for line, name in _private_names(tree):
        if name in REFLEX_PRIVATE or (imports and name not in allowed and not name.startswith("_zerosei")):
            out.append(f"{line}: reaches .{name}")
    return out


def test_no_other_module_reaches_a_reflex_internal():
    found = [
        f"{path.relative_to(ROOT.parent)}:{problem}"
        for path in sorted(ROOT.rglob("*.py"))
        if path != PATCHES
        for problem in reflex_internals(path.read_text(encoding="utf-8"))
    ]
    assert not found, "move these into zerosei_app/web/reflex_patches.py:\n" + "\n".join(found)


@pytest.mark.parametrize(
    ("source", "says"),
    [
        ("from reflex.app import App", "imports reflex.app"),
        ("from reflex import constants", "imports reflex ['constants']"),
        ("from reflex.utils import prerequisites", "imports reflex.utils"),
        ("import reflex as rx\nx = app._state", "reaches ._state"),
        ("import reflex as rx\nx = manager._states_locks", "reaches ._states_locks"),
        ("x = getattr(namespace, '_token_manager', None)", "reaches ._token_manager"),
        ("import reflex as rx\nrx.App._compile_page", "reaches ._compile_page"),
        ("from reflex.vars.base import _private", "imports a private name"),
    ],
)
def test_a_touch_is_reported(source, says):
    assert any(says in problem for problem in reflex_internals(source)), reflex_internals(source)


def test_own_markers_are_not_reported_a_var_built_from_its_parts_is():
    source = "import reflex as rx\nf._zerosei_done = True\nself._x = 1\nv = rx.Var(x._js_expr)"
    assert reflex_internals(source) == ["4: reaches ._js_expr"]


def test_vars_written_in_javascript_keep_what_they_read():
    """js_var/var_js/with_js: the expression renders as written and keeps the state Var's hooks."""
    from zerosei_app.state.ui import UiState

    plain = reflex_patches.js_var("(1 + 1)", int)
    assert str(plain) == "(1 + 1)" and plain._var_type is int
    reading = reflex_patches.js_var(f"({UiState.lang} === 'ar')", bool, reads=UiState.lang)
    assert reading._get_all_var_data() == UiState.lang._get_all_var_data() is not None
    assert reflex_patches.var_js(reading) == str(reading) and reflex_patches.var_js(reading).endswith("=== 'ar')")
    again = reflex_patches.with_js(reading, "(true)")
    assert str(again) == "(true)" and again._get_all_var_data() == reading._get_all_var_data()
