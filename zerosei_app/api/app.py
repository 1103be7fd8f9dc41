"""The public, read-only JSON API (/api/v1), served by the same process and port as the app.

Parameters are declared the FastAPI way (query models and typed path parameters, api/params.py):
FastAPI validates them and writes the OpenAPI document, and the error handlers below give every
error our shape and wording. The path's parameters are its link's (domain/link.py), parsed from
the raw query as the page does.
"""

from __future__ import annotations

import functools
import re
from typing import Annotated
from urllib.parse import urlencode

from fastapi import FastAPI, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, RedirectResponse, Response
from starlette.exceptions import HTTPException as StarletteHTTPException

from zerosei_app.api.calendar import calendar_router
from zerosei_app.api.errors import ApiError, api_error_handler, error_response, lang_of
from zerosei_app.api.hsds import router as hsds_router
from zerosei_app.api.http import API_METHODS, PREFIX, PublicApiMiddleware, public_base, scope_reflex_cors
from zerosei_app.api.messages import api_error
from zerosei_app.api.params import CentriParams, CentroId, ComuniParams, VociParams, query_dependencies
from zerosei_app.api.percorso_openapi import PERCORSO_PARAMETERS, percorso_parameters
from zerosei_app.api.validation import field_errors
from zerosei_app.db import session_scope
from zerosei_app.domain import clock
from zerosei_app.domain.errors import FieldError
from zerosei_app.domain.link import parse_query_string
from zerosei_app.queries import opendata, snapshot
from zerosei_app.queries.comuni import comune_index, get_comune
from zerosei_app.queries.percorso import load_path
from zerosei_app.schemas.errors import ErroriOut
from zerosei_app.schemas.opendata import CentroDettaglioOut, CentroInElencoOut
from zerosei_app.schemas.percorso import ComuneOut, PercorsoOut, VoceOut
from zerosei_app.view.opendata_out import centri_out, centro_detail_out, voci_out
from zerosei_app.view.percorso_out import percorso_out
from zerosei_app.view.urls import carta_url

# Reflex's own CORS middleware must not answer for /api/v1 (see api/http.py): before rx.App exists.
scope_reflex_cors()

# Public data changes rarely; a short shared cache keeps cheap phones fast without going stale.
CACHE_PUBLIC = {"Cache-Control": "public, max-age=60"}
PERCORSO_PAGE = "/percorso"  # the parents' page of a path (pages/public.py)

api = FastAPI(
    title="ZeroSei digitale – API pubblica",
    description=(
        "Dati aperti della Carta regionale per le famiglie ZeroSei (Regione Piemonte): comuni, "
        "Centri per le famiglie, voci delle Carte e il percorso per una famiglia. Sola lettura "
        "(GET, HEAD), CORS aperto (`*`, senza credenziali). Ogni errore ha la forma "
        '`{"detail": [{"campo", "codice", "messaggio"}]}`.'
    ),
    version="1",
    # The Swagger page would load its scripts from a CDN: no third parties, so JSON only.
    docs_url=None,
    openapi_url=f"{PREFIX}/openapi.json",
    redoc_url=None,
)


def _errors(*codes: int) -> dict:
    text = {404: "Not found (unknown comune, centre or address)", 422: "Invalid parameters"}
    return {code: {"model": ErroriOut, "description": text[code]} for code in codes}


def _json(data, status: int = 200, headers: dict[str, str] | None = None) -> JSONResponse:
    return JSONResponse(data, status_code=status, headers={**CACHE_PUBLIC, **(headers or {})})


@api.exception_handler(RequestValidationError)
async def _validation(request: Request, exc: RequestValidationError) -> JSONResponse:
    return error_response(422, field_errors(exc.errors(), request.scope.get("route")), lang_of(request))


api.add_exception_handler(ApiError, api_error_handler)


@api.exception_handler(StarletteHTTPException)
async def _http(request: Request, exc: StarletteHTTPException) -> JSONResponse:
    lang = lang_of(request)
    if exc.status_code == 404:
        return error_response(404, [FieldError("path", "not_found", {})], lang)
    if exc.status_code == 405:
        return _method_not_allowed(request, lang)
    return JSONResponse({"detail": [{"campo": "", "codice": "http", "messaggio": str(exc.detail)}]}, exc.status_code)


@api.get(
    f"{PREFIX}/comuni",
    summary="Cerca un comune per nome o CAP",
    response_model=list[ComuneOut],
    responses=_errors(422),
    dependencies=query_dependencies(ComuniParams),
)
def comuni(params: Annotated[ComuniParams, Query()]) -> JSONResponse:
    """Ranked search, case-, accent- and typo-tolerant: `?q=sant ambrogio&limit=10`."""
    with session_scope() as db:
        found = comune_index(db).search(params.q, params.limit)
    return _json(
        [{"codice_istat": c.codice_istat, "nome": c.name, "provincia": c.provincia, "cap": list(c.cap)} for c in found]
    )


