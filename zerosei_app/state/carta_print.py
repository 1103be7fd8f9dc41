"""`/carta/stampa[?provincia=TO|centro=<slug>]`: the Carta for A4, from the browser's print."""

import reflex as rx
from pydantic import BaseModel, Field, ValidationError, field_validator

from zerosei_app.db import off_loop, session_scope
from zerosei_app.domain import clock
from zerosei_app.domain.carta import is_slug
from zerosei_app.domain.catalog import PROVINCE
from zerosei_app.queries.carta import carte
from zerosei_app.queries.carta_slugs import find_by_slug
from zerosei_app.queries.tappe import all_tappe
from zerosei_app.state.ui import UiState
from zerosei_app.view import share, urls
from zerosei_app.view.carta_print import PrintProvincia, PrintSection, print_sections
from zerosei_app.view.page_words import print_bad_value, print_edition, print_scope
from zerosei_app.view.tappe_out import funzioni_out, tappe_out
from zerosei_app.view.tappe_view import FunzioniView, TappaPrintView, funzioni_view, print_tappe


class PrintQuery(BaseModel):
    provincia: str | None = Field(default=None, max_length=20)
    centro: str | None = Field(default=None, max_length=100)

    @field_validator("provincia")
    @classmethod
    def _provincia(cls, v: str | None) -> str | None:
        return v.strip().upper() if v else None


class CartaPrintState(UiState):
    loaded: bool = False
    edition: str = ""  # "Edizione del 29 novembre 2026"
    scope: str = ""  # "Tutti i Centri per le famiglie del Piemonte"
    notices: list[str] = []
    contents: list[PrintProvincia] = []
    sections: list[PrintSection] = []
    directory_href: str = urls.CARTA
    funzioni: FunzioniView = FunzioniView()  # once, after the contents: the same for every centre
    tappe: list[TappaPrintView] = []  # the public steps 0-6, compact

    @rx.event
    async def on_load(self):
        # Database work: in the blocking-work threads, never in the event loop (db.off_loop).
        return await off_loop(self._on_load, lane="public")

    def _on_load(self):
        script = self._sync_ui()
        lang = self.lang
        params = self.router.url.query_parameters
        notices = []
        try:
            wanted = PrintQuery(provincia=params.get("provincia"), centro=params.get("centro"))
        except ValidationError as exc:
            # Too long to be a province or a centre: said, and the whole edition shown.
            wanted = PrintQuery()
            for field in {str(e["loc"][0]) for e in exc.errors()}:
                notices.append(print_bad_value(field, str(params.get(field, ""))[:60], lang))
        provincia, centro_ids = None, None
        with session_scope() as db:
            if wanted.centro:
                match = find_by_slug(db, wanted.centro) if is_slug(wanted.centro.lower()) else None
                if match is None:
                    notices.append(print_bad_value("centro", wanted.centro[:60], lang))
                else:
                    centro_ids = [match.centro.id]
            if wanted.provincia and centro_ids is None:
                if wanted.provincia in PROVINCE:
                    provincia = wanted.provincia
                else:
                    notices.append(print_bad_value("provincia", wanted.provincia[:20], lang))
            data = carte(db, centro_ids, provincia)
            tappe = all_tappe(db)
        self.tappe = print_tappe(tappe_out(tappe), lang)
        self.funzioni = funzioni_view(funzioni_out(lang))
        base = share.site_base(self.router.headers.origin)
        self.contents, self.sections = print_sections(data, lang, lambda path: share.absolute(base, path))
        self.notices = notices
        self.edition = print_edition(clock.today(), lang)
        if centro_ids is not None and self.sections:
            self.scope = self.sections[0].carta.name
        else:
            self.scope = print_scope(PROVINCE[provincia] if provincia else None, lang)
        self.directory_href = urls.lang_only(urls.CARTA, lang)
        self.loaded = True
        return script
