"""Issue 20 on the served app: the websocket opens for the site's own pages only, and a flood of
hydrates with huge URLs neither fills the server's memory nor gets the URL echoed back."""

from __future__ import annotations

import contextlib
import threading
import time
import uuid
from urllib.parse import urlsplit

import psutil
import pytest
import socketio

from tests.e2e.ws_client import HYDRATE, NS, Tab

FLOOD_TABS = 100
URL_BYTES = 480_000


def _server_rss(app_url: str) -> int:
    """Resident bytes of the process listening on the app's port, and its children."""
    port = urlsplit(app_url).port
    pid = next(
        c.pid for c in psutil.net_connections("tcp") if c.laddr and c.laddr.port == port and c.status == "LISTEN"
    )
    proc = psutil.Process(pid)
    return sum(p.memory_info().rss for p in [proc, *proc.children(recursive=True)])


@pytest.mark.parametrize("origin", ["http://evil.example", "null"])
def test_other_sites_cannot_open_the_websocket(app_url, origin):
    with pytest.raises(socketio.exceptions.ConnectionError):
        Tab(app_url, origin=origin)


def test_the_sites_own_pages_can(app_url):
    tab = Tab(app_url, origin=app_url)  # the Origin of the site's own page: its Host
    try:
        assert tab.hydrate("/informazioni") < 30
    finally:
        tab.close()


def test_a_long_url_is_served_as_its_bare_page_and_never_echoed(app_url):
    tab = Tab(app_url)
    try:
        query = {"comune": "001272", "nascita": "2025-05", "x": "Q" * 20_000}
        tab.hydrate("/percorso", query)
        assert "QQQQ" not in tab.text()
        assert len(tab.text()) < 200_000
    finally:
        tab.close()


def _flood_one(app_url: str, answers: list[int], lock: threading.Lock) -> None:
    sio = socketio.Client(reconnection=False)
    got: list[int] = []
    sio.on("event", lambda data: got.append(len(str(data))), namespace=NS)
    as_path = "/percorso?comune=001272&nascita=2025-05&x=" + "Z" * URL_BYTES
    event = {
        "name": HYDRATE,
        "payload": {},
        "router_data": {"pathname": "/percorso", "asPath": as_path, "query": {"comune": "001272", "x": "Z" * 10}},
    }
    try:
        sio.connect(
            f"{app_url}?token={uuid.uuid4()}",
            transports=["websocket"],
            socketio_path="/_event",
            namespaces=[NS],
            auth={"event": event},
            wait_timeout=20,
        )
        time.sleep(1)
    except socketio.exceptions.ConnectionError as exc:
        got.append(len(str(exc)))  # the refusal: a short reason
    finally:
        with contextlib.suppress(Exception):
            sio.disconnect()
    with lock:
        answers.append(max(got, default=0))


def test_a_flood_of_huge_hydrates_leaves_memory_as_it_was(app_url):
    before = _server_rss(app_url)
    answers: list[int] = []
    lock = threading.Lock()
    threads = [threading.Thread(target=_flood_one, args=(app_url, answers, lock)) for _ in range(FLOOD_TABS)]
    for t in threads:
        t.start()
    peak = before
    while any(t.is_alive() for t in threads):
        peak = max(peak, _server_rss(app_url))
        time.sleep(0.2)
    assert len(answers) == FLOOD_TABS
    assert max(answers) < 2_000, f"a refused hydrate got an answer of {max(answers)} characters"
    deadline = time.monotonic() + 60
    after = _server_rss(app_url)
    while after - before > 50_000_000 and time.monotonic() < deadline:
        time.sleep(2)
        after = _server_rss(app_url)
    mb = 1_000_000
    print(
        f"flood of {FLOOD_TABS} × {URL_BYTES // 1000} KB hydrates: RSS {before / mb:.0f} → peak {peak / mb:.0f} → {after / mb:.0f} MB"
    )
    assert peak - before <= 150 * mb
    assert after - before <= 50 * mb
    # and the site still serves a normal page load
    tab = Tab(app_url)
    try:
        assert tab.hydrate("/informazioni") < 30
    finally:
        tab.close()
