"""A centre's Carta, `/carta/<slug>`: rebuilt from the URL on every load; an old slug redirects."""

import reflex as rx

from zerosei_app.db import off_loop, session_scope
from zerosei_app.queries.carta import carta_of
from zerosei_app.queries.carta_slugs import find_by_slug
from zerosei_app.state.ui import UiState
from zerosei_app.view import share, urls
from zerosei_app.view.carta_view import CartaView, carta_view
from zerosei_app.view.page_words import carta_directory_title, carta_not_found_title, carta_title, share_status
from zerosei_app.view.tappe_out import funzioni_out
from zerosei_app.view.tappe_view import FunzioniView, funzioni_view

EMPTY = CartaView(0, "", "", "", "", "", "", "", "", "")


def slug_from_path(path: str) -> str:
    """`/carta/<slug>` → slug (the route's own argument is not used: it would clash with state names)."""
    parts = [p for p in (path or "").split("/") if p]
    return parts[1] if len(parts) == 2 and parts[0] == "carta" else ""


class CartaCentroState(UiState):
    status: str = "loading"  # loading | ok | not_found
    carta: CartaView = EMPTY
    share_url: str = ""
    qr: str = ""
    share_status: str = ""
    page_title: str = carta_directory_title()
    home_href: str = urls.HOME
    directory_href: str = urls.CARTA
    print_href: str = urls.CARTA_STAMPA  # this centre's section of the print edition (compact, with its QR code)
    funzioni: FunzioniView = FunzioniView()  # what every centre does by regional rule (the same on every Carta)

    @rx.event
    async def on_load(self):
        # Database work: in the blocking-work threads, never in the event loop (db.off_loop).
        return await off_loop(self._on_load, lane="public")

    def _on_load(self):
        script = self._sync_ui()
        lang = self.lang
        self.home_href = urls.lang_only(urls.HOME, lang)
        self.directory_href = urls.lang_only(urls.CARTA, lang)
        self.share_status = ""
        with session_scope() as db:
            asked = slug_from_path(self.router.url.path)
            match = find_by_slug(db, asked)
            # A renamed centre's old address, or the same one typed in capitals: the one canonical address.
            if match is not None and (match.moved or asked != match.centro.slug):
                return [script, rx.redirect(urls.carta_url(match.centro.slug, lang), replace=True)]
            data = carta_of(db, match.centro.id) if match is not None else None
            view = carta_view(data, lang) if data is not None else None
        if view is None:
            self.status, self.carta, self.share_url, self.qr = "not_found", EMPTY, "", ""
            self.page_title = carta_not_found_title(lang)
            return script
        self.status, self.carta = "ok", view
        self.funzioni = funzioni_view(funzioni_out(lang))
        self.print_href = urls.CARTA_STAMPA + f"?centro={view.slug}" + (f"&lang={lang}" if lang != "it" else "")
        base = share.site_base(self.router.headers.origin)
        self.share_url = share.absolute(base, view.href)
        self.qr = share.qr_data_uri(self.share_url)
        self.page_title = carta_title(view.name, lang)
        return script

    @rx.event
    def share_result(self, result: str):
        self.share_status = share_status("carta", result, self.lang)

    @rx.event
    def dismiss_share_status(self):
        self.share_status = ""
