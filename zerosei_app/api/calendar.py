"""Calendar files for parents, served by the app's FastAPI (outside /api/v1, like a page):

- `/calendario/voce/{id}.ics`: the sessions of one published entry ("Aggiungi al calendario");
- `/percorso.ics?<the path link's query>`: the feed of a path (also offered as `webcal:`),
  with the sessions of exactly the services that path shows, read afresh on every request.

Errors are short plain texts in the link's language (a calendar app shows them, if anything).
"""

from __future__ import annotations

from datetime import date, datetime

from fastapi import APIRouter, Request
from fastapi.responses import PlainTextResponse, Response

from zerosei_app.api.errors import request_lang
from zerosei_app.api.http import public_base
from zerosei_app.db import session_scope
from zerosei_app.domain import clock
from zerosei_app.domain.errors import FieldError
from zerosei_app.domain.sessions import ROME
from zerosei_app.domain.staff_forms import Id
from zerosei_app.domain.validation import parse
from zerosei_app.queries.calendar import entry_calendar, path_calendar
from zerosei_app.view import calendar_ics

ENTRY_ICS = "/calendario/voce/{entry_id}.ics"
PATH_ICS = "/percorso.ics"
ICS_TYPE = "text/calendar; charset=utf-8"

calendar_router = APIRouter(include_in_schema=False)


def _now() -> datetime:
    return clock.now()


def _today() -> date:
    return _now().astimezone(ROME).date()


def _problem(status: int, errors: list[FieldError], lang: str) -> PlainTextResponse:
    text = "\n".join(e.message(lang) for e in errors)
    return PlainTextResponse(text, status_code=status, headers={"Cache-Control": "no-store"})


@calendar_router.api_route(ENTRY_ICS, methods=["GET", "HEAD"])
def entry_ics(request: Request, entry_id: str) -> Response:
    lang = request_lang(request.query_params.get("lang"))
    ref, _ = parse(Id, {"id": entry_id})
    body = None
    if ref is not None:
        with session_scope() as db:
            found = entry_calendar(db, ref.id)
            body = calendar_ics.entry_ics(found, public_base(request), _now()) if found else None
    if body is None:
        return _problem(404, [FieldError("id", "calendar_unknown_entry", {"value": entry_id[:20]})], lang)
    return Response(
        body,
        media_type=ICS_TYPE,
        headers={
            "Cache-Control": "public, max-age=300",
            "Content-Disposition": f'attachment; filename="zerosei-voce-{ref.id}.ics"',
        },
    )


@calendar_router.api_route(PATH_ICS, methods=["GET", "HEAD"])
def path_ics(request: Request) -> Response:
    with session_scope() as db:
        out = path_calendar(db, request.url.query, _today())
        body = calendar_ics.path_ics(out, public_base(request), _now()) if out.found else None
    if body is None:
        return _problem(404 if out.not_found else 422, out.errors, out.lang)
    # The link holds birth months: private caches only.
    return Response(
        body,
        media_type=ICS_TYPE,
        headers={
            "Cache-Control": "private, max-age=300",
            "Content-Disposition": 'inline; filename="zerosei-percorso.ics"',
        },
    )
