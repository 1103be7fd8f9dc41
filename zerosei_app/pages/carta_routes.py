"""Registers the Carta's pages: the directory, the print edition, a centre's Carta."""

import reflex as rx

from zerosei_app.components.i18n import t
from zerosei_app.pages import carta, carta_centro, carta_print
from zerosei_app.state.carta import CartaState
from zerosei_app.state.carta_centro import CartaCentroState
from zerosei_app.state.carta_print import CartaPrintState


def register_carta(app: rx.App, common: dict) -> None:
    app.add_page(carta.page, route=carta.ROUTE, title=t("ui.carta.dir_title"), on_load=CartaState.on_load, **common)
    # Before the dynamic route: /carta/stampa is a page of its own, not a centre called "stampa".
    app.add_page(
        carta_print.page,
        route=carta_print.ROUTE,
        title=t("ui.carta.dir_title"),
        on_load=CartaPrintState.on_load,
        **common,
    )
    app.add_page(
        carta_centro.page,
        route=carta_centro.ROUTE,
        title=CartaCentroState.page_title,
        on_load=CartaCentroState.on_load,
        **common,
    )
