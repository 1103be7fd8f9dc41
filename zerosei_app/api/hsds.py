"""The directory as Open Referral HSDS 3.0 (`/api/v1/hsds`), following the reference API
(schema/openapi.json of the HSDS 3.0 specification): `/`, services, organizations,
service_at_locations, taxonomies, taxonomy_terms, in HSDS pages. Read-only, like the rest of
/api/v1; errors keep the API's shape (`{"detail": [{"campo", "codice", "messaggio"}]}`).
"""

from __future__ import annotations

import functools
import math
from typing import Annotated

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import FileResponse, JSONResponse, Response

from zerosei_app.api.errors import error_response, lang_of
from zerosei_app.api.hsds_params import (
    OneOrganizationParams,
    OrganizationId,
    OrganizationParams,
    PageParams,
    ServiceAtLocationId,
    ServiceId,
    ServiceParams,
    TaxonomyTermParams,
    organization_id,
)
from zerosei_app.api.http import PREFIX, public_base
from zerosei_app.api.messages import api_error
from zerosei_app.api.params import LANG_PARAMETER, query_dependencies
from zerosei_app.db import session_scope
from zerosei_app.domain.hsds_ids import hsds_id
from zerosei_app.queries import hsds, hsds_pages
from zerosei_app.queries.snapshot import current_version
from zerosei_app.schemas.errors import ErroriOut
from zerosei_app.schemas.hsds import (
    OrganizationOut,
    OrganizationPageOut,
    RootOut,
    ServiceAtLocationOut,
    ServiceAtLocationPageOut,
    ServiceOut,
    ServicePageOut,
    TaxonomyPageOut,
    TaxonomyTermPageOut,
)
from zerosei_app.view import hsds_out, hsds_taxonomies

HSDS = f"{PREFIX}/hsds"
CACHE_PUBLIC = {"Cache-Control": "public, max-age=60"}
_ERRORS = {
    404: {"model": ErroriOut, "description": "Unknown id"},
    422: {"model": ErroriOut, "description": "Invalid parameters"},
}
_PAGE_DOC = (
    "An HSDS page: `{total_items, total_pages, page_number, size, first_page, last_page, empty, contents}`; "
    "`page` from 1, `per_page` 1–1000 (default 50)."
)

router = APIRouter(tags=["HSDS 3.0"])


def _json(data) -> JSONResponse:
    return JSONResponse(data, headers=CACHE_PUBLIC)


def _dump(model) -> dict:
    return model.model_dump(mode="json", exclude_none=True)


def _page(items: list, page: int, per_page: int, render=_dump) -> dict:
    return _page_of(len(items), [render(x) for x in items[(page - 1) * per_page : page * per_page]], page, per_page)


def _page_of(total: int, contents: list, page: int, per_page: int) -> dict:
    pages = math.ceil(total / per_page) if total else 0
    return {
        "total_items": total,
        "total_pages": pages,
        "page_number": page,
        "size": len(contents),
        "first_page": page == 1,
        "last_page": page >= pages,
        "empty": not contents,
        "contents": contents,
    }


def _not_found(request: Request, campo: str, raw: str) -> JSONResponse:
    return error_response(404, [api_error(campo, "unknown_hsds_id", {"value": raw[:40]})], lang_of(request))


class _BigChunks(FileResponse):
    # 1 MB per send instead of 64 KB: a 21 MB package crosses the middleware stack 21 times, not 330.
    chunk_size = 1024 * 1024


def _load_one(request: Request, hsds_uuid: str) -> hsds.HsdsData | None:
    with session_scope() as session:
        return hsds_pages.one_entry(session, hsds_uuid)


def _load_orgs(request: Request, org_ids: list[str] | None) -> hsds.HsdsData:
    """Centres and enti gestori, with the entries of those among `org_ids` that are centres."""
    wanted = set(org_ids or ())
    centro_ids = [cid for cid in _centro_ids(request) if hsds_id("centro", cid) in wanted] if wanted else None
    with session_scope() as session:
        return hsds_pages.organizations_data(session, centro_ids)


