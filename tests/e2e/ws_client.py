"""A minimal client of the served app's websocket (/_event), as the frontend speaks it.

Used by the load, logout and throttle tests: python-socketio's threaded client (websocket-client),
one object per browser tab (its own tab token).
"""

from __future__ import annotations

import contextlib
import json
import threading
import time
import uuid

import httpx
import socketio
from reflex.state import State, UpdateVarsInternalState

from zerosei_app.state.staff_base import StaffState

NS = "/_event"
HYDRATE = State.get_full_name() + ".hydrate_and_load"
UPDATE_VARS = UpdateVarsInternalState.get_full_name() + ".update_vars_internal"
COOKIE_VAR = StaffState.get_full_name() + ".session_token"


def handler_name(cls, name: str) -> str:
    return f"{cls.get_full_name()}.{name}"


class Tab:
    """One browser tab: a websocket with its own tab token (or a given one, to reconnect)."""

    def __init__(self, url: str, token: str | None = None, origin: str | None = None):
        """origin: the page's Origin header (by default the websocket library sends the server's own)."""
        self.url = url
        self.token = token or str(uuid.uuid4())
        self.updates: list[dict] = []
        self._changed = threading.Condition()
        self.sio = socketio.Client(reconnection=False, websocket_extra_options={"origin": origin} if origin else {})
        self.sio.on("event", self._on_update, namespace=NS)
        self.sio.connect(
            f"{url}?token={self.token}",
            socketio_path="/_event",
            transports=["websocket"],
            namespaces=[NS],
            wait_timeout=30,
        )

    def _on_update(self, update):
        with self._changed:
            self.updates.append(update)
            self._changed.notify_all()

    def text(self) -> str:
        return json.dumps(self.updates, ensure_ascii=False)

    def emit(self, name: str, payload: dict | None = None, path: str = "/", query: dict | None = None) -> None:
        qs = "&".join(f"{k}={v}" for k, v in (query or {}).items())
        self.sio.emit(
            "event",
            {
                "name": name,
                "payload": payload or {},
                "router_data": {"pathname": path, "asPath": path + (f"?{qs}" if qs else ""), "query": query or {}},
            },
            namespace=NS,
        )

    def wait_for(self, needle: str | tuple[str, ...], timeout: float = 60, start: int = 0) -> float:
        """Seconds until an update (from index `start` on) contains `needle` (or one of several);
        raises TimeoutError."""
        needles = (needle,) if isinstance(needle, str) else needle
        t0 = time.monotonic()
        with self._changed:
            while True:
                seen = [json.dumps(u, ensure_ascii=False) for u in self.updates[start:]]
                if any(n in u for u in seen for n in needles):
                    return time.monotonic() - t0
                left = timeout - (time.monotonic() - t0)
                if left <= 0:
                    raise TimeoutError(f"no {needle!r} within {timeout}s; got {self.text()[-600:]}")
                self._changed.wait(left)

    def settle(self, quiet: float = 0.6, timeout: float = 20) -> str:
        """Wait until updates stop for a quiet moment; returns everything received (JSON)."""
        deadline = time.monotonic() + timeout
        seen, since = len(self.updates), time.monotonic()
        while time.monotonic() < deadline:
            if len(self.updates) != seen:
                seen, since = len(self.updates), time.monotonic()
            elif seen and time.monotonic() - since > quiet:
                break
            time.sleep(0.05)
        return self.text()

    def hydrate(self, path: str, query: dict | None = None, cookie: str | None = None, timeout: float = 60) -> float:
        """A page load (hydrate + on_load) as the frontend does it; seconds until hydrated."""
        start = len(self.updates)
        payload = {"vars": {COOKIE_VAR: cookie}} if cookie is not None else {}
        self.emit(HYDRATE, payload, path, query)
        return self.wait_for('"is_hydrated_rx_state_": true', timeout, start)

    def set_cookie(self, token: str) -> None:
        """What the browser does on hydrate: hand the session cookie's value to the state."""
        start = len(self.updates)
        self.emit(UPDATE_VARS, {"vars": {COOKIE_VAR: token}}, "/staff")
        with contextlib.suppress(TimeoutError):
            self.wait_for("", 10, start)

    def upload(self, handler: str, filename: str, data: bytes, timeout: float = 120) -> None:
        """A file chosen in the page's drop zone: POST /_upload as the frontend does (the file never
        rides the websocket); the handler's updates stream back in the answer and join `updates`."""
        with httpx.stream(
            "POST",
            f"{self.url}/_upload",
            headers={"reflex-client-token": self.token, "reflex-event-handler": handler},
            files={"files": (filename, data, "text/csv")},
            timeout=timeout,
        ) as answer:
            answer.raise_for_status()
            for line in answer.iter_lines():
                if line.strip() and line.strip() != "{}":
                    self._on_update(json.loads(line))

    def close(self) -> None:
        with contextlib.suppress(Exception):  # closing a dead socket is fine
            self.sio.disconnect()
