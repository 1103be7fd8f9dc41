"""Scale-out faults: Reflex's state in Redis (with its append-only file), two backend workers.

Two `reflex run --backend-only` processes share one Redis and one database, as workers behind a
load balancer do; a tab that loses its websocket comes back through the balancer to whichever
worker is alive, with its own tab token and (like the browser) the session cookie. Then:

- a worker is killed (`kill -9`) and later started again;
- Redis is restarted;

and a parent's path comes back from its link, and a staff member's unsaved text in the entry
editor is neither thrown away (the inputs are not re-mounted: they still hold what was typed) nor
refused when saved.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx
import pytest
from sqlmodel import Session, select

from tests.e2e.conftest import _free_port, project_copy
from tests.e2e.test_faults import ALLOWED, _database, backend, operator_session
from tests.e2e.ws_client import Tab, handler_name
from zerosei_app.db import make_engine
from zerosei_app.domain import clock
from zerosei_app.models import CardEntry
from zerosei_app.state.percorso import PercorsoState
from zerosei_app.state.staff_entry import StaffEntryState

pytestmark = pytest.mark.e2e

SANT_AMBROGIO = "001255"
EDITOR = "/staff/voce"


@contextmanager
def redis_server(folder: Path) -> Iterator[callable]:
    """A private Redis with its append-only file in `folder`; yields (url, restart)."""
    binary = shutil.which("redis-server")
    if binary is None:
        if os.environ.get("CI"):
            pytest.fail("CI must provide redis-server (.ci/run installs it)")
        pytest.skip("needs redis-server")
    port = _free_port()
    folder.mkdir(parents=True, exist_ok=True)
    args = [binary, "--port", str(port), "--bind", "127.0.0.1", "--dir", str(folder), "--save", ""]
    args += ["--appendonly", "yes", "--appendfsync", "everysec"]
    procs: list[subprocess.Popen] = []

    def start() -> None:
        procs.append(subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.STDOUT))
        deadline = time.monotonic() + 20
        while (
            subprocess.run(["redis-cli", "-p", str(port), "ping"], capture_output=True, text=True).stdout.strip()
            != "PONG"
        ):
            assert time.monotonic() < deadline, "redis did not start"
            time.sleep(0.1)

    def restart() -> None:
        procs[-1].send_signal(signal.SIGTERM)  # a restart: Redis flushes its append-only file and stops
        procs[-1].wait(timeout=20)
        start()

    start()
    try:
        yield f"redis://127.0.0.1:{port}/0", restart
    finally:
        for proc in procs:
            if proc.poll() is None:
                proc.kill()
                proc.wait()


def _last(tab: Tab, state, var: str, start: int = 0):
    """The last value of a state var in the updates the tab received (from index `start` on)."""
    name, key, value = state.get_full_name(), f"{var}_rx_state_", None
    for update in tab.updates[start:]:
        delta = (update.get("delta") or {}).get(name) or {}
        if key in delta:
            value = delta[key]
    return value


def _path_titles(tab: Tab, start: int) -> list[str]:
    lists = _last(tab, PercorsoState, "now_lists", start) or []
    return [v["title"] for group in lists for v in group["cards"]]


def _reconnect(url: str, tab: Tab, path: str, query: dict, cookie: str | None = None) -> tuple[Tab, int]:
    """The same browser tab's websocket, back through the balancer: same token, a full hydrate."""
    tab.close()
    again = Tab(url, token=tab.token, origin=ALLOWED)
    start = len(again.updates)
    again.hydrate(path, query, cookie=cookie)
    again.settle()
    return again, start


