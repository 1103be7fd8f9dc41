"""The "Chiusure temporanee" section of the centre page and the entry editor: the closures not over
yet, a form to add one (from, to, reason; which entry on the centre page) and "Togli" on each."""

from __future__ import annotations

import reflex as rx

from zerosei_app.components.staff_fields import select_field, text_field
from zerosei_app.components.staff_layout import button


def _chiusura_item(S, c) -> rx.Component:
    return rx.el.li(
        rx.el.strong(c["periodo"]),
        " · ",
        c["chi"],
        " · ",
        c["reason"],
        " ",
        rx.el.span("(", c["quando"], ")", class_name="st-muted"),
        " ",
        button(
            "Togli",
            on_click=S.remove_chiusura(c["id"]),
            kind="secondary",
            aria_label="Togli la chiusura " + c["periodo"],
        ),
    )


def _chiusure_list(S) -> rx.Component:
    """The closures not over yet, each with its "Togli"."""
    return rx.cond(
        S.chiusure.length() > 0,
        rx.el.ul(rx.foreach(S.chiusure, lambda c: _chiusura_item(S, c)), class_name="st-list"),
        rx.el.p("Nessuna chiusura in programma.", class_name="st-muted"),
    )


def _add_form(S, for_entry: bool) -> rx.Component:
    """From, to, reason and (on the centre page) which entry closes."""
    e, empty = S.chiusura_errors, S.chiusura_values
    picker = (
        rx.fragment()
        if for_entry
        else select_field("entry_id", "Che cosa chiude", S.chiusura_entries, empty, e, empty="Tutto il centro")
    )
    return rx.el.form(
        rx.el.fieldset(
            rx.el.legend("Aggiungi una chiusura"),
            rx.cond(e.contains(""), rx.el.p(e[""], class_name="st-field-error", role="alert")),
            rx.el.div(
                text_field("starts_on", "Primo giorno di chiusura", empty, e, required=True, type_="date"),
                text_field("ends_on", "Ultimo giorno di chiusura", empty, e, required=True, type_="date"),
                class_name="st-row2",
            ),
            text_field(
                "reason",
                "Motivo (le famiglie lo leggono)",
                empty,
                e,
                max_length=200,
                hint="Per esempio: ferie estive; lavori nella sede.",
            ),
            picker,
        ),
        rx.el.div(button("Aggiungi la chiusura", type="submit"), class_name="st-actions"),
        key=S.chiusura_form_key.to_string(),
        on_submit=S.add_chiusura,
        class_name="st-form",
        no_validate=True,
        aria_labelledby="chiusure-titolo",
    )


def chiusure_section(S, for_entry: bool = False, **props) -> rx.Component:
    """`S` has chiusure, chiusura_values, chiusura_form_key, chiusura_errors, chiusura_entries, add_chiusura,
    remove_chiusura. `for_entry`: the entry editor (the entry is the page's: no picker)."""
    return rx.el.section(
        rx.el.h2("Chiusure temporanee", id="chiusure-titolo"),
        rx.el.p(
            "Ferie, lavori, una pausa estiva: le famiglie vedono la chiusura nel percorso, nella Carta e nella "
            "stampa durante il periodo e nei 14 giorni prima; gli appuntamenti con data di quei giorni spariscono "
            "anche dai calendari.",
            rx.el.span(" Qui: solo questa voce; per tutto il centro usa «Dati del centro».") if for_entry else "",
            class_name="st-muted",
        ),
        _chiusure_list(S),
        _add_form(S, for_entry),
        aria_labelledby="chiusure-titolo",
        **props,
    )
