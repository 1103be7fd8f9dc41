"""From any link to what the path page can show: valid parts kept, the rest explained, a way to fix it."""

from datetime import date

import pytest

from tests.percorso_support import page_plan, path_out
from zerosei_app.domain.link import parse_query_string
from zerosei_app.view.percorso_plan import NEED_CHILD, NEED_COMUNE, OK, TOO_OLD

# Query-level tests: on SQLite, and on PostgreSQL too when CI provides it.
pytestmark = pytest.mark.both_databases

TODAY = date(2026, 11, 25)


def test_a_good_link_gives_exactly_the_api_path(db):
    qs = "comune=001255&nascita=2025-05&attesa=2027-03&temi=gioco-socialita"
    plan = page_plan(db, qs, TODAY)
    assert plan.kind == OK and plan.notices == []
    api = path_out(db, parse_query_string(qs).query, TODAY)
    assert plan.percorso.model_dump() == api.model_dump()
    assert plan.comune_name == "Sant'Ambrogio di Torino" and plan.centri == api.centri


def test_bad_parts_are_dropped_and_explained_the_rest_is_shown(db):
    plan = page_plan(db, "comune=001255&nascita=2025-05,2025-13,2031-01&temi=sonno-pianto,zzz", TODAY)
    assert plan.kind == OK
    assert [str(m) for m in plan.query.nascita] == ["2025-05"]
    assert plan.query.temi == ("sonno-pianto",)
    text = " ".join(plan.notices)
    assert "2025-13" in text and "nel futuro" in text and "zzz" in text
    assert plan.fix_href == "/inizia/figli?comune=001255&nascita=2025-05&temi=sonno-pianto"


def test_unknown_comune_keeps_the_children_for_the_wizard(db):
    plan = page_plan(db, "comune=999999&nascita=2025-05&lang=en", TODAY)
    assert plan.kind == NEED_COMUNE
    assert "999999" in plan.notices[0] and "search" in plan.notices[0]
    assert plan.fix_href == "/inizia/comune?nascita=2025-05&lang=en"


def test_missing_comune_and_child(db):
    plan = page_plan(db, "", TODAY)
    assert plan.kind == NEED_COMUNE and len(plan.notices) == 2
    plan = page_plan(db, "comune=001255", TODAY)
    assert plan.kind == NEED_CHILD and plan.centri and plan.fix_href == "/inizia/figli?comune=001255"


def test_past_six_years_is_kind_and_gives_the_centres(db):
    plan = page_plan(db, "comune=001272&nascita=2019-01", TODAY)
    assert plan.kind == TOO_OLD
    assert plan.centri and "più di 6 anni" in plan.notices[0]


def test_one_child_too_old_the_other_still_has_a_path(db):
    plan = page_plan(db, "comune=001272&nascita=2019-01,2025-05", TODAY)
    assert plan.kind == OK and len(plan.percorso.figli) == 1
    assert "gennaio 2019" in plan.notices[0]


def test_hostile_input_never_raises(db):
    for qs in (
        "comune=<script>alert(1)</script>",
        "nascita=" + "9" * 5000,
        "temi=%00%ff&lang=xx",
        "&&&==&",
        "comune=001255&nascita=2025-05&nascita=2024-01&nascita=2023-01&nascita=2022-02&nascita=2022-03&nascita=2021-01&nascita=2021-02",
    ):
        plan = page_plan(db, qs, TODAY)
        assert plan.kind in (OK, NEED_COMUNE, NEED_CHILD, TOO_OLD)
        assert all("<script>" not in n or "«" in n for n in plan.notices)
