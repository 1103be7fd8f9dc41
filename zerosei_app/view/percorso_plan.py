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
from zerosei_app.domain.link import ParseResult, PathQuery, parse_query_string, validate_for_path
from zerosei_app.domain.months import YearMonth
from zerosei_app.i18n import t
from zerosei_app.i18n.format import month_year
from zerosei_app.models import Comune
from zerosei_app.queries.contatti import ente_for_family
from zerosei_app.queries.percorso import build_percorso, centro_out
from zerosei_app.queries.snapshot import PublicData, public_data
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
    lang = parsed.query.lang
    q, bad_children, notices = _keep_valid_children(parsed, today)
    if q.comune is None:
        if not any(e.field == "comune" for e in parsed.errors):
            notices.insert(0, FieldError("comune", "missing_comune").message(lang))
        return PagePlan(NEED_COMUNE, q, notices, fix_href=urls.link(urls.STEP_COMUNE, q))
    data = public_data(session)
    comune, q = _known_comune(data, q, parsed)
    if comune is None:
        notices.insert(0, FieldError("comune", "unknown_comune", {"value": q.comune}).message(lang))
        q = _replace(q, comune=None)
        return PagePlan(NEED_COMUNE, q, notices, fix_href=urls.link(urls.STEP_COMUNE, q))
    if not q.nascita and q.attesa is None:
        return _centri_only(data, comune, q, notices, bad_children)
    return _with_path(session, comune, q, notices, bad_children, today)


def _keep_valid_children(parsed: ParseResult, today: date) -> tuple[PathQuery, list[FieldError], list[str]]:
    """The query without the children the path cannot use, those children's errors, and the notices so far."""
    lang = parsed.query.lang
    notices = [e.message(lang) for e in parsed.errors]
    _, child_errors = validate_for_path(parsed.query, today)
    bad_children = [e for e in child_errors if e.field in ("nascita", "attesa") and "month" in e.params]
    q = _without_children(parsed.query, bad_children)
    notices += [_child_notice(e, lang) for e in bad_children]
    had_children = bool(parsed.query.nascita or parsed.query.attesa)
    if not had_children and not any(e.field in ("nascita", "attesa") for e in parsed.errors):
        notices.append(FieldError("nascita", "missing_child").message(lang))
    return q, bad_children, notices


def _known_comune(data: PublicData, q: PathQuery, parsed: ParseResult) -> tuple[Comune | None, PathQuery]:
    """The link's comune; for a link naming several, the first one we know (and the query pointing at it)."""
    comune = data.comune(q.comune)
    if comune is None:
        others = [c for e in parsed.errors if e.code == "several_comuni" for c in e.params.get("codes", ())]
        comune = next((found for found in (data.comune(c) for c in others) if found is not None), None)
        if comune is not None:
            q = _replace(q, comune=comune.codice_istat)
    return comune, q


def _centri_only(
    data: PublicData, comune: Comune, q: PathQuery, notices: list[str], bad_children: list[FieldError]
) -> PagePlan:
    """No child the path can use: the comune's centres (and its ente), and the step that asks again."""
    serving = data.centri_for_comune(comune.codice_istat)
    all_too_old = bool(bad_children) and all(e.code == "too_old" for e in bad_children)
    return PagePlan(
        TOO_OLD if all_too_old else NEED_CHILD,
        q,
        notices,
        comune_name=comune.nome,
        centri=[centro_out(s, comune) for s in serving],
        ente=ente_for_family(data.ente_of.get(comune.codice_istat), comune, serving),
        fix_href=urls.link(urls.STEP_FIGLI, q),
    )


def _with_path(
    session: Session,
    comune: Comune,
    q: PathQuery,
    notices: list[str],
    bad_children: list[FieldError],
    today: date,
) -> PagePlan:
    result = build_percorso(session, q, today)
    if result.percorso is None:  # cannot happen after the checks above; stay honest if it does
        notices += [e.message(q.lang) for e in result.errors]
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
