"""The open-data read pipe (issue 19): the HSDS export, the open-data records and the parents' .ics.

queries/ return plain data and import no words (i18n/), no API schemas (schemas/) and no view/;
view/ builds the records and their words and never takes a database Session; api/hsds.py and
api/calendar.py (the .ics, which has nothing to do with HSDS) do not import each other.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import zerosei_app
from tests.unit.test_layers import imported_modules

ROOT = Path(zerosei_app.__file__).resolve().parent
QUERIES = ("hsds.py", "hsds_pages.py", "hsds_schedules.py", "calendar.py", "opendata.py")
VIEWS = sorted(p.name for p in (ROOT / "view").glob("hsds_*.py")) + ["opendata_out.py", "calendar_ics.py"]


def _imports(folder: str, name: str) -> list[tuple[int, str]]:
    return imported_modules((ROOT / folder / name).read_text(encoding="utf-8"), f"zerosei_app.{folder}")


@pytest.mark.parametrize("name", QUERIES)
def test_queries_return_data_without_words_or_schemas(name):
    forbidden = ("zerosei_app.i18n", "zerosei_app.schemas", "zerosei_app.view", "zerosei_app.api")
    bad = [f"{line} {m}" for line, m in _imports("queries", name) if m.startswith(forbidden)]
    assert bad == [], f"queries/{name} imports {bad}"


@pytest.mark.parametrize("name", VIEWS)
def test_views_take_no_session(name):
    source = (ROOT / "view" / name).read_text(encoding="utf-8")
    bad = [f"{line} {m}" for line, m in _imports("view", name) if m.split(".")[0] in ("sqlmodel", "sqlalchemy")]
    assert bad == [] and not re.search(r"\bSession\b", source), f"view/{name} reaches the database: {bad}"


def test_hsds_and_calendar_routes_import_each_other_not():
    assert not any(m.startswith("zerosei_app.api.calendar") for _, m in _imports("api", "hsds.py"))
    assert not (ROOT / "api" / "hsds_calendar.py").exists()


def test_hsds_queries_and_schedules_make_no_circle():
    assert not any(m == "zerosei_app.queries.hsds" for _, m in _imports("queries", "hsds_schedules.py"))