def _centro_ids(request: Request) -> list[int]:
    with session_scope() as session:
        return hsds_pages.centro_ids(session)


@router.get(
    f"{HSDS}/",
    summary="HSDS: version of this API",
    response_model=RootOut,
    openapi_extra={"parameters": [LANG_PARAMETER]},
)
@router.get(HSDS, include_in_schema=False)
def root(request: Request) -> JSONResponse:
    base = public_base(request)
    out = {"version": hsds_out.HSDS_VERSION}
    if base:
        out["openapi_url"] = f"{base}{PREFIX}/openapi.json"
    return _json(out)


def _services_page(request: Request, params: ServiceParams, render) -> JSONResponse:
    """A page of a services-like list (/services and /service_at_locations share filters): only
    the page's entries are loaded (queries/hsds_pages.py)."""
    filters = hsds.Filters(
        search=params.search,
        organization_id=params.organization_id,
        taxonomy_term_id=params.taxonomy_term_id,
        taxonomy_id=params.taxonomy_id,
        modified_after=params.modified_after_dt(),
    )
    with session_scope() as session:
        total, data = hsds_pages.services_page(session, filters, params.page, params.per_page)
    return _json(_page_of(total, [_dump(render(data, e)) for e in data.entries], params.page, params.per_page))


@router.get(
    f"{HSDS}/services",
    summary="HSDS: published services (the Carte's entries), paged",
    description=_PAGE_DOC + " Items as in HSDS `compiled/service_list.json` (`full=true`: `service.json`).",
    response_model=ServicePageOut,
    responses={422: _ERRORS[422]},
    dependencies=query_dependencies(ServiceParams),
)
def services(request: Request, params: Annotated[ServiceParams, Query()]) -> JSONResponse:
    full = functools.partial(hsds_out.service_out, base_url=public_base(request))
    return _services_page(request, params, full if params.full else hsds_out.service_list_out)


@router.get(
    f"{HSDS}/services/{{id}}",
    summary="HSDS: one service, fully nested",
    response_model=ServiceOut,
    responses=_ERRORS,
    dependencies=query_dependencies(),
)
def service(request: Request, sid: ServiceId) -> JSONResponse:
    data = _load_one(request, sid)
    entry = hsds.entry_by_service_id(data, sid) if data else None
    if entry is None:
        return _not_found(request, "service", sid)
    return _json(_dump(hsds_out.service_out(data, entry, public_base(request))))


@router.get(
    f"{HSDS}/organizations",
    summary="HSDS: organizations (enti gestori and Centri per le famiglie), paged",
    description=_PAGE_DOC + " Items as in `compiled/organization_list.json` (`full=true`: `organization.json`).",
    response_model=OrganizationPageOut,
    responses={422: _ERRORS[422]},
    dependencies=query_dependencies(OrganizationParams),
)
def organizations(request: Request, params: Annotated[OrganizationParams, Query()]) -> JSONResponse:
    data = _load_orgs(request, None)
    items = hsds_out.organizations_matching(hsds_out.organizations(data), params.search)
    if params.full:
        shown = items[(params.page - 1) * params.per_page : params.page * params.per_page]
        data = _load_orgs(request, [o.id for o in shown])
        base = public_base(request)
        return _json(
            _page_of(
                len(items),
                [_dump(hsds_out.organization_out(data, o.id, params.full_service, base)) for o in shown],
                params.page,
                params.per_page,
            )
        )
    return _json(_page(items, params.page, params.per_page))


@router.get(
    f"{HSDS}/organizations/{{id}}",
    summary="HSDS: one organization, fully nested",
    response_model=OrganizationOut,
    responses=_ERRORS,
    dependencies=[Depends(organization_id), *query_dependencies(OneOrganizationParams)],
)
def organization(
    request: Request, oid: OrganizationId, params: Annotated[OneOrganizationParams, Query()]
) -> JSONResponse:
    data = _load_orgs(request, [oid])
    out = hsds_out.organization_out(data, oid, params.full_service, public_base(request))
    if out is None:
        return _not_found(request, "organization", oid)
    return _json(_dump(out))


