"""Running a handler's coroutine from a test, whatever the thread already runs.

Playwright's sync API (the e2e tests, earlier in the same pytest run) leaves an event loop running in the
main thread, and asyncio.run refuses to nest: then the coroutine runs in a thread of its own, with a copy
of this thread's context variables (Reflex keeps its state registry in one)."""

from __future__ import annotations

import asyncio
import concurrent.futures
import contextvars
from collections.abc import Coroutine
from typing import Any


def run_coroutine(coro: Coroutine[Any, Any, Any]) -> Any:
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return asyncio.run(coro)
    context = contextvars.copy_context()
    with concurrent.futures.ThreadPoolExecutor(1) as pool:
        return pool.submit(context.run, asyncio.run, coro).result()
