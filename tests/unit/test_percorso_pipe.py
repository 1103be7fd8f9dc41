"""The path's read side is a straight pipe: link → domain → ONE query (plain data) → ONE view (words, schemas).

queries/percorso.load_path and queries/percorso_page.load_page return rows and domain values only;
view/percorso_out.percorso_out and view/percorso_plan.plan_page make the API's answer and the page's plan
from that data, with no database session.
"""

from __future__ import annotations

import dataclasses
import inspect
from datetime import date

import pytest
from pydantic import BaseModel
from sqlmodel import Session

from tests.percorso_support import path_out
from zerosei_app.domain.link import parse_query_string
from zerosei_app.queries.percorso import PathData, load_path
from zerosei_app.queries.percorso_page import PageData, load_page
from zerosei_app.schemas.percorso import PercorsoOut
from zerosei_app.view import percorso_out as out_module
from zerosei_app.view import percorso_plan
from zerosei_app.view.percorso_out import percorso_out
from zerosei_app.view.percorso_plan import NEED_CHILD, NEED_COMUNE, OK, plan_page

TODAY = date(2026, 11, 25)
PATH = "comune=001255&nascita=2025-05&attesa=2027-03&lingua=ar"


def _values(x, depth=0):
    """Every value reachable from a dataclass (lists, dicts, tuples), rows and domain values included."""
    if depth > 4:
        return
    yield x
    if dataclasses.is_dataclass(x) and not isinstance(x, type):
        for f in dataclasses.fields(x):
            yield from _values(getattr(x, f.name), depth + 1)
    elif isinstance(x, dict):
        for v in x.values():
            yield from _values(v, depth + 1)
    elif isinstance(x, (list, tuple)):
        for v in x:
            yield from _values(v, depth + 1)


def test_load_path_returns_plain_data_in_no_language(db):
    it = load_path(db, parse_query_string(PATH).query, TODAY).data
    en = load_path(db, parse_query_string(PATH + "&lang=en").query, TODAY).data
    assert isinstance(it, PathData) and it.children and it.contacts.centri
    # No API schema anywhere in the data (models of the database are rows, not schemas).
    assert not [
        v for v in _values(it) if isinstance(v, BaseModel) and type(v).__module__.startswith("zerosei_app.schemas")
    ]
    # The same data whatever the parent's language: words are the view's job.
    assert [[e.id for e in f.now] for f in it.children] == [[e.id for e in f.now] for f in en.children]
    assert it.entry_ids() == en.entry_ids() and it.languages_stated == en.languages_stated


def test_load_path_refuses_what_gives_no_path(db):
    unknown = load_path(db, parse_query_string("comune=999999&nascita=2025-05").query, TODAY)
    assert unknown.data is None and unknown.unknown_comune and unknown.errors[0].code == "unknown_comune"
    no_child = load_path(db, parse_query_string("comune=001255").query, TODAY)
    assert no_child.data is None and not no_child.unknown_comune and no_child.errors


def test_the_views_take_no_session():
    for fn in (percorso_out, plan_page, *vars(out_module).values(), *vars(percorso_plan).values()):
        if inspect.isfunction(fn) and fn.__module__.startswith("zerosei_app.view"):
            hints = [str(p.annotation) for p in inspect.signature(fn).parameters.values()]
            assert not any("Session" in h for h in hints), fn.__qualname__


@pytest.mark.parametrize(
    ("qs", "kind"),
    [(PATH, OK), ("comune=001255", NEED_CHILD), ("comune=999999&nascita=2025-05&lang=en", NEED_COMUNE)],
)
def test_plan_page_works_on_data_after_the_session_is_gone(db_url, qs, kind):
    from zerosei_app.db import make_engine

    engine = make_engine(db_url)
    with Session(engine) as s:
        page = load_page(s, qs, TODAY)
    engine.dispose()  # the plan is made from the data alone
    assert isinstance(page, PageData)
    plan = plan_page(page, page.lang)
    assert plan.kind == kind and (plan.percorso is not None) == (kind == OK)


def test_the_api_shape_is_the_schema(db):
    """percorso_out writes PercorsoOut as it always did: every field of the schema, in its order."""
    p = path_out(db, parse_query_string(PATH).query, TODAY)
    assert isinstance(p, PercorsoOut)
    dumped = p.model_dump(mode="json")
    assert list(dumped) == list(PercorsoOut.model_fields)
    assert list(dumped["figli"][0]) == list(type(p.figli[0]).model_fields)
    assert dumped["lingua"] == {"codice": "ar", "nome": "arabo", "trovata": dumped["lingua"]["trovata"]}
    assert dumped["link"] == "comune=001255&nascita=2025-05&attesa=2027-03&lingua=ar"
