"""Scale-out (Redis, several workers): a tab keeps its state when the worker that served it dies.

Reflex records in Redis which worker holds each tab's websocket, to tell a duplicated browser
tab (the same tab token twice) from a reconnect. A worker that is killed or restarted never
removes its records, so for an hour every tab it served that came back through another worker
was taken for a duplicate and given a new token: an empty state, and the staff editor re-mounted
its inputs over unsaved text. Here each worker holds a subscription to a channel of its own while
it lives (Redis drops it the moment the process or its connection dies); a record whose worker
has none is stale, and the tab comes back with its own token and state.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging

from zerosei_app.web import reflex_patches
from zerosei_app.web.reflex_patches import RedisTokenManager

log = logging.getLogger(__name__)

ALIVE_CHANNEL = "zerosei_worker_alive_"


class WorkerAwareTokenManager(RedisTokenManager):
    """Reflex's Redis token manager, which lets a tab of a dead worker back in."""

    _alive_task: asyncio.Task | None = None

    async def _stay_subscribed(self) -> None:
        while True:  # after a Redis restart, subscribe again
            try:
                async with self.redis.pubsub() as pubsub:
                    await pubsub.subscribe(ALIVE_CHANNEL + self.instance_id)
                    async for _ in pubsub.listen():
                        pass
            except asyncio.CancelledError:
                raise
            except Exception:
                await asyncio.sleep(0.5)

    async def _worker_alive(self, instance_id: str) -> bool:
        counts = await self.redis.pubsub_numsub(ALIVE_CHANNEL + instance_id)
        return bool(counts and counts[0][1])

    async def link_token_to_sid(self, token: str, sid: str) -> str | None:
        if self._alive_task is None or self._alive_task.done():
            self._alive_task = asyncio.create_task(self._stay_subscribed(), name="zerosei-worker-alive")
        key = reflex_patches.token_record_key(self, token)
        try:
            raw = await self.redis.get(key)
            owner = reflex_patches.token_record_owner(raw) if raw else None
            if owner is not None and owner != self.instance_id and not await self._worker_alive(owner):
                await self.redis.delete(key)  # the worker is gone: this is a reconnect, not a duplicate
        except Exception:  # Redis trouble: Reflex's own checks decide, as before
            log.exception("could not check the owner of a tab token")
        return await super().link_token_to_sid(token, sid)

    async def close(self) -> None:
        if self._alive_task is not None:
            self._alive_task.cancel()
            with contextlib.suppress(BaseException):
                await self._alive_task
        await super().close()


def use_worker_aware_tokens(app) -> None:
    """Lifespan hook: swap Reflex's Redis token manager for the one above (no-op without Redis)."""
    reflex_patches.swap_redis_token_manager(app, WorkerAwareTokenManager)
