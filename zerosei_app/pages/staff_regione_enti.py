"""/staff/regione/enti (Regione): which ente gestore serves each comune: one at a time, or by CSV."""

from __future__ import annotations

import reflex as rx

from zerosei_app.components.staff_layout import badge, button, link, staff_page
from zerosei_app.domain.catalog import PROVINCE
from zerosei_app.state.staff_regione_enti import StaffRegioneEntiState as S
from zerosei_app.view.staff_import_common import paste_limit


def _filters() -> rx.Component:
    return rx.el.form(
        rx.el.div(
            rx.el.label("Comune (nome o codice ISTAT)", html_for="en-q", class_name="st-label"),
            rx.el.input(id="en-q", name="q", type="search", default_value=S.q),
        ),
        rx.el.div(
            rx.el.label("Provincia", html_for="en-provincia", class_name="st-label"),
            rx.el.select(
                rx.el.option("Tutte", value=""),
                *[rx.el.option(f"{name} ({sigla})", value=sigla) for sigla, name in PROVINCE.items()],
                id="en-provincia",
                name="provincia",
                default_value=S.provincia,
            ),
        ),
        rx.el.label(
            rx.el.input(type="checkbox", name="solo", id="en-solo", default_checked=S.only == "dedotti"),
            "Solo i comuni serviti dal centro più vicino (collegamento dedotto)",
            class_name="st-check",
            html_for="en-solo",
        ),
        rx.el.div(button("Mostra", type="submit"), class_name="st-actions"),
        key=S.form_key.to_string() + S.q + S.provincia + S.only,
        on_submit=S.apply_filters,
        class_name="st-filters st-form",
        role="search",
        aria_label="Filtra i comuni",
    )


def _row(r) -> rx.Component:
    sel_ente, sel_centro = "ente-" + r.codice_istat, "centro-" + r.codice_istat
    return rx.el.li(
        rx.el.div(
            rx.el.strong(r.name),
            " (",
            r.provincia,
            ") ",
            rx.cond(r.only_inferred, badge("centro dedotto", "inferito")),
            rx.el.br(),
            rx.el.span(
                "Ente gestore: ",
                rx.cond(r.ente != "", r.ente, "non indicato"),
                rx.cond(r.source != "", rx.fragment(" · ", r.source)),
                class_name="st-muted",
            ),
            rx.el.br(),
            rx.el.span("Centri: ", rx.cond(r.centri != "", r.centri, "nessuno"), class_name="st-muted"),
        ),
        # Choosing is the confirmation: no preselected guess, no one-click "confirm".
        rx.el.form(
            rx.el.input(type="hidden", name="codice_istat", value=r.codice_istat),
            rx.el.div(
                rx.el.label("Ente gestore", html_for=sel_ente, class_name="st-label"),
                rx.el.select(
                    rx.el.option("— scegli l'ente —", value=""),
                    rx.foreach(S.enti_options, lambda o: rx.el.option(o[1], value=o[0])),
                    id=sel_ente,
                    name="ente",
                ),
            ),
            rx.el.div(
                rx.el.label("oppure il centro che lo serve", html_for=sel_centro, class_name="st-label"),
                rx.el.select(
                    rx.el.option("— scegli il centro —", value=""),
                    rx.foreach(S.centri_options, lambda o: rx.el.option(o[1], value=o[0])),
                    id=sel_centro,
                    name="centro",
                ),
            ),
            button("Salva", type="submit", aria_label="Salva per " + r.name),
            on_submit=S.choose,
            class_name="st-form st-ente-form",
        ),
        class_name="st-ente-row",
    )


def _csv() -> rx.Component:
    return rx.el.section(
        rx.el.h2("Molti comuni insieme (CSV)", id="csv-titolo"),
        rx.el.p(
            "Scarica il modello o l'elenco attuale, compila «Ente gestore» (il nome come nell'elenco, o «ID ente») "
            "e incolla qui il contenuto del file. Prima vedi che cosa cambierebbe; se una riga ha un errore non "
            "cambia niente.",
            class_name="st-muted",
        ),
        rx.el.div(
            button("Scarica il modello", on_click=S.download_template, kind="secondary"),
            button("Scarica l'elenco attuale", on_click=S.download_export, kind="secondary"),
            class_name="st-actions",
        ),
        rx.el.form(
            rx.el.label("Contenuto del file CSV", html_for="en-csv", class_name="st-label"),
            rx.el.textarea(id="en-csv", name="csv", rows=6, max_length=paste_limit() + 1),
            rx.el.p(f"Fino a {paste_limit():,} caratteri per volta.".replace(",", "."), class_name="st-muted"),
            rx.el.div(button("Controlla", type="submit"), class_name="st-actions"),
            on_submit=S.check_csv,
            class_name="st-form",
        ),
        rx.cond(
            S.csv_errors.length() > 0,
            rx.el.ul(rx.foreach(S.csv_errors, lambda e: rx.el.li(e)), class_name="st-msg err", role="alert"),
        ),
        rx.cond(
            S.csv_rows.length() > 0,
            rx.fragment(
                rx.el.p(S.csv_summary, role="status"),
                rx.el.table(
                    rx.el.thead(
                        rx.el.tr(
                            *[rx.el.th(h, scope="col") for h in ("Riga", "Comune", "Ente gestore", "Esito", "Errori")]
                        )
                    ),
                    rx.el.tbody(
                        rx.foreach(
                            S.csv_rows,
                            lambda r: rx.el.tr(
                                rx.el.td(r.line.to_string()),
                                rx.el.td(r.comune),
                                rx.el.td(r.ente),
                                rx.el.td(r.action),
                                rx.el.td(r.errors),
                            ),
                        )
                    ),
                    class_name="st-table",
                ),
                rx.el.div(
                    rx.cond(S.csv_ok, button("Applica le modifiche", on_click=S.apply_csv)),
                    button("Annulla", on_click=S.cancel_csv, kind="secondary"),
                    class_name="st-actions",
                ),
            ),
        ),
        aria_labelledby="csv-titolo",
    )


def page() -> rx.Component:
    return staff_page(
        rx.el.p(link("← Centri e comuni", "/staff/regione"), class_name="st-crumbs"),
        rx.el.h1("Chi gestisce i servizi sociali di ogni comune"),
        rx.el.p(
            "L'ente gestore decide quale centro serve un comune: indicato l'ente, le famiglie del comune vedono i "
            "centri di quell'ente invece del centro più vicino. Ogni scelta resta nello storico.",
            class_name="st-muted",
        ),
        _filters(),
        rx.el.p(
            S.n_rows.to_string(),
            " comuni",
            rx.cond(S.n_rows > S.rows.length(), rx.fragment(", mostrati i primi ", S.rows.length().to_string()), ""),
            ".",
            role="status",
            class_name="st-muted",
        ),
        rx.el.ul(rx.foreach(S.rows, _row), class_name="st-ente-list"),
        _csv(),
    )
