"""A centre serving the comune: what it is, how sure we are, how to reach it."""

import reflex as rx

from zerosei_app.components.carta_parts import carta_link
from zerosei_app.components.contacts import contact_list
from zerosei_app.components.i18n import t
from zerosei_app.components.icons import icon
from zerosei_app.components.links import external
from zerosei_app.components.report_form import report_area
from zerosei_app.view.percorso_view import CentroView


def centro_card(c: CentroView) -> rx.Component:
    return rx.el.article(
        rx.el.h3(c.nome, id=f"centro-{c.id}-nome", class_name="card-title"),
        rx.cond(
            c.ente != "", rx.el.p(t("ui.path.centro.ente"), " ", rx.el.span(c.ente, lang="it"), class_name="muted")
        ),
        rx.cond(
            c.notes.length() > 0,
            rx.el.ul(rx.foreach(c.notes, lambda n: rx.el.li(n)), class_name="card-notes"),
        ),
        rx.el.p(
            rx.cond(c.indirizzo != "", rx.el.span(c.indirizzo, ", ", lang="it")),
            c.luogo,
            class_name="address",
        ),
        rx.cond(c.orari != "", rx.el.p(rx.el.strong(t("ui.path.centro.hours")), " ", rx.el.span(c.orari, lang="it"))),
        contact_list(c.links),
        rx.cond(
            c.map_href != "",
            rx.el.p(
                external(
                    icon("map"),
                    t("ui.path.centro.map"),
                    href=c.map_href,
                    class_name="contact map",
                ),
                class_name="map-line",
            ),
        ),
        carta_link(c.id),  # h6-carta: "Tutta la Carta del centro" (components/carta_parts.py)
        report_area(c.uid, c.id, 0, c.nome),
        class_name="card centro",
        aria_labelledby=f"centro-{c.id}-nome",
    )