def test_restarting_a_worker_or_redis_loses_neither_a_path_nor_unsaved_text(
    project_for_scaleout, app_database, tmp_path
):
    project = project_for_scaleout
    database_url = _database(
        "postgresql" if os.environ.get("ZEROSEI_TEST_POSTGRES_URL") else "sqlite", app_database, tmp_path
    )
    engine = make_engine(database_url)
    cookie = operator_session(engine, "Riavvio")
    with Session(engine) as db:
        entry_id = db.exec(select(CardEntry.id).where(CardEntry.centro_id == 1).order_by(CardEntry.id)).first()
    path_query = {"comune": SANT_AMBROGIO, "nascita": str(clock.today().replace(day=1))[:7]}
    editor_query = {"id": str(entry_id)}

    with redis_server(tmp_path / "redis") as (redis_url, restart_redis):
        env = {"REDIS_URL": redis_url}
        port_a, port_b = _free_port(), _free_port()
        url_a, url_b = f"http://127.0.0.1:{port_a}", f"http://127.0.0.1:{port_b}"
        with backend(project, database_url, tmp_path, port_b, env):
            with backend(project, database_url, tmp_path, port_a, env) as worker_a:
                parent = Tab(url_a, origin=ALLOWED)
                parent.hydrate("/percorso", path_query)
                titles = _path_titles(parent, 0)
                assert titles, parent.text()[-500:]
                staff = Tab(url_a, origin=ALLOWED)
                staff.hydrate(EDITOR, editor_query, cookie=cookie)
                # A first save (the form is re-mounted with what is stored: its key now differs
                # from the one a fresh state would give), then more typing.
                form = _last(staff, StaffEntryState, "form")
                start = len(staff.updates)
                first = dict(form, summary=f"{form['summary']} Aggiornato.")
                staff.emit(handler_name(StaffEntryState, "save"), {"form": first}, EDITOR, editor_query)
                staff.wait_for("Salvato", 30, start)
                key = _last(staff, StaffEntryState, "form_key")
                form = _last(staff, StaffEntryState, "form")
                assert key and form and form["title"], staff.text()[-500:]
                # The first keystroke: the page tells the server the form has unsaved changes.
                start = len(staff.updates)
                staff.emit(handler_name(StaffEntryState, "mark_dirty"), {"_value": "x"}, EDITOR, editor_query)
                staff.wait_for('"dirty_rx_state_": true', 30, start)

                # Worker A dies. (Reflex sends an event's changes before it writes them to Redis: a
                # kill in between loses that last change, here the "changed" mark; the form is kept
                # all the same, since the stored entry did not change.)
                os.killpg(worker_a.pid, signal.SIGKILL)
                worker_a.wait(timeout=20)

            # Both tabs come back on worker B.
            parent, start = _reconnect(url_b, parent, "/percorso", path_query)
            assert _path_titles(parent, start) == titles
            staff, start = _reconnect(url_b, staff, EDITOR, editor_query, cookie)
            assert _last(staff, StaffEntryState, "form_key", start) == key, "the inputs were re-mounted"

            restart_redis()
            parent, start = _reconnect(url_b, parent, "/percorso", path_query)
            assert _path_titles(parent, start) == titles
            staff, start = _reconnect(url_b, staff, EDITOR, editor_query, cookie)
            assert _last(staff, StaffEntryState, "form_key", start) == key, "the tab's state was lost with Redis"

            # Worker A is started again; the tab lands there and saves what was typed.
            with backend(project, database_url, tmp_path, port_a, env):
                staff, start = _reconnect(url_a, staff, EDITOR, editor_query, cookie)
                assert _last(staff, StaffEntryState, "form_key", start) == key
                typed = dict(form, title=f"{form['title']} (scritto durante i riavvii)")
                start = len(staff.updates)
                staff.emit(handler_name(StaffEntryState, "save"), {"form": typed}, EDITOR, editor_query)
                staff.wait_for("Salvato", 60, start)
                assert httpx.get(f"{url_a}/ping", timeout=10).status_code == 200
                parent.close()
                staff.close()
    with Session(engine) as db:
        assert db.get(CardEntry, entry_id).title == typed["title"]
    engine.dispose()
    logs = "".join(p.read_text() for p in tmp_path.glob("backend-*.log"))
    assert "Traceback" not in logs, logs[-3000:]


@pytest.fixture(scope="module")
def project_for_scaleout(tmp_path_factory) -> Path:
    return project_copy(tmp_path_factory.mktemp("scaleout-faults") / "project")
