"""/staff/comuni?centro=<id> (Regione): comuni served by a centre."""

from __future__ import annotations

import reflex as rx

from zerosei_app.components.staff_layout import badge, button, link, staff_page
from zerosei_app.state.staff_coverage import StaffCoverageState as S


def link_row(row) -> rx.Component:
    return rx.el.tr(
        rx.el.td(row.name, " (", row.provincia, ")"),
        rx.el.td(
            badge(row.origine_label, row.origine), rx.cond(row.distance != "", rx.fragment(" · ", row.distance), "")
        ),
        rx.el.td(
            rx.cond(
                row.origine != "esplicito", button("Conferma", on_click=S.add(row.codice_istat), kind="secondary small")
            ),
            " ",
            button("Togli", on_click=S.remove(row.codice_istat), kind="danger small", aria_label="Togli " + row.name),
        ),
    )


def hit(h) -> rx.Component:
    return rx.el.li(
        h.name,
        " (",
        h.provincia,
        ") ",
        rx.cond(
            h.linked,
            rx.el.span("già servito", class_name="st-muted"),
            button("Aggiungi", on_click=S.add(h.codice_istat), kind="small", aria_label="Aggiungi " + h.name),
        ),
    )


def page() -> rx.Component:
    return staff_page(
        rx.el.p(link("← Dati del centro", "/staff/centro?id=" + S.centro_id.to_string()), class_name="st-crumbs"),
        rx.el.h1("Comuni serviti: ", S.centro_name),
        rx.el.p(
            "«Confermato»: lo dice una fonte o l'ufficio regionale. «Stesso ente gestore»: il comune è dello stesso consorzio. "
            "«Dedotto»: è il centro registrato più vicino, da confermare. Aggiungere un comune qui toglie i suoi collegamenti dedotti.",
            class_name="st-muted",
        ),
        rx.el.form(
            rx.el.label("Aggiungi un comune (nome o CAP)", html_for="cov-q", class_name="st-label"),
            rx.el.div(
                rx.el.input(id="cov-q", name="q", type="search", default_value=S.query, auto_complete="off"),
                button("Cerca", type="submit"),
                class_name="st-actions",
            ),
            on_submit=S.search,
            class_name="st-form",
            role="search",
        ),
        rx.cond(S.hits.length() > 0, rx.el.ul(rx.foreach(S.hits, hit), aria_label="Comuni trovati")),
        rx.el.h2(
            S.links.length().to_string() + " comuni serviti",
            rx.cond(S.n_inferred > 0, rx.fragment(" (", S.n_inferred.to_string(), " dedotti)"), ""),
        ),
        rx.el.table(
            rx.el.thead(
                rx.el.tr(
                    rx.el.th("Comune", scope="col"),
                    rx.el.th("Come lo sappiamo", scope="col"),
                    rx.el.th("Azioni", scope="col"),
                )
            ),
            rx.el.tbody(rx.foreach(S.links, link_row)),
            class_name="st-table",
        ),
    )
