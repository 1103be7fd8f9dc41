"""A centre's Carta page as plain HTML in its first answer: what the service worker keeps for offline use.

/carta/<slug> is a page of the app: its content comes over the websocket, so a saved copy of the
compiled page alone would be an empty frame with no network. Like the path's (web/path_preview.py),
this copy is injected as a direct child of <body>, shown by styles.css only while the app is not
running, and removed by the app once it is (UiState._sync_ui). It renders the page's own view model
(view/carta_view.py); every text is escaped. It carries the same "offline: saved on" line.
"""

from __future__ import annotations

import functools
import html
import logging
import re
from datetime import date
from pathlib import Path

from starlette.concurrency import run_in_threadpool
from starlette.responses import HTMLResponse
from starlette.types import ASGIApp, Receive, Scope, Send

from zerosei_app.db import session_scope
from zerosei_app.domain import clock
from zerosei_app.domain.link import parse_query_string
from zerosei_app.i18n import t
from zerosei_app.queries.carta import carta_of
from zerosei_app.queries.carta_slugs import find_by_slug
from zerosei_app.view.carta_view import CartaView, carta_view
from zerosei_app.view.percorso_view import EntryView
from zerosei_app.web import reflex_patches
from zerosei_app.web.first_paint import defer_app_scripts
from zerosei_app.web.path_preview import OFFLINE_JS, PREVIEW_ID, inject, mediation_html, saved_line

log = logging.getLogger(__name__)
_ROUTE = re.compile(r"^/carta/([a-z0-9-]{1,120})/?$")
_NOT_CENTRES = {"stampa", "mappa.svg"}


def _e(text: object) -> str:
    return html.escape(str(text), quote=True)


def render(view: CartaView, lang: str, today: date) -> str:
    links = "".join(
        f'<li><a class="pv-contact" href="{_e(link.href)}"><span class="pv-contact-text">{_e(link.label)}'
        + (f'<span class="pv-contact-owner">{_e(link.owner)}</span>' if link.owner else "")
        + "</span></a></li>"
        for link in view.links
    )
    address = ", ".join(x for x in (view.address, view.place) if x)
    parts = [
        f'<div id="{PREVIEW_ID}" lang="{_e(lang)}">',
        '<div class="pv-top"><div class="pv-bar"><a class="pv-brand" href="/">'
        f'<span class="pv-brand-name">ZeroSei</span><span class="pv-brand-tagline">{_e(t("ui.brand.tagline", lang))}</span>'
        "</a></div></div>",
        '<div class="pv-main">',
        f'<h1 lang="it">{_e(view.name)}</h1>',
        f'<p class="pv-muted">{_e(view.status)} · {_e(view.updated)}</p>' if view.status else "",
        saved_line(today, lang, "ui.offline.saved_carta"),
        f'<p class="pv-address" lang="it">{_e(address)}</p>' if address else "",
        (
            f'<p><strong>{_e(t("ui.path.centro.hours", lang))}</strong> <span lang="it">{_e(view.hours)}</span></p>'
            if view.hours
            else ""
        ),
        mediation_html(view.mediation, "", lang),
        f'<ul class="pv-contacts">{links}</ul>' if links else f'<p class="pv-muted">{_e(view.no_contacts)}</p>',
        f'<h2 class="pv-section-title">{_e(view.served_title)}</h2>',
        "".join(f"<p><strong>{_e(s.label)}</strong> <span lang='it'>{_e(s.names)}</span></p>" for s in view.served),
        f'<p class="pv-counts">{_e(view.entries_count)}</p>',
        *(
            f'<h2 class="pv-section-title">{_e(area.label)}</h2>' + "".join(_entry(v) for v in area.cards)
            for area in view.areas
        ),
        "</div>",
        f"<script>{OFFLINE_JS}</script>",
        "</div>",
    ]
    return "".join(parts)


def _entry(v: EntryView) -> str:
    facts = "".join(
        f'<p class="pv-fact"><strong>{_e(f.label)}</strong> <span{" lang=it" if f.lang else ""}>{_e(f.value)}</span></p>'
        for f in v.facts
    )
    return (
        f'<article class="pv-entry"><h3 class="pv-entry-title" lang="it">{_e(v.title)}</h3>'
        f'<p class="pv-summary" lang="it">{_e(v.summary)}</p>{facts}'
        f'<p class="verified{"" if v.is_verified else " not-yet"}">{_e(v.trust)}</p></article>'
    )


def preview_for(slug: str, lang: str, today: date) -> str:
    """The copy for a centre's current slug ("" for an unknown or renamed one: the app redirects those)."""
    with session_scope() as db:
        match = find_by_slug(db, slug)
        if match is None or match.moved or match.centro.slug != slug:
            return ""
        data = carta_of(db, match.centro.id)
        return render(carta_view(data, lang), lang, today) if data is not None else ""


@functools.cache
def _template_path() -> Path:
    return reflex_patches.static_dir() / "__spa-fallback.html"


class CartaPreviewMiddleware:
    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        m = _ROUTE.match(scope.get("path", "")) if scope["type"] == "http" else None
        if m is not None and scope["method"] in ("GET", "HEAD") and m.group(1) not in _NOT_CENTRES:
            try:
                page = _template_path().read_text(encoding="utf-8")
            except OSError:
                page = None  # dev mode or no build: the app serves the page as it is
            if page is not None:
                lang = parse_query_string(scope.get("query_string", b"").decode("latin-1")).query.lang
                try:  # database work: off the event loop
                    copy = await run_in_threadpool(preview_for, m.group(1), lang, clock.today())
                except Exception:  # a copy must never break the page itself
                    log.exception("carta preview failed for %s", scope.get("path"))
                    copy = ""
                if copy:
                    # As on the path: the copy paints before the app's files load (web/first_paint.py).
                    response = HTMLResponse(
                        inject(defer_app_scripts(page), copy),
                        headers={"Cache-Control": "no-cache", "Referrer-Policy": "same-origin"},
                    )
                    await response(scope, receive, send)
                    return
        await self.app(scope, receive, send)
