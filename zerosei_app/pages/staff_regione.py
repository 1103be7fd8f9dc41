"""/staff/regione (Regione): all centres, add a centre, coverage still to confirm."""

from __future__ import annotations

import reflex as rx

from zerosei_app.components.staff_fields import select_field, text_field
from zerosei_app.components.staff_layout import badge, button, link, stack_cell, staff_page
from zerosei_app.domain.staff_labels import STATO_VERIFICA_LABELS
from zerosei_app.state.staff_regione import StaffRegioneState as S


def row(c) -> rx.Component:
    # data-label: on a phone each row becomes a card whose cells name their column (staff.css .st-stack).
    return rx.el.tr(
        rx.el.td(
            link(c.name, "/staff/voci?centro=" + c.id.to_string()),
            rx.el.br(),
            rx.el.span(c.comune, class_name="st-muted"),
            class_name="st-stack-title",
        ),
        stack_cell("Dati", rx.cond(c.active, c.verification, badge("chiuso", "archived"))),
        stack_cell("Pubblicate", c.published.to_string()),
        stack_cell("Da verificare", rx.cond(c.stale > 0, badge(c.stale.to_string(), "stale"), "0")),
        stack_cell(
            "Segnalazioni aperte",
            (c.reports_new + c.reports_in_progress).to_string(),
            rx.cond(c.reports_late > 0, rx.fragment(" ", badge(c.reports_late.to_string() + " in ritardo", "late"))),
        ),
        rx.el.td(
            link("Dati", "/staff/centro?id=" + c.id.to_string()),
            " · ",
            link("Comuni", "/staff/comuni?centro=" + c.id.to_string()),
        ),
    )


NEW_CENTRE_VALUES = {
    "name": "",
    "address": "",
    "hours": "",
    "phone": "",
    "email": "",
    "website": "",
    "ente_gestore_id": "",
    "stato_verifica": "verificato",
}


def _comune_search() -> rx.Component:
    """Find the comune of the new centre's seat by name or CAP."""
    return rx.el.form(
        rx.el.label("Comune della sede (nome o CAP)", html_for="nc-q", class_name="st-label"),
        rx.el.div(
            rx.el.input(id="nc-q", name="q", type="search", default_value=S.comune_query),
            button("Cerca", type="submit"),
            class_name="st-actions",
        ),
        on_submit=S.search_comune,
        class_name="st-form",
        role="search",
    )


def _comune_hits() -> rx.Component:
    return rx.cond(
        S.comune_hits.length() > 0,
        rx.el.ul(
            rx.foreach(
                S.comune_hits,
                lambda h: rx.el.li(
                    h.label,
                    " ",
                    button(
                        "Scegli", on_click=S.pick_comune(h.codice_istat), kind="small", aria_label="Scegli " + h.label
                    ),
                ),
            )
        ),
    )


def _comune_chosen() -> rx.Component:
    e = S.new_errors
    return rx.el.p(
        "Comune scelto: ",
        rx.cond(S.new_comune_label != "", rx.el.strong(S.new_comune_label), rx.el.em("nessuno")),
        rx.cond(e.contains("codice_istat"), rx.el.span(" — ", e["codice_istat"], class_name="st-field-error")),
    )


def _new_centre_form() -> rx.Component:
    v, e = rx.Var.create(NEW_CENTRE_VALUES), S.new_errors
    return rx.el.form(
        text_field("name", "Nome del centro", v, e, required=True, max_length=250),
        select_field("ente_gestore_id", "Ente gestore", S.enti_options, v, e, empty="— non indicato —"),
        select_field("stato_verifica", "Stato di verifica dei dati", list(STATO_VERIFICA_LABELS.items()), v, e),
        text_field("address", "Indirizzo", v, e, max_length=300),
        text_field("hours", "Orari di apertura", v, e, max_length=500),
        rx.el.div(
            text_field("phone", "Telefono", v, e, max_length=80, type_="tel"),
            text_field("email", "E-mail", v, e, max_length=254, type_="email"),
            class_name="st-row2",
        ),
        text_field("website", "Sito web", v, e, max_length=500),
        rx.el.div(
            button("Crea il centro", type="submit"),
            button("Annulla", on_click=S.toggle_new, kind="secondary"),
            class_name="st-actions",
        ),
        key=S.new_form_key.to_string(),
        on_submit=S.create,
        class_name="st-form",
        no_validate=True,
    )


def new_centre() -> rx.Component:
    return rx.el.section(
        rx.el.h2("Nuovo centro"),
        _comune_search(),
        _comune_hits(),
        _comune_chosen(),
        _new_centre_form(),
        class_name="st-card",
    )


def page() -> rx.Component:
    return staff_page(
        rx.el.h1("Centri e comuni"),
        rx.el.div(
            rx.el.div(rx.el.strong(S.totals["published"].to_string()), "voci pubblicate", class_name="st-kpi"),
            rx.el.div(rx.el.strong(S.totals["stale"].to_string()), "voci da verificare", class_name="st-kpi"),
            rx.el.div(
                rx.el.strong((S.totals["reports_nuova"] + S.totals["reports_in_lavorazione"]).to_string()),
                "segnalazioni aperte",
                class_name="st-kpi",
            ),
            rx.el.div(rx.el.strong(S.totals["reports_late"].to_string()), "oltre i 15 giorni", class_name="st-kpi"),
            rx.el.div(rx.el.strong(S.n_inferred.to_string()), "comuni con centro solo dedotto", class_name="st-kpi"),
            class_name="st-kpis",
        ),
        rx.el.div(
            rx.cond(S.new_open, rx.fragment(), button("+ Nuovo centro", on_click=S.toggle_new)),
            link("Le Carte dei centri", "/staff/regione/centri", class_name="st-btn secondary"),
            link("Enti gestori dei comuni", "/staff/regione/enti", class_name="st-btn secondary"),
            link("Importa gli elenchi ufficiali (CSV)", "/staff/regione/elenchi", class_name="st-btn secondary"),
            link("Enti gestori da confermare", "/staff/regione/enti-comuni", class_name="st-btn secondary"),
            link("Account del personale", "/staff/utenti", class_name="st-btn secondary"),
            class_name="st-actions",
        ),
        rx.cond(S.new_open, new_centre()),
        rx.el.table(
            rx.el.thead(
                rx.el.tr(
                    *[
                        rx.el.th(h, scope="col")
                        for h in ("Centro", "Dati", "Pubblicate", "Da verificare", "Segnalazioni aperte", "")
                    ]
                )
            ),
            rx.el.tbody(rx.foreach(S.centri, row)),
            class_name="st-table st-stack",
        ),
        rx.el.h2("Comuni con un centro solo dedotto (", S.n_inferred.to_string(), ")"),
        rx.el.p(
            "Per questi comuni non sappiamo quale centro li serve: il sito indica il centro registrato più vicino. "
            "Correggi dai «Comuni» di un centro o importa l'elenco ufficiale.",
            class_name="st-muted",
        ),
        rx.el.p(link("Scegli l'ente gestore o il centro di questi comuni", "/staff/regione/enti?solo=dedotti")),
        rx.el.p(S.inferred_sample.join(", "), rx.cond(S.n_inferred > 40, " …", "")),
    )
