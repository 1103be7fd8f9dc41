"""Link previews for /percorso: the served HTML carries a title and Open Graph tags for that path.

Chat apps fetch a shared link without running JavaScript, and the prerendered page is only a
static shell, so the server writes the path's title (comune, age band; never birth months) into
the compiled HTML. An ASGI middleware on the API app sees the request before Reflex's static
files do; without a compiled page (dev mode, API tests) it simply lets the request through.
It is attached to the API's app (api/app.py) only because that is the hook Reflex offers.
"""

from __future__ import annotations

import functools
import html
import logging
import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from sqlmodel import Session
from starlette.responses import HTMLResponse
from starlette.types import ASGIApp, Receive, Scope, Send

from zerosei_app.db import session_scope
from zerosei_app.domain import clock
from zerosei_app.domain.link import PathQuery, parse_query_string, validate_for_path
from zerosei_app.queries import snapshot
from zerosei_app.queries.comuni import comune_index
from zerosei_app.queries.percorso_page import load_page
from zerosei_app.view import share, urls
from zerosei_app.view.percorso_plan import plan_page
from zerosei_app.web import first_paint, path_preview, reflex_patches

log = logging.getLogger(__name__)

OG_IMAGE = "/og-zerosei.png"
_TITLE = re.compile(r"<title>.*?</title>", re.S)
_DESCRIPTION = re.compile(r'<meta content="[^"]*" name="description"\s*/?>')
_OG_IMAGE = re.compile(r'<meta content="[^"]*" property="og:image"\s*/?>')


@dataclass(frozen=True)
class PageMeta:
    title: str
    description: str
    lang: str
    url: str  # absolute canonical link of the path (valid parts only)
    image: str


# Open Graph locales of the page languages (the country where each is most spoken among our readers).
OG_LOCALES = {
    "it": "it_IT",
    "en": "en_GB",
    "ro": "ro_RO",
    "ar": "ar_AR",
    "sq": "sq_AL",
    "zh": "zh_CN",
    "es": "es_ES",
    "fr": "fr_FR",
    "uk": "uk_UA",
}


def page_meta(raw_query: str, base: str, today: date) -> PageMeta:
    q = parse_query_string(raw_query).query
    name = None
    if q.comune is not None:
        with session_scope() as db:
            record = comune_index(db).get(q.comune)
        name = record.name if record else None
    return meta_for(q, name, base, today)


def meta_for(q: PathQuery, comune_name: str | None, base: str, today: date) -> PageMeta:
    meta = share.share_meta(q, comune_name, today)
    return PageMeta(
        title=meta.title,
        description=meta.description,
        lang=q.lang,
        url=share.absolute(base, urls.link(urls.PERCORSO, _usable(q, today))),
        image=share.absolute(base, OG_IMAGE),
    )


def _usable(q: PathQuery, today: date) -> PathQuery:
    """The link without months the page itself sets aside (future, past six years): the preview's
    URL never carries more than the path shows."""
    _, errors = validate_for_path(q, today)
    bad = {(e.field, e.params.get("month")) for e in errors}
    nascita = tuple(m for m in q.nascita if ("nascita", str(m)) not in bad)
    attesa = q.attesa if q.attesa is not None and ("attesa", str(q.attesa)) not in bad else None
    return PathQuery(**{**q.model_dump(), "nascita": nascita, "attesa": attesa})


def inject(page: str, meta: PageMeta) -> str:
    """The compiled HTML with this path's title, description and Open Graph tags (escaped)."""
    e = lambda s: html.escape(s, quote=True)  # noqa: E731
    og = (
        f'<meta property="og:type" content="website"/>'
        f'<meta property="og:site_name" content="ZeroSei"/>'
        f'<meta property="og:title" content="{e(meta.title)}"/>'
        f'<meta property="og:description" content="{e(meta.description)}"/>'
        f'<meta property="og:url" content="{e(meta.url)}"/>'
        f'<meta property="og:locale" content="{OG_LOCALES.get(meta.lang, "it_IT")}"/>'
        f'<meta name="twitter:card" content="summary_large_image"/>'
    )
    page = _TITLE.sub(lambda _: f"<title>{e(meta.title)}</title>", page, count=1)
    page = _DESCRIPTION.sub(lambda _: f'<meta content="{e(meta.description)}" name="description"/>', page, count=1)
    page = _OG_IMAGE.sub(lambda _: f'<meta content="{e(meta.image)}" property="og:image"/>', page, count=1)
    # <html lang> stays as React renders it: a different value in the HTML breaks hydration and makes
    # React rebuild the whole document. The state sets it once it runs; the path's static copy
    # carries its own lang.
    return page.replace("</head>", og + "</head>", 1)


class _Template:
    """The compiled /percorso HTML, re-read when a new build replaces it."""

    def __init__(self) -> None:
        self._cache: tuple[Path, float, str] | None = None

    @functools.cache  # noqa: B019 - one instance for the process; asking Reflex costs more than a request
    def candidates(self) -> list[Path]:
        static = reflex_patches.static_dir()
        return [static / "percorso.html", static / "percorso" / "index.html"]

    def get(self) -> str | None:
        for path in self.candidates():
            try:
                mtime = path.stat().st_mtime
            except OSError:
                continue
            if self._cache is None or self._cache[:2] != (path, mtime):
                self._cache = (path, mtime, path.read_text(encoding="utf-8"))
            return self._cache[2]
        return None


TEMPLATE = _Template()
PATHS = (urls.PERCORSO, urls.PERCORSO + "/")


class ShareMetaMiddleware:
    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and scope["method"] in ("GET", "HEAD") and scope["path"] in PATHS:
            # In the event loop: the path comes from the in-memory snapshot (queries/snapshot.py),
            # and a hop through the thread pool cost more than the page itself. A rebuild of the
            # snapshot after a staff change runs in a thread first.
            response = None
            try:
                with session_scope() as db:
                    await snapshot.fresh(db)
                    response = _render(scope, db)
            except Exception:  # the page must still be served: the plain shell
                log.exception("snapshot refresh failed for %s", scope.get("path"))
                response = _render(scope, None)
            if response is not None:
                await response(scope, receive, send)
                return
        await self.app(scope, receive, send)


def _render(scope: Scope, db: Session | None) -> HTMLResponse | None:
    """The page with its title and static copy, from one plan of the path (None: the plain shell)."""
    page = TEMPLATE.get()
    if page is None:
        return None
    page = first_paint.defer_app_scripts(page)  # the static copy paints before the app's files load
    try:
        if db is not None:
            raw_query = scope.get("query_string", b"").decode("latin-1")
            today = clock.today()
            page_data = load_page(db, raw_query, today)
            plan = plan_page(page_data, page_data.lang)
            page = inject(page, meta_for(plan.query, plan.comune_name or None, _base(scope), today))
            page = path_preview.inject(page, path_preview.render_plan(plan, today))
    except Exception:  # a preview must never break the page itself: serve the plain shell
        log.exception("share meta failed for %s", scope.get("path"))
    return HTMLResponse(page, headers={"Cache-Control": "no-cache", "Referrer-Policy": "same-origin"})


def _base(scope: Scope) -> str:
    headers = {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope.get("headers", [])}
    return share.site_base(scheme=scope.get("scheme"), host=headers.get("host"))
