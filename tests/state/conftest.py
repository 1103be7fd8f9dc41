"""Build the parents' states without a browser (see /work/shared/REFLEX_NOTES.md), on the run's seeded DB."""

from __future__ import annotations

import pytest
import reflex as rx
from reflex.istate.data import RouterData


def make_state(state_cls, url: str, ip: str = "10.9.9.9", origin: str = "http://test.local"):
    """A fresh state tree whose router says the browser is at `url` (path + query)."""
    root = rx.State(_reflex_internal_init=True)
    sub = root.get_substate(state_cls.get_full_name().split(".")[1:])
    navigate(root, url, ip=ip, origin=origin)
    return sub


def navigate(state, url: str, ip: str = "10.9.9.9", origin: str = "http://test.local") -> None:
    """What a page change does to the router (the on_load that follows is called by the test)."""
    root = state
    while root.parent_state is not None:
        root = root.parent_state
    path = url.partition("?")[0]
    root.router = RouterData.from_router_data(
        {"headers": {"origin": origin}, "pathname": path, "asPath": url, "ip": ip}
    )


def run_async(result):
    """The value of a handler that may be async (awaited here) or plain."""
    import asyncio
    import inspect

    return asyncio.run(result) if inspect.iscoroutine(result) else result


def event_name(spec) -> str:
    return spec.handler.fn.__qualname__ if hasattr(spec.handler.fn, "__qualname__") else str(spec.handler)


def arg(spec, name: str):
    for key, value in spec.args:
        if key._js_expr == name:
            return getattr(value, "_var_value", value)
    raise KeyError(name)


def redirect_target(spec) -> tuple[str, bool]:
    """(path, replace) of an rx.redirect EventSpec (or of the redirect among a list of events)."""
    if isinstance(spec, list):
        spec = next(s for s in spec if s.handler.fn.__qualname__ == "_redirect")
    assert spec.handler.fn.__qualname__ == "_redirect", spec
    return arg(spec, "path"), arg(spec, "replace")


def script_of(spec) -> str:
    assert spec.handler.fn.__qualname__ == "_call_script", spec
    code = arg(spec, "javascript_code")
    return code if isinstance(code, str) else str(code)


@pytest.fixture
def state():
    return make_state
