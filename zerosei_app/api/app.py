"""The public, read-only JSON API (/api/v1), served by the same process and port as the app."""

from __future__ import annotations

import logging
from datetime import date

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from zerosei_app.api.errors import error_response, request_lang
from zerosei_app.api.params import CentroIdParam, ComuniParams, VociParams, parse_params
from zerosei_app.db import session_scope
from zerosei_app.domain.errors import FieldError
from zerosei_app.domain.link import parse_query_string
from zerosei_app.queries import opendata
from zerosei_app.queries.comuni import comune_index
from zerosei_app.queries.percorso import build_percorso

log = logging.getLogger(__name__)

PREFIX = "/api/v1"
# Public data changes rarely; a short shared cache keeps cheap phones fast without going stale.
CACHE_PUBLIC = {"Cache-Control": "public, max-age=60"}

api = FastAPI(
    title="ZeroSei digitale – API pubblica",
    description=(
        "Dati aperti della Carta regionale per le famiglie ZeroSei (Regione Piemonte): comuni, "
        "Centri per le famiglie, voci delle Carte e il percorso per una famiglia. Sola lettura."
    ),
    version="1",
    # The Swagger page would load its scripts from a CDN: no third parties, so JSON only.
    docs_url=None,
    openapi_url=f"{PREFIX}/openapi.json",
    redoc_url=None,
)


def _json(data, status: int = 200) -> JSONResponse:
    return JSONResponse(data, status_code=status, headers=CACHE_PUBLIC)


@api.exception_handler(RequestValidationError)
async def _validation(request: Request, exc: RequestValidationError) -> JSONResponse:
    fields = [FieldError(str(e["loc"][-1]), "bad_value", {"value": ""}) for e in exc.errors()]
    return error_response(422, fields, request_lang(request.query_params.get("lang")))


@api.exception_handler(StarletteHTTPException)
async def _http(request: Request, exc: StarletteHTTPException) -> JSONResponse:
    if exc.status_code == 404:
        return error_response(404, [FieldError("path", "not_found", {})], request_lang(request.query_params.get("lang")))
    return JSONResponse({"detail": [{"campo": "", "codice": "http", "messaggio": str(exc.detail)}]}, exc.status_code)


@api.exception_handler(Exception)
async def _unexpected(request: Request, exc: Exception) -> JSONResponse:
    # Last resort: log the trace for us, give the client a clean message (never a stack trace).
    log.exception("API error on %s", request.url.path)
    return error_response(500, [FieldError("", "internal", {})], request_lang(request.query_params.get("lang")))


@api.get(f"{PREFIX}/comuni", summary="Cerca un comune per nome o CAP")
def comuni(request: Request) -> JSONResponse:
    """Ranked search, case-, accent- and typo-tolerant: `?q=sant ambrogio&limit=10`."""
    lang = request_lang(request.query_params.get("lang"))
    params, errors = parse_params(ComuniParams, dict(request.query_params))
    if errors:
        return error_response(422, errors, lang)
    with session_scope() as session:
        found = comune_index(session).search(params.q, params.limit)
    return _json([{"codice_istat": c.codice_istat, "nome": c.nome, "provincia": c.provincia, "cap": list(c.cap)} for c in found])


@api.get(f"{PREFIX}/centri", summary="Tutti i Centri per le famiglie registrati")
def centri(request: Request) -> JSONResponse:
    with session_scope() as session:
        return _json(opendata.centri_list(session))


@api.get(f"{PREFIX}/centri/{{centro_id}}", summary="Un centro, con i comuni che serve")
def centro(request: Request, centro_id: str) -> JSONResponse:
    lang = request_lang(request.query_params.get("lang"))
    params, errors = parse_params(CentroIdParam, {"id": centro_id})
    if errors:
        return error_response(422, errors, lang)
    with session_scope() as session:
        data = opendata.centro_detail(session, params.id)
    if data is None:
        return error_response(404, [FieldError("id", "unknown_centro", {"value": centro_id[:40]})], lang)
    return _json(data)


@api.get(f"{PREFIX}/voci", summary="Voci pubblicate delle Carte (per centro o per comune)")
def voci(request: Request) -> JSONResponse:
    lang = request_lang(request.query_params.get("lang"))
    params, errors = parse_params(VociParams, dict(request.query_params))
    if errors:
        return error_response(422, errors, lang)
    with session_scope() as session:
        return _json(opendata.voci_list(session, centro_id=params.centro, codice_istat=params.comune))


@api.get(
    f"{PREFIX}/percorso",
    summary="Il percorso di una famiglia",
    description="Parametri come nel link del percorso: `comune=<ISTAT>&nascita=<YYYY-MM>[,…]&attesa=<YYYY-MM>&temi=<slug,…>&lang=<it|en>`.",
)
def percorso(request: Request) -> JSONResponse:
    parsed = parse_query_string(request.url.query)
    lang = parsed.query.lang
    if parsed.errors:
        return error_response(422, parsed.errors, lang)
    with session_scope() as session:
        result = build_percorso(session, parsed.query, date.today())
    if result.unknown_comune:
        return error_response(404, result.errors, lang)
    if result.errors:
        return error_response(422, result.errors, lang)
    # The answer depends on today's date (ages), so it may be cached for a short while only.
    return _json(result.percorso.model_dump(mode="json"))


# Link previews of shared paths: /percorso is served with its own title and Open Graph tags.
from zerosei_app.web.share_meta import ShareMetaMiddleware  # noqa: E402

api.add_middleware(ShareMetaMiddleware)