@api.get(
    f"{PREFIX}/centri",
    summary="Tutti i Centri per le famiglie registrati (o quelli di una provincia)",
    response_model=list[CentroInElencoOut],
    responses=_errors(422),
    dependencies=query_dependencies(CentriParams),
)
def centri(request: Request, params: Annotated[CentriParams, Query()]) -> JSONResponse:
    with session_scope() as db:
        items = centri_out(opendata.centri_list(db, provincia=params.provincia))
    base = public_base(request)
    return _json([_with_url(item, base) for item in items])


def _with_url(item: dict, base: str) -> dict:
    """Each centre's public page: `<site>/carta/<slug>` (a relative address if the host is unusable)."""
    return {**item, "url": f"{base}{carta_url(item['slug'])}"}


@api.get(
    f"{PREFIX}/centri/{{centro_id}}",
    summary="Un centro, con i comuni che serve",
    response_model=CentroDettaglioOut,
    responses=_errors(404, 422),
    dependencies=query_dependencies(),
)
def centro(request: Request, centro_id: CentroId) -> JSONResponse:
    with session_scope() as db:
        data = centro_detail_out(opendata.centro_detail(db, centro_id))
    if data is None:
        # The id as written (`05`), as every other error echoes the value given.
        raise ApiError(404, [FieldError("id", "unknown_centro", {"value": request.path_params["centro_id"][:40]})])
    return _json(_with_url(data, public_base(request)))


@api.get(
    f"{PREFIX}/voci",
    summary="Voci pubblicate delle Carte (per centro o per comune), a pagine",
    description=(
        "Ordered by centre, then entry id. One page of at most `limit` entries (default 200, max 1000) "
        'from `offset`; the total is in the `X-Total-Count` header and the next page in `Link: <…>; rel="next"`. '
        "An unknown `centro` or `comune` is a 404."
    ),
    response_model=list[VoceOut],
    responses={
        **_errors(404, 422),
        200: {
            "description": "One page of entries",
            "headers": {
                "X-Total-Count": {
                    "description": "How many entries match, across all pages.",
                    "schema": {"type": "integer"},
                },
                "Link": {"description": 'Next/previous page: `<url>; rel="next"`.', "schema": {"type": "string"}},
            },
        },
    },
    dependencies=query_dependencies(VociParams),
)
def voci(request: Request, params: Annotated[VociParams, Query()]) -> JSONResponse:
    with session_scope() as db:
        if params.centro is not None and not opendata.active_centro_exists(db, params.centro):
            raise ApiError(404, [FieldError("centro", "unknown_centro", {"value": str(params.centro)})])
        if params.comune is not None and get_comune(db, params.comune) is None:
            raise ApiError(404, [FieldError("comune", "unknown_comune", {"value": params.comune})])
        entries, total = opendata.voci_page(
            db, centro_id=params.centro, codice_istat=params.comune, limit=params.limit, offset=params.offset
        )
        items = voci_out(entries)
    headers = {"X-Total-Count": str(total)}
    links = []
    if params.offset + params.limit < total:
        links.append(f'<{_page_url(request, params, params.offset + params.limit)}>; rel="next"')
    if params.offset > 0 and total:
        last_page = (total - 1) // params.limit * params.limit  # past the end, "prev" is the last page
        links.append(
            f'<{_page_url(request, params, max(0, min(params.offset - params.limit, last_page)))}>; rel="prev"'
        )
    if links:
        headers["Link"] = ", ".join(links)
    return _json(items, headers=headers)


def _page_url(request: Request, params: VociParams, offset: int) -> str:
    query = {k: v for k, v in (("centro", params.centro), ("comune", params.comune)) if v is not None}
    query.update(limit=params.limit, offset=offset)
    if "lang" in request.query_params:
        query["lang"] = lang_of(request)
    return f"{request.url.path}?{urlencode(query)}"


@api.get(
    f"{PREFIX}/percorso",
    summary="Il percorso di una famiglia",
    description=(
        "Parameters as in the path's link: `comune=<ISTAT>&nascita=<YYYY-MM>[,…]&attesa=<YYYY-MM>&temi=<slug,…>&lingua=<ar|…>&lang=<it|en|ro|ar|sq|zh|es|fr|uk>` "
        "(keys case-insensitive; a repeated key adds its values). `link` is the canonical query string, "
        "`url` the absolute address of the parents' page."
    ),
    response_model=PercorsoOut,
    responses=_errors(404, 422),
    openapi_extra={"parameters": PERCORSO_PARAMETERS},
)
async def percorso(request: Request) -> JSONResponse:
    parsed = parse_query_string(request.url.query)
    lang = parsed.query.lang
    if parsed.errors:
        return error_response(422, parsed.errors, lang)
    with session_scope() as db:
        await snapshot.fresh(db)  # a rebuild after a staff change runs off the event loop
        result = load_path(db, parsed.query, clock.today())
    if result.unknown_comune:
        return error_response(404, result.errors, lang)
    if result.errors:
        return error_response(422, result.errors, lang)
    out = percorso_out(result.data, lang)
    base = public_base(request)
    out = out.model_copy(update={"url": f"{base}{PERCORSO_PAGE}?{out.link}" if base else None})
    # The answer depends on today's date (ages), so it may be cached for a short while only.
    # pydantic writes the JSON itself: several times faster than model_dump + json.dumps.
    return Response(out.model_dump_json(), media_type="application/json", headers=CACHE_PUBLIC)


