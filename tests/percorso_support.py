"""The read pipe of a parent's path, as tests call it: the query's plain data through the view that makes it
the API's answer (queries/percorso.load_path → view/percorso_out.percorso_out) or the page's plan
(queries/percorso_page.load_page → view/percorso_plan.plan_page)."""

from __future__ import annotations

from datetime import date

from sqlmodel import Session

from zerosei_app.domain.link import PathQuery
from zerosei_app.models import Comune
from zerosei_app.queries.contacts import contacts_for_comune
from zerosei_app.queries.percorso import load_path
from zerosei_app.queries.percorso_page import load_page
from zerosei_app.schemas.percorso import CentroOut, EnteGestoreOut, PercorsoOut
from zerosei_app.view.percorso_out import centri_e_ente_out, percorso_out
from zerosei_app.view.percorso_plan import PagePlan, plan_page


def path_out(db: Session, query: PathQuery, today: date) -> PercorsoOut | None:
    """The API's answer for a valid query (None when the query gives no path)."""
    result = load_path(db, query, today)
    return percorso_out(result.data, query.lang) if result.data is not None else None


def page_plan(db: Session, raw_query: str, today: date) -> PagePlan:
    page = load_page(db, raw_query, today)
    return plan_page(page, page.lang)


def centri_e_ente(db: Session, family: Comune) -> tuple[list[CentroOut], EnteGestoreOut | None]:
    return centri_e_ente_out(contacts_for_comune(db, family))
