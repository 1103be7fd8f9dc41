"""23:30 UTC on the last day of a month is 00:30 on the 1st in Italy: parents' pages and the API already count
the new month (one clock, zerosei_app/domain/clock.py). Frozen by replacing `clock.now`, the clock's only
reading of the system time."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from fastapi.testclient import TestClient

from tests.state.conftest import run_async
from zerosei_app.api.app import api
from zerosei_app.domain import clock
from zerosei_app.state.percorso import PercorsoState
from zerosei_app.state.wizard_temi import TemiStepState

MONTH_END_NIGHT = datetime(2026, 11, 30, 23, 30, tzinfo=UTC)
# Born in December 2025: 12 months old in Italy, 11 by the UTC date. Born this December: 0 in Italy,
# "born in the future" by the UTC date.
LINK = "comune=001255&nascita=2025-12,2026-12"


@pytest.fixture
def italian_midnight(monkeypatch):
    monkeypatch.setattr(clock, "now", lambda: MONTH_END_NIGHT)


def test_api_counts_the_age_with_italys_date(italian_midnight):
    with TestClient(api) as client:
        r = client.get(f"/api/v1/percorso?{LINK}")
    assert r.status_code == 200, r.text
    assert [f["eta_mesi"] for f in r.json()["figli"]] == [12, 0]


def test_path_page_counts_the_age_with_italys_date(italian_midnight, state):
    s = state(PercorsoState, f"/percorso?{LINK}")
    run_async(s.on_load())
    assert s.status == "ok"
    assert s.ages == ["1 anno", "meno di un mese"]
    with TestClient(api) as client:
        assert s.ages == [f["eta"] for f in client.get(f"/api/v1/percorso?{LINK}").json()["figli"]]


def test_wizard_counts_the_age_with_italys_date(italian_midnight, state):
    s = state(TemiStepState, f"/inizia/temi?{LINK}")
    run_async(s.on_load())
    assert s.ready_for_path and len(s.ages) == 2