@router.get(
    f"{HSDS}/service_at_locations",
    summary="HSDS: services at their centre's location, paged",
    description=_PAGE_DOC + " Items as in `compiled/service_at_location_list.json`.",
    response_model=ServiceAtLocationPageOut,
    responses={422: _ERRORS[422]},
    dependencies=query_dependencies(ServiceParams),
)
def service_at_locations(request: Request, params: Annotated[ServiceParams, Query()]) -> JSONResponse:
    return _services_page(
        request, params, hsds_out.service_at_location_out if params.full else hsds_out.service_at_location_list_out
    )


@router.get(
    f"{HSDS}/service_at_locations/{{id}}",
    summary="HSDS: one service at a location, fully nested",
    description="As in HSDS `compiled/service_at_location.json` (the reference API names `service.json` here).",
    response_model=ServiceAtLocationOut,
    responses=_ERRORS,
    dependencies=query_dependencies(),
)
def service_at_location(request: Request, sal_id: ServiceAtLocationId) -> JSONResponse:
    data = _load_one(request, sal_id)
    entry = hsds.entry_by_service_id(data, sal_id, "service_at_location") if data else None
    if entry is None:
        return _not_found(request, "service_at_location", sal_id)
    return _json(_dump(hsds_out.service_at_location_out(data, entry)))


@router.get(
    f"{HSDS}/taxonomies",
    summary="HSDS: taxonomies (activity areas, topics, ages)",
    description=_PAGE_DOC,
    response_model=TaxonomyPageOut,
    responses={422: _ERRORS[422]},
    dependencies=query_dependencies(PageParams),
)
def taxonomies(params: Annotated[PageParams, Query()]) -> JSONResponse:
    items = [hsds_taxonomies.taxonomy_out(d) for d in hsds_taxonomies.TAXONOMIES]
    return _json(_page(items, params.page, params.per_page))


@router.get(
    f"{HSDS}/taxonomy_terms",
    summary="HSDS: taxonomy terms",
    description=_PAGE_DOC,
    response_model=TaxonomyTermPageOut,
    responses={422: _ERRORS[422]},
    dependencies=query_dependencies(TaxonomyTermParams),
)
def taxonomy_terms(params: Annotated[TaxonomyTermParams, Query()]) -> JSONResponse:
    items = hsds_taxonomies.taxonomy_terms(params.taxonomy_id)
    if params.parent_id:
        items = []  # flat taxonomies: no term has a parent
    return _json(_page(items, params.page, params.per_page))


@router.get(
    f"{HSDS}/datapackage.zip",
    summary="HSDS: the whole directory as a tabular data package (CSV + datapackage.json)",
    description="A zip with one CSV per HSDS table and `datapackage.json`, as in HSDS `compiled/tabular.json`.",
    response_class=Response,
    responses={200: {"content": {"application/zip": {"schema": {"type": "string", "format": "binary"}}}}},
    openapi_extra={"parameters": [LANG_PARAMETER]},
)
async def datapackage(request: Request) -> Response:
    # Built once per data version by another process (web/package_cache.py), served as a file.
    from zerosei_app.web import package_cache

    base = public_base(request)
    with session_scope() as session:
        version = current_version(session)
    key = await package_cache.package(version, base)
    if key is None:
        error = api_error("", "internal", {})
        return error_response(503, [error], lang_of(request))
    etag = package_cache.etag_for(key)
    headers = {**CACHE_PUBLIC, "ETag": etag}
    if etag in [t.strip() for t in request.headers.get("if-none-match", "").split(",")]:
        return Response(status_code=304, headers=headers)
    return _BigChunks(
        package_cache.path_for(key),
        media_type="application/zip",
        headers={**headers, "Content-Disposition": 'attachment; filename="zerosei-hsds.zip"'},
    )
