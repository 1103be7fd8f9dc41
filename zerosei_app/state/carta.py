"""`/carta`, the directory: every open centre by province, the map's markers, and "find a centre"
by comune, CAP or name (an ARIA combobox over the domain's comune search, plus centre names)."""

import reflex as rx

from zerosei_app.db import off_loop, session_scope
from zerosei_app.domain.istat import is_codice_istat
from zerosei_app.models import Centro, Comune
from zerosei_app.queries.carta import directory, map_points
from zerosei_app.queries.comuni import comune_index
from zerosei_app.queries.contacts import contacts_for_comune
from zerosei_app.state.combobox import ComboboxState
from zerosei_app.state.ui import UiState
from zerosei_app.view import urls
from zerosei_app.view.carta_map import MarkerView, markers, summary
from zerosei_app.view.carta_view import DirCentroView, FoundView, ProvinciaView, directory_view, found_views
from zerosei_app.view.comune_options import MAX_OPTIONS, ComboOption, carta_options, carta_status, comune_label
from zerosei_app.view.page_words import found_status, found_title
from zerosei_app.view.percorso_out import centri_e_ente_out


class CartaState(ComboboxState, UiState):
    loaded: bool = False
    province: list[ProvinciaView] = []
    marker_list: list[MarkerView] = []
    map_summary: str = ""
    print_href: str = urls.CARTA_STAMPA
    # find a centre (the combobox's own fields come from ComboboxState)
    found_title: str = ""  # "Centri che servono Chivasso:", or "Per Crissolo (CN):" when none is known
    found: list[FoundView] = []

    @rx.event
    async def on_load(self):
        # Database work: in the blocking-work threads, never in the event loop (db.off_loop).
        return await off_loop(self._on_load, lane="public")

    def _on_load(self):
        script = self._sync_ui()
        lang = self.lang
        by_id = self.router.url.query_parameters.get("centro", "")
        with session_scope() as db:
            if by_id:
                # `/carta?centro=<id>`: a link by id (the staff area's) leads to the centre's own page.
                centro = db.get(Centro, int(by_id)) if by_id.isascii() and by_id.isdigit() and len(by_id) < 10 else None
                if centro is not None and centro.is_active and centro.slug:
                    return [script, rx.redirect(urls.carta_url(centro.slug, lang), replace=True)]
            rows = directory(db)
            points, centres = map_points(db)
        self.province = directory_view(rows, lang)
        self.marker_list = markers(centres, lang, lambda slug: urls.carta_url(slug, lang))
        self.map_summary = summary(points, len(centres), lang)
        self.print_href = urls.lang_only(urls.CARTA_STAMPA, lang)
        self.text = ""
        self._clear()
        self.found_title, self.found = "", []
        self.loaded = True
        return script

    def _all_centri(self) -> list[DirCentroView]:
        return [c for p in self.province for c in p.centri]

    def _find(self, text: str) -> tuple[list[ComboOption], str]:
        with session_scope() as db:
            comuni = comune_index(db).search(text, MAX_OPTIONS)
        options = carta_options(text, self._all_centri(), comuni, self.lang)
        return options, carta_status(len(options), self.lang)

    def _enter_without_active(self):
        return CartaState.pick(self.options[0].value) if self.options else None

    @rx.event
    async def pick(self, key: str):
        # Database work: in the blocking-work threads, never in the event loop (db.off_loop).
        return await off_loop(self._pick, key, lane="public")

    def _pick(self, key: str):
        if not isinstance(key, str) or len(key) > 80:
            return None
        kind, _, value = key.partition(":")
        by_slug = {c.slug: c for c in self._all_centri()}
        if kind == "s" and value in by_slug:
            return rx.redirect(by_slug[value].href)
        if kind != "c" or not is_codice_istat(value):
            return None
        with session_scope() as db:
            record = comune_index(db).get(value)
            comune = db.get(Comune, value) if record else None
            centri, ente = centri_e_ente_out(contacts_for_comune(db, comune)) if comune else ([], None)
        if record is None or comune is None:
            return None
        self.text = record.name
        self.options, self.active, self.expanded = [], -1, False
        href_of = {c.id: c.href for c in self._all_centri()}
        self.found = found_views(centri, ente, href_of, self.lang)
        # "Centres serving X" only when one is known to: a guess or an ente is said as such on its card.
        serving_known = any(not c.inferito for c in centri)
        self.found_title = found_title(comune_label(record), serving_known, self.lang)
        self.status = found_status(self.found_title, [(f.name, f.kicker) for f in self.found])
        return rx.call_script("document.getElementById('carta-trovati')?.focus()")
