"""From a path link's data (queries/percorso_page.py) to what the page shows: the notices, the step that
fixes the link, and the path in the API's shape.

Links come from chats, QR codes and old bookmarks. We keep every valid part, tell the parent plainly
about the rest, and offer the wizard step that fixes it with the valid parts prefilled.
No Reflex and no database here: the data comes in, words and view models go out.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from zerosei_app.domain.errors import FieldError
from zerosei_app.domain.link import PathQuery
from zerosei_app.domain.months import YearMonth
from zerosei_app.i18n import t
from zerosei_app.i18n.format import month_year
from zerosei_app.queries.percorso_page import PageData
from zerosei_app.schemas.percorso import CentroOut, EnteGestoreOut, FunzioneOut, PercorsoOut
from zerosei_app.view import urls
from zerosei_app.view.percorso_out import centri_e_ente_out, percorso_out
from zerosei_app.view.tappe_out import funzioni_out

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
    heading: str = ""  # "Il tuo percorso a Sant'Ambrogio di Torino"
    comune_label: str = ""  # "Sant'Ambrogio di Torino (TO)" when the path is shown, else the comune's name
    funzioni: list[FunzioneOut] = field(default_factory=list)  # what every centre offers, what it may


def plan_page(page: PageData, lang: str) -> PagePlan:
    """What the page shows for a link's data, in `lang`."""
    plan = _plan(page, lang)
    p = plan.percorso
    plan.heading = (
        t("path.heading", lang, comune=plan.comune_name) if plan.comune_name else t("path.heading_generic", lang)
    )
    plan.comune_label = f"{p.comune.nome} ({p.comune.provincia})" if p else plan.comune_name
    plan.funzioni = p.funzioni if p else funzioni_out(lang)
    return plan


def _plan(page: PageData, lang: str) -> PagePlan:
    q = page.query
    notices = _notices(page, lang)
    if page.comune is None:
        if page.unknown_comune is not None:
            notices.insert(0, FieldError("comune", "unknown_comune", {"value": page.unknown_comune}).message(lang))
        elif not any(e.field == "comune" for e in page.parsed.errors):
            notices.insert(0, FieldError("comune", "missing_comune").message(lang))
        return PagePlan(NEED_COMUNE, q, notices, fix_href=urls.link(urls.STEP_COMUNE, q))
    if page.contacts is not None:
        return _centri_only(page, notices)
    return _with_path(page, notices, lang)


def _notices(page: PageData, lang: str) -> list[str]:
    """What the link had that the page cannot use, so far: its errors, then the children dropped."""
    parsed = page.parsed
    notices = [e.message(lang) for e in parsed.errors]
    notices += [_child_notice(e, lang) for e in page.bad_children]
    had_children = bool(parsed.query.nascita or parsed.query.attesa)
    if not had_children and not any(e.field in ("nascita", "attesa") for e in parsed.errors):
        notices.append(FieldError("nascita", "missing_child").message(lang))
    return notices


def _centri_only(page: PageData, notices: list[str]) -> PagePlan:
    """No child the path can use: the comune's centres (and its ente), and the step that asks again."""
    bad = page.bad_children
    all_too_old = bool(bad) and all(e.code == "too_old" for e in bad)
    centri, ente = centri_e_ente_out(page.contacts)
    return PagePlan(
        TOO_OLD if all_too_old else NEED_CHILD,
        page.query,
        notices,
        comune_name=page.comune.name,
        centri=centri,
        ente=ente,
        fix_href=urls.link(urls.STEP_CHILDREN, page.query),
    )


def _with_path(page: PageData, notices: list[str], lang: str) -> PagePlan:
    q, comune, result = page.query, page.comune, page.path
    if result is None or result.data is None:  # cannot happen after load_page's checks; stay honest if it does
        notices += [e.message(lang) for e in (result.errors if result else [])]
        return PagePlan(NEED_CHILD, q, notices, comune_name=comune.name, fix_href=urls.link(urls.STEP_CHILDREN, q))
    percorso = percorso_out(result.data, lang)
    fix_step = urls.STEP_CHILDREN if page.bad_children else urls.STEP_COMUNE
    return PagePlan(
        OK,
        q,
        notices,
        comune_name=comune.name,
        centri=percorso.centri,
        ente=percorso.ente_gestore,
        percorso=percorso,
        fix_href=urls.link(fix_step, q),
    )


def _child_notice(e: FieldError, lang: str) -> str:
    if e.code == "too_old":
        month = month_year(YearMonth.parse(e.params["month"]), lang)
        return t("path.too_old", lang, month=month)
    return e.message(lang)
