"""/staff/voci?centro=<id>: the entries of a centre."""

from __future__ import annotations

import reflex as rx

from zerosei_app.components.staff_layout import badge, button, link, stack_cell, staff_page
from zerosei_app.domain.catalog import CATEGORIES, TOPICS
from zerosei_app.domain.staff_forms import SORT_LABELS
from zerosei_app.domain.staff_labels import category_label, topic_label
from zerosei_app.state.staff_entries import StaffEntriesState

STATUS_OPTIONS = [
    ("attive", "Pubblicate e bozze"),
    ("published", "Solo pubblicate"),
    ("draft", "Solo bozze"),
    ("archived", "Archivio"),
    ("tutte", "Tutte"),
]


def _select(name: str, label: str, options, value) -> rx.Component:
    return rx.el.div(
        rx.el.label(label, html_for=f"flt-{name}", class_name="st-label"),
        rx.el.select(*[rx.el.option(t, value=v) for v, t in options], id=f"flt-{name}", name=name, default_value=value),
    )


def filters() -> rx.Component:
    s = StaffEntriesState
    return rx.el.form(
        rx.el.div(
            rx.el.label("Cerca", html_for="flt-q", class_name="st-label"),
            rx.el.input(
                id="flt-q", name="q", type="search", default_value=s.f_q, placeholder="parole del titolo o del testo"
            ),
        ),
        # Collapsed until used: on a phone the first entries come right after the search box.
        rx.el.details(
            rx.el.summary("Altri filtri: stato, area, tema, verifica, ordine"),
            rx.el.div(
                _select("stato", "Stato", STATUS_OPTIONS, s.f_status),
                _select(
                    "area", "Area", [("", "Tutte le aree")] + [(c, category_label(c)) for c in CATEGORIES], s.f_area
                ),
                _select("tema", "Tema", [("", "Tutti i temi")] + [(t, topic_label(t)) for t in TOPICS], s.f_topic),
                _select(
                    "verifica", "Verifica", [("", "Tutte"), ("da_verificare", "Solo da verificare")], s.f_verification
                ),
                _select("ordine", "Ordina per", list(SORT_LABELS.items()), s.f_order),
                class_name="st-filters-more",
            ),
            open=s.filtered,
            class_name="st-filters-details",
        ),
        rx.el.div(
            button("Applica", type="submit"),
            rx.cond(s.filtered, button("Azzera", on_click=s.clear_filters, kind="secondary")),
            class_name="st-actions",
        ),
        on_submit=s.apply_filters,
        key=s.filters_key,
        class_name="st-filters st-form",
        role="search",
        aria_label="Filtra le voci",
    )


def row(e) -> rx.Component:
    # data-label: on a phone each row becomes a card whose cells name their column (staff.css .st-stack).
    return rx.el.tr(
        rx.el.td(
            link(e.title, "/staff/voce?id=" + e.id.to_string()),
            rx.cond(e.example, rx.el.span(" ", badge("esempio", "example"))),
            class_name="st-stack-title",
        ),
        stack_cell("Area", e.area),
        stack_cell("Età", e.ages),
        stack_cell("Stato", badge(e.status_label, e.status)),
        stack_cell("Verificata il", e.reviewed, rx.cond(e.stale, rx.el.span(" ", badge("da verificare", "stale")))),
    )


def _funzione(f) -> rx.Component:
    return rx.el.li(
        rx.el.strong(f[0]),
        rx.cond(f[1] != "", rx.el.span(" (", f[1], ")", class_name="st-muted")),
        " · ",
        rx.cond(
            f[3] != "",
            link("Già descritta: apri la voce", f[3]),
            link("Aggiungi i vostri dettagli", f[2], aria_label="Aggiungi i vostri dettagli: " + f[0]),
        ),
    )


def funzioni_panel() -> rx.Component:
    """What every centre does by regional rule: the centre adds its own times, place and cost as an entry."""
    return rx.el.details(
        rx.el.summary("Funzioni regionali del centro: aggiungi i vostri dettagli"),
        rx.el.p(
            "Le famiglie vedono queste funzioni su ogni Carta, come le descrivono le regole regionali. "
            "Aggiungendo orari, luogo e costo ne fate una vostra voce confermata.",
            class_name="st-muted",
        ),
        rx.el.ul(rx.foreach(StaffEntriesState.funzioni, _funzione), class_name="st-list"),
        class_name="st-funzioni",
    )


def _counts() -> rx.Component:
    """How many entries per state; the stale ones as a button that filters them."""
    s = StaffEntriesState
    return rx.el.p(
        s.n_published.to_string()
        + " pubblicate · "
        + s.n_draft.to_string()
        + " bozze · "
        + s.n_archived.to_string()
        + " archiviate",
        rx.cond(
            s.n_stale > 0,
            rx.fragment(
                " · ",
                rx.el.button(
                    s.n_stale.to_string() + " da verificare",
                    on_click=s.show_stale,
                    class_name="st-btn small secondary",
                    type="button",
                ),
            ),
        ),
    )


def _actions() -> rx.Component:
    """The centre's other pages."""
    s = StaffEntriesState
    return rx.el.div(
        link("+ Nuova voce", "/staff/voce/nuova?centro=" + s.centro_id.to_string(), class_name="st-btn"),
        link(
            "Importa / esporta CSV",
            "/staff/importa?centro=" + s.centro_id.to_string(),
            class_name="st-btn secondary",
        ),
        link("Dati del centro", "/staff/centro?id=" + s.centro_id.to_string(), class_name="st-btn secondary"),
        link("Segnalazioni", "/staff/segnalazioni?centro=" + s.centro_id.to_string(), class_name="st-btn secondary"),
        rx.cond(
            s.is_regione,
            link("Comuni serviti", "/staff/comuni?centro=" + s.centro_id.to_string(), class_name="st-btn secondary"),
        ),
        class_name="st-actions",
    )


def _listed() -> rx.Component:
    """The number of entries listed, read out when the filters change it."""
    s = StaffEntriesState
    return rx.el.p(
        rx.cond(s.rows.length() == 1, "1 voce", s.rows.length().to_string() + " voci"),
        " in elenco",
        rx.cond(s.filtered, " (con i filtri scelti)", ""),
        ".",
        role="status",
        class_name="st-muted",
    )


def _table() -> rx.Component:
    s = StaffEntriesState
    return rx.cond(
        s.rows.length() > 0,
        rx.el.table(
            rx.el.thead(
                rx.el.tr(
                    rx.el.th("Titolo", scope="col"),
                    rx.el.th("Area", scope="col"),
                    rx.el.th("Età", scope="col"),
                    rx.el.th("Stato", scope="col"),
                    rx.el.th("Verificata il", scope="col"),
                )
            ),
            rx.el.tbody(rx.foreach(s.rows, row)),
            class_name="st-table st-stack",
        ),
        rx.el.p(
            rx.cond(
                s.filtered,
                "Nessuna voce corrisponde ai filtri.",
                "Questo centro non ha ancora voci: crea la prima.",
            ),
            class_name="st-msg warn",
        ),
    )


def page() -> rx.Component:
    s = StaffEntriesState
    return staff_page(
        rx.el.p(link("← Home", "/staff"), class_name="st-crumbs"),
        rx.el.h1("Voci della Carta: ", s.centro_name),
        _counts(),
        _actions(),
        funzioni_panel(),
        filters(),
        _listed(),
        _table(),
    )
