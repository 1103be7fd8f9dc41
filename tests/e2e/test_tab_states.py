"""Without Redis, a closed parent's tab does not keep its state in memory for an hour
(zerosei_app/web/tab_states.py); a tab that comes back in time, and a staff tab, keep theirs.

The backend runs with a grace of 2 s; a tab "comes back" by reconnecting with its token and
hydrating a page without on_load (/informazioni), so the full state shows what was kept.
"""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from tests.e2e.conftest import _free_port, project_copy
from tests.e2e.test_faults import ALLOWED, _database, backend, operator_session
from tests.e2e.ws_client import Tab
from zerosei_app.db import make_engine
from zerosei_app.domain import clock
from zerosei_app.state.percorso import PercorsoState
from zerosei_app.state.staff_base import StaffState

pytestmark = pytest.mark.e2e

GRACE = 2.0


@pytest.fixture(scope="module")
def project(tmp_path_factory) -> Path:
    return project_copy(tmp_path_factory.mktemp("tabs") / "project")


def _kept(url: str, token: str, state, var: str):
    """Reconnect with the tab's token: the value of `var` in the full state it gets back."""
    time.sleep(0.5)  # as a browser does before reconnecting: the server has seen the close
    tab = Tab(url, token=token, origin=ALLOWED)
    try:
        tab.hydrate("/informazioni")
        value = None
        for update in tab.updates:
            delta = (update.get("delta") or {}).get(state.get_full_name()) or {}
            value = delta.get(f"{var}_rx_state_", value)
        return value
    finally:
        tab.close()


def test_closed_parent_tabs_are_dropped_after_the_grace_and_staff_tabs_kept(project, app_database, tmp_path):
    database_url = _database("sqlite", app_database, tmp_path)
    engine = make_engine(database_url)
    cookie = operator_session(engine, "Schede Aperte")
    engine.dispose()
    path = {"comune": "001255", "nascita": str(clock.today())[:7]}
    port = _free_port()
    with backend(project, database_url, tmp_path, port, {"ZEROSEI_TAB_GRACE_SECONDS": str(GRACE)}):
        url = f"http://127.0.0.1:{port}"
        tabs = {}
        for name in ("gone", "back"):
            tab = Tab(url, origin=ALLOWED)
            tab.hydrate("/percorso", path)
            tabs[name] = tab.token
            tab.close()
        staff = Tab(url, origin=ALLOWED)
        staff.hydrate("/staff", cookie=cookie)
        staff.wait_for("Schede Aperte", 30)
        staff_token = staff.token
        staff.close()

        assert _kept(url, tabs["back"], PercorsoState, "now_lists"), "a tab back within the grace lost its state"
        time.sleep(GRACE + 3)  # the grace, then the sweep (every GRACE / 4, at least 1 s)
        assert _kept(url, tabs["gone"], PercorsoState, "now_lists") == []
        assert _kept(url, staff_token, StaffState, "user_name") == "Schede Aperte"
