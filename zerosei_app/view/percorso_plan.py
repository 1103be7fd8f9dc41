"""From a path link to what the page can show: the valid parts, what we dropped and why, and the path itself.

Links come from chats, QR codes and old bookmarks. We keep every valid part, tell the parent plainly
about the rest, and offer the wizard step that fixes it with the valid parts prefilled.
No Reflex here; the path itself comes from `build_percorso`, the function the API uses.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from sqlmodel import Session

from zerosei_app.domain.errors import FieldError
from zerosei_app.domain.link import PathQuery, parse_query_string, validate_for_path
from zerosei_app.domain.months import YearMonth
from zerosei_app.i18n import t
from zerosei_app.i18n.format import month_year
from zerosei_app.queries.contatti import ente_for_family
from zerosei_app.queries.percorso import build_percorso, centro_out
from zerosei_app.queries.snapshot import public_data
from zerosei_app.schemas.percorso import CentroOut, EnteGestoreOut, PercorsoOut
from zerosei_app.view import urls

OK = "ok"
NEED_COMUNE = "need_comune"  # no comune, or one we don't know: the path needs it
NEED_CHILD = "need_child"  # no usable month: show the centres and ask again
TOO_OLD = "too_old"  # every child is past 6: a kind word and the centres' contacts


@dataclass
class PagePlan:
    kind: str
    query: PathQuery  # the valid parts only
    notices: list[str] = field(default_factory=list)  # what we dropped, in the parent's language
    comune_name: str = ""
    centri: list[CentroOut] = field(default_factory=list)
    ente: EnteGestoreOut | None = None  # the comune's ente gestore when it runs none of the centres
    percorso: PercorsoOut | None = None
    fix_href: str = ""  # the wizard step that repairs the link, valid parts prefilled


def plan_page(session: Session, raw_query: str, today: date) -> PagePlan:
    parsed = parse_query_string(raw_query)
    q = parsed.query
    lang = q.lang
    notices = [e.message(lang) for e in parsed.errors]

    _, child_errors = validate_for_path(q, today)
    bad_children = [e for e in child_errors if e.field in ("nascita", "attesa") and "month" in e.params]
    q = _without_children(q, bad_children)
    for e in bad_children:
        notices.append(_child_notice(e, lang))
    had_children = bool(parsed.query.nascita or parsed.query.attesa)
    if not had_children and not any(e.field in ("nascita", "attesa") for e in parsed.errors):
        notices.append(FieldError("nascita", "missing_child").message(lang))

    if q.comune is None:
        if not any(e.field == "comune" for e in parsed.errors):
            notices.insert(0, FieldError("comune", "missing_comune").message(lang))
        return PagePlan(NEED_COMUNE, q, notices, fix_href=urls.link(urls.STEP_COMUNE, q))
    data = public_data(session)
    comune = data.comune(q.comune)
    if comune is None:  # a link naming several comuni: the first one we know
        others = [c for e in parsed.errors if e.code == "several_comuni" for c in e.params.get("codes", ())]
        comune = next((found for found in (data.comune(c) for c in others) if found is not None), None)
        if comune is not None:
            q = _replace(q, comune=comune.codice_istat)
    if comune is None:
        notices.insert(0, FieldError("comune", "unknown_comune", {"value": q.comune}).message(lang))
        q = _replace(q, comune=None)
        return PagePlan(NEED_COMUNE, q, notices, fix_href=urls.link(urls.STEP_COMUNE, q))

    if not q.nascita and q.attesa is None:
        serving = data.centri_for_comune(comune.codice_istat)
        centri = [centro_out(s, comune) for s in serving]
        ente = ente_for_family(data.ente_of.get(comune.codice_istat), comune, serving)
        all_too_old = bool(bad_children) and all(e.code == "too_old" for e in bad_children)
        return PagePlan(
            TOO_OLD if all_too_old else NEED_CHILD,
            q,
            notices,
            comune_name=comune.nome,
            centri=centri,
            ente=ente,
            fix_href=urls.link(urls.STEP_FIGLI, q),
        )

    result = build_percorso(session, q, today)
    if result.percorso is None:  # cannot happen after the checks above; stay honest if it does
        notices += [e.message(lang) for e in result.errors]
        return PagePlan(NEED_CHILD, q, notices, comune_name=comune.nome, fix_href=urls.link(urls.STEP_FIGLI, q))
    fix_step = urls.STEP_FIGLI if bad_children else urls.STEP_COMUNE
    return PagePlan(
        OK,
        q,
        notices,
        comune_name=comune.nome,
        centri=result.percorso.centri,
        ente=result.percorso.ente_gestore,
        percorso=result.percorso,
        fix_href=urls.link(fix_step, q),
    )


def _child_notice(e: FieldError, lang: str) -> str:
    if e.code == "too_old":
        month = month_year(YearMonth.parse(e.params["month"]), lang)
        return t("path.too_old", lang, month=month)
    return e.message(lang)


def _without_children(q: PathQuery, errors: list[FieldError]) -> PathQuery:
    bad_births = {e.params["month"] for e in errors if e.field == "nascita"}
    bad_expected = any(e.field == "attesa" for e in errors)
    return _replace(
        q,
        nascita=tuple(m for m in q.nascita if str(m) not in bad_births),
        attesa=None if bad_expected else q.attesa,
    )


def _replace(q: PathQuery, **changes) -> PathQuery:
    """A validated copy (model_copy would skip the validators)."""
    return PathQuery(**{**q.model_dump(), **changes})
