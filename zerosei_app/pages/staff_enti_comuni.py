"""/staff/regione/enti-comuni (Regione): leads on which ente gestore serves a comune, to confirm or reject."""

from __future__ import annotations

import reflex as rx

from zerosei_app.components.staff_layout import button, link, stack_cell, staff_page
from zerosei_app.state.staff_enti_comuni import PropostaView
from zerosei_app.state.staff_enti_comuni import StaffEntiComuniState as S


def row(p: PropostaView) -> rx.Component:
    return rx.el.tr(
        rx.el.td(rx.el.strong(p.comune), rx.el.br(), p.ente, class_name="st-stack-title"),
        stack_cell(
            "Fonte",
            rx.cond(
                p.source_url != "",
                rx.el.a(p.source, href=p.source_url, target="_blank", rel="noopener noreferrer"),
                p.source,
            ),
            rx.cond(p.source_date != "", rx.el.span(" (", p.source_date, ")", class_name="st-muted")),
        ),
        stack_cell("Indizio", p.evidence),
        rx.el.td(
            rx.el.div(
                button("Conferma", on_click=S.decide(p.id, True), kind="small", aria_label="Conferma " + p.comune),
                button(
                    "Respingi",
                    on_click=S.decide(p.id, False),
                    kind="small secondary",
                    aria_label="Respingi " + p.comune,
                ),
                class_name="st-actions",
            )
        ),
    )


def page() -> rx.Component:
    return staff_page(
        rx.el.h1("Enti gestori da confermare"),
        rx.el.p(
            "Per questi comuni una ricerca su fonti indirette (del 6 dicembre 2026) indica quale ente gestore li serve. "
            "Finché non li confermi, le famiglie vedono il centro registrato più vicino, detto come tale. "
            "Confermando, il comune passa al suo ente gestore (e ai suoi centri); respingendo, resta com'è.",
            class_name="st-muted",
        ),
        link("← Centri e comuni", "/staff/regione"),
        rx.el.h2("Da confermare (", S.proposte.length().to_string(), ")"),
        rx.cond(
            S.proposte.length() > 0,
            rx.el.table(
                rx.el.thead(rx.el.tr(*[rx.el.th(h, scope="col") for h in ("Comune → ente", "Fonte", "Indizio", "")])),
                rx.el.tbody(rx.foreach(S.proposte, row)),
                class_name="st-table st-stack",
            ),
            rx.el.p("Nessuna proposta da confermare."),
        ),
    )
