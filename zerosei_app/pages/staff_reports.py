"""/staff/segnalazioni: parents' reports (inbox)."""

from __future__ import annotations

import reflex as rx

from zerosei_app.components.staff_layout import badge, button, link, staff_page
from zerosei_app.state.staff_reports import StaffReportsState as S

FILTERS = [
    ("aperte", "Aperte"),
    ("nuova", "Nuove"),
    ("in_lavorazione", "In lavorazione"),
    ("risolta", "Risolte"),
    ("tutte", "Tutte"),
]


def report(r) -> rx.Component:
    return rx.el.article(
        rx.el.h3(
            r.kind,
            " ",
            badge(r.status_label, r.status),
            rx.cond(r.late, rx.el.span(" ", badge("oltre i 15 giorni", "late"))),
        ),
        rx.el.p(
            "Ricevuta il ",
            r.received,
            rx.cond(S.centro_id == 0, rx.fragment(" · ", r.centro), ""),
            " · ",
            r.due,
            class_name="st-muted",
        ),
        rx.cond(
            r.entry_id != 0,
            rx.el.p("Voce: ", link(r.entry_title, "/staff/voce?id=" + r.entry_id.to_string())),
            rx.el.p(
                "Riguarda i dati del centro: ",
                link("apri i dati del centro", "/staff/centro?id=" + r.centro_id.to_string()),
            ),
        ),
        rx.cond(
            r.text != "",
            rx.el.blockquote(r.text, class_name="st-pre"),
            rx.el.p("(nessun testo aggiunto)", class_name="st-muted"),
        ),
        rx.el.div(
            rx.cond(
                r.status != "in_lavorazione",
                button(
                    "Prendi in carico", on_click=S.set_report_status(r.id, "in_lavorazione"), kind="secondary small"
                ),
            ),
            rx.cond(
                r.status != "risolta",
                button("Segna come risolta", on_click=S.set_report_status(r.id, "risolta"), kind="small"),
            ),
            rx.cond(
                r.status == "risolta",
                button("Riapri", on_click=S.set_report_status(r.id, "nuova"), kind="secondary small"),
            ),
            class_name="st-actions",
        ),
        class_name="st-card",
    )


def page() -> rx.Component:
    return staff_page(
        rx.el.p(link("← Home", "/staff"), class_name="st-crumbs"),
        rx.el.h1("Segnalazioni delle famiglie", rx.cond(S.centro_name != "", rx.fragment(": ", S.centro_name), "")),
        rx.el.p(
            "Le famiglie segnalano servizi chiusi o contatti sbagliati. Obiettivo: rispondere entro 15 giorni; "
            "correggi la voce o i dati del centro, poi segna la segnalazione come risolta.",
            class_name="st-muted",
        ),
        rx.el.p(
            rx.el.strong(S.n_open.to_string()),
            " aperte",
            rx.cond(S.n_late > 0, rx.fragment(" · ", badge(S.n_late.to_string() + " oltre i 15 giorni", "late"))),
        ),
        rx.el.div(
            *[
                button(
                    label,
                    on_click=S.set_filter(key),
                    kind=rx.cond(S.status_filter == key, "small", "secondary small"),
                    aria_pressed=rx.cond(S.status_filter == key, "true", "false"),
                )
                for key, label in FILTERS
            ],
            class_name="st-actions",
            role="group",
            aria_label="Mostra",
        ),
        rx.cond(
            S.rows.length() > 0,
            rx.el.div(rx.foreach(S.rows, report), class_name="st-cards"),
            rx.el.p("Nessuna segnalazione da mostrare.", class_name="st-msg ok"),
        ),
    )
