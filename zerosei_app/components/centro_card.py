"""A centre serving the comune (or the comune's ente gestore): what it is for this family, how sure we
are, and always at least one way to reach someone (domain/contact_rule.py)."""

import reflex as rx

from zerosei_app.components.carta_parts import carta_link
from zerosei_app.components.contacts import contact_list
from zerosei_app.components.i18n import t
from zerosei_app.components.icons import icon
from zerosei_app.components.links import external
from zerosei_app.components.mediation import mediation_lines
from zerosei_app.components.report_form import report_area
from zerosei_app.view.percorso_view import CentroView


def centro_card(c: CentroView) -> rx.Component:
    title_id = f"centro-{c.uid}-nome"
    return rx.el.article(
        # The kicker is part of the heading: "the nearest centre among those registered · 31 km: <name>".
        rx.el.h3(
            rx.el.span(c.kicker, class_name="card-kicker"),
            rx.el.span(": ", class_name="sr-only"),  # read as one sentence: "<what it is>: <name>"
            rx.el.span(c.name, lang="it"),
            id=title_id,
            class_name="card-title",
        ),
        rx.cond(c.chiusura != "", rx.el.p(c.chiusura, class_name="closure")),
        rx.cond(
            c.ente != "", rx.el.p(t("ui.path.centro.ente"), " ", rx.el.span(c.ente, lang="it"), class_name="muted")
        ),
        rx.cond(
            c.notes.length() > 0,
            rx.el.ul(rx.foreach(c.notes, lambda n: rx.el.li(n)), class_name="card-notes"),
        ),
        rx.cond(
            c.place != "",
            rx.el.p(
                rx.cond(c.address != "", rx.el.span(c.address, ", ")),
                c.place,
                class_name="address",
                lang="it",  # the address and the comune, as written in Italy
            ),
        ),
        rx.cond(c.hours != "", rx.el.p(rx.el.strong(t("ui.path.centro.hours")), " ", rx.el.span(c.hours, lang="it"))),
        mediation_lines(c.mediation, c.mediation_asked),
        rx.cond(c.contacts_intro != "", rx.el.p(c.contacts_intro, class_name="contacts-intro")),
        contact_list(c.links),
        rx.cond(c.pec_note != "", rx.el.p(c.pec_note, class_name="pec-note")),
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
        # "Tutta la Carta del centro" and "Segnala un errore": a centre's card only (not the ente gestore's).
        rx.cond(c.kind == "centro", rx.fragment(carta_link(c.id), report_area(c.uid, c.id, 0, c.name))),
        class_name="card centro",
        aria_labelledby=title_id,
    )