# The Carta's map of the comuni (an image, not part of the API): /carta/mappa.svg.
from zerosei_app.web.carta_map import router as carta_map_router  # noqa: E402
from zerosei_app.web.one_tap import router as one_tap_router  # noqa: E402

api.include_router(carta_map_router)
api.include_router(hsds_router)  # HSDS 3.0 under /api/v1/hsds (api/hsds.py)
api.include_router(calendar_router)  # parents' .ics, outside /api/v1 (api/calendar.py)
api.include_router(one_tap_router)  # /staff/conferma: the reminders' one-tap page (web/one_tap.py)


# --- Everything else under /api/v1 -----------------------------------------------------------
# Registered last: the real routes match first. Without these, Reflex (which mounts the whole
# app behind this one) would answer unknown API paths with the frontend's HTML 404.

ALLOW = ", ".join(API_METHODS)


@functools.cache
def _documented_paths() -> tuple[re.Pattern, ...]:
    """Every documented endpoint, the included routers' too (HSDS): read from the OpenAPI description,
    which FastAPI builds from all of them (`api.routes` holds an included router as one opaque entry)."""
    return tuple(
        re.compile(re.sub(r"\\\{[^/]+?\\\}", "[^/]+", re.escape(path)) + "$") for path in api.openapi()["paths"]
    )


def _known(path: str) -> bool:
    return path == api.openapi_url or any(p.match(path) for p in _documented_paths())


def _method_not_allowed(request: Request, lang: str) -> JSONResponse:
    error = api_error("", "method_not_allowed", {"method": request.method[:10]})
    return error_response(405, [error], lang, headers={"Allow": ALLOW})


@api.api_route(PREFIX, methods=["GET", "HEAD", "OPTIONS", "POST", "PUT", "PATCH", "DELETE"], include_in_schema=False)
@api.api_route(
    f"{PREFIX}/{{rest:path}}",
    methods=["GET", "HEAD", "OPTIONS", "POST", "PUT", "PATCH", "DELETE"],
    include_in_schema=False,
)
def _unmatched(request: Request) -> Response:
    lang = lang_of(request)
    path = request.url.path
    if _known(path):  # a real endpoint, another method
        if request.method == "OPTIONS":
            return Response(status_code=204, headers={"Allow": ALLOW})
        return _method_not_allowed(request, lang)
    stripped = path.rstrip("/")
    if path.endswith("/") and stripped != PREFIX and _known(stripped):
        # `/api/v1/centri/` → `/api/v1/centri` (308 keeps the method).
        target = stripped + (f"?{request.url.query}" if request.url.query else "")
        return RedirectResponse(target, status_code=308, headers={"Cache-Control": "no-store"})
    return error_response(404, [FieldError("path", "not_found", {})], lang)


_static_openapi = api.openapi
_openapi_day: list = [None]


def _openapi_of_the_day() -> dict:
    """The OpenAPI document, whose path parameters say which months today's API accepts
    (api/percorso_openapi.py): rebuilt when the day changes."""
    today = clock.today()
    if api.openapi_schema is None or _openapi_day[0] != today:
        api.openapi_schema = None
        schema = _static_openapi()
        schema["paths"][f"{PREFIX}/percorso"]["get"]["parameters"] = percorso_parameters(today)
        _openapi_day[0] = today
    return api.openapi_schema


api.openapi = _openapi_of_the_day  # type: ignore[method-assign]
api.add_middleware(PublicApiMiddleware)

# Link previews of shared paths: /percorso is served with its own title and Open Graph tags.
# An HTML middleware for the parents' page, not part of the API: it sits on this app only
# because this is where Reflex lets the app hook the server (api_transformer).
from zerosei_app.web.share_meta import ShareMetaMiddleware  # noqa: E402

api.add_middleware(ShareMetaMiddleware)

# The path's QR code, an image loaded only when shown (web/path_qr.py).
from zerosei_app.web.path_qr import PathQrMiddleware  # noqa: E402

api.add_middleware(PathQrMiddleware)

# A centre's Carta page with its content as plain HTML (web/carta_preview.py): saved for offline use.
from zerosei_app.web.carta_preview import CartaPreviewMiddleware  # noqa: E402

api.add_middleware(CartaPreviewMiddleware)
# One language's interface texts, loaded only by pages in that language (web/ui_script.py).
from zerosei_app.web.ui_script import UiScriptMiddleware  # noqa: E402

api.add_middleware(UiScriptMiddleware)
