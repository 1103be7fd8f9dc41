"""Without Redis: a parent's tab state is dropped a while after its websocket closed.

Reflex keeps each tab's state in memory for an hour after its last event, open tab or not. A
path page's state is tens of KB, so memory followed an hour of visits, and anyone opening
websocket connections in a loop could fill it. A parent's tab holds nothing its link can't
rebuild (every page's on_load does that), so once its websocket has been closed for
`ZEROSEI_TAB_GRACE_SECONDS` (a phone's network blip or a short lock screen reconnects well
within it) its state goes. Staff tabs (with a session) keep Reflex's hour: their editor's
unsaved state lives there. With Redis the states expire in Redis (set its `maxmemory`).
"""

from __future__ import annotations

import asyncio
import logging
import time

from zerosei_app.settings import get_settings
from zerosei_app.web import reflex_patches
from zerosei_app.web.reflex_patches import StateManagerMemory

log = logging.getLogger(__name__)


class ClosedTabs:
    """Tab tokens whose websocket closed, and when; swept every quarter of the grace (1–60 s)."""

    def __init__(self, app, manager: StateManagerMemory) -> None:
        self.app, self.manager = app, manager
        self.closed: dict[str, float] = {}
        self.task: asyncio.Task | None = None
        self.grace = get_settings().tab_grace_seconds
        self.sweep_every = max(1.0, min(60.0, self.grace / 4))

    def on_disconnect(self, token: str) -> None:
        self.closed[token] = time.monotonic()
        if self.task is None or self.task.done():
            self.task = asyncio.get_running_loop().create_task(self._sweep(), name="zerosei-closed-tabs")

    async def _sweep(self) -> None:
        while self.closed:
            await asyncio.sleep(self.sweep_every)
            try:
                self.drop_expired()
            except Exception:  # never let the sweeper die on one odd state
                log.exception("sweeping closed tabs failed")

    def drop_expired(self) -> int:
        connected = reflex_patches.connected_tokens(self.app)
        deadline = time.monotonic() - self.grace
        dropped = 0
        for token, closed_at in list(self.closed.items()):
            if token in connected:  # it came back
                del self.closed[token]
            elif closed_at <= deadline and self._drop(token):
                del self.closed[token]
                dropped += 1
        return dropped

    def _drop(self, token: str) -> bool:
        """Drop the tab's state unless it is busy (tried again later) or a staff member's."""
        key = reflex_patches.tab_state_key(self.app, token)
        state = reflex_patches.tab_state(self.manager, key)
        if state is None:
            return True
        if reflex_patches.tab_state_busy(self.manager, key):
            return False
        # The staff states' base (a child of the root) holds the session cookie's token.
        if any(getattr(sub, "session_token", "") for sub in state.substates.values()):
            return True  # kept for Reflex's hour; nothing more to do here
        reflex_patches.drop_tab_state(self.manager, key)
        return True


def drop_closed_parent_tabs(app) -> None:
    """Lifespan hook: watch disconnects (memory state manager only)."""
    manager = reflex_patches.memory_state_manager(app)
    if manager is None:
        return
    reflex_patches.on_tab_disconnect(app, ClosedTabs(app, manager).on_disconnect)
