"""/ : what the Carta ZeroSei is, and a clear way to start."""

import reflex as rx

TITLE = "ZeroSei digitale – servizi per famiglie con bambini da 0 a 6 anni in Piemonte"
DESCRIPTION = "Trova i servizi dei Centri per le famiglie vicino a te, per l'età del tuo bambino."


def page() -> rx.Component:
    return rx.el.main(
        rx.el.h1("ZeroSei digitale"),
        rx.el.p("La Carta regionale per le famiglie ZeroSei, in digitale."),
        id="main",
    )
