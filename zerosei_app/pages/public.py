"""Registers the parents' pages (one module per route under pages/).

Titles are Vars in the parent's language; /percorso gets its real title and Open Graph tags from
the server too (web/share_meta.py), because link-preview bots do not run JavaScript.
"""

import reflex as rx

from zerosei_app.components.i18n import t
from zerosei_app.pages import (
    accessibilita,
    home,
    informazioni,
    inizia_comune,
    inizia_figli,
    inizia_temi,
    not_found,
    percorso,
)
from zerosei_app.pages.carta_routes import register_carta
from zerosei_app.state.frame import AccessibilitaState, NotFoundState
from zerosei_app.state.percorso import PercorsoState
from zerosei_app.state.ui import UiState
from zerosei_app.state.wizard_children import ChildrenStepState
from zerosei_app.state.wizard_comune import ComuneStepState
from zerosei_app.state.wizard_temi import TemiStepState

DESCRIPTION = "Trova i servizi dei Centri per le famiglie vicino a te, per l'età del tuo bambino."
OG_IMAGE = "/og-zerosei.png"


def register(app: rx.App) -> None:
    common = {"description": t("ui.meta.description"), "image": OG_IMAGE}
    app.add_page(home.page, route=home.ROUTE, title=t("ui.meta.home_title"), on_load=UiState.on_load, **common)
    app.add_page(
        inizia_comune.page,
        route=inizia_comune.ROUTE,
        title=t("ui.meta.step1_title"),
        on_load=ComuneStepState.on_load,
        **common,
    )
    app.add_page(
        inizia_figli.page,
        route=inizia_figli.ROUTE,
        title=t("ui.meta.step2_title"),
        on_load=ChildrenStepState.on_load,
        **common,
    )
    app.add_page(
        inizia_temi.page,
        route=inizia_temi.ROUTE,
        title=t("ui.meta.step3_title"),
        on_load=TemiStepState.on_load,
        **common,
    )
    app.add_page(
        percorso.page, route=percorso.ROUTE, title=PercorsoState.page_title, on_load=PercorsoState.on_load, **common
    )
    app.add_page(
        informazioni.page, route=informazioni.ROUTE, title=t("ui.meta.info_title"), on_load=UiState.on_load, **common
    )
    register_carta(app, common)
    app.add_page(
        accessibilita.page,
        route=accessibilita.ROUTE,
        title=t("ui.meta.a11y_title"),
        on_load=AccessibilitaState.on_load,
        **common,
    )
    app.add_page(
        not_found.page, route=not_found.ROUTE, title=t("ui.meta.notfound_title"), on_load=NotFoundState.on_load
    )
