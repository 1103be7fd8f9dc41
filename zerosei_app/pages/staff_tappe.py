"""/staff/tappe (Regione): the public steps 0-6 on every path, their texts, window, link, source and check."""

from __future__ import annotations

import reflex as rx

from zerosei_app.components.staff_fields import text_field
from zerosei_app.components.staff_layout import button, link, staff_page
from zerosei_app.state.staff_tappe import StaffTappeState as S


def _row(r) -> rx.Component:
    return rx.el.li(link(r[1], r[0]), rx.el.span(" · ", r[2], " · ", r[3], class_name="st-muted"))


def _form() -> rx.Component:
    v, e = S.form, S.errors
    return rx.el.section(
        rx.el.h2(S.title),
        rx.el.p(S.status, class_name="st-muted", id="tappa-stato"),
        rx.el.div(
            button("Confermo: verificato oggi", on_click=S.confirm_today(v["version"]), type="button"),
            rx.el.p(
                "Premi dopo aver controllato la tappa sul sito ufficiale: le famiglie leggono «verificato il» "
                "con la data di oggi al posto di «da verificare».",
                class_name="st-muted",
            ),
            class_name="st-actions",
        ),
        rx.el.form(
            text_field("title", "Titolo", v, e, max_length=150, required=True),
            text_field(
                "summary", "Cos'è (mai importi o scadenze che cambiano ogni anno)", v, e, max_length=400, rows=3
            ),
            rx.el.div(
                text_field("age_min_months", "Da (mesi dalla nascita; -9 = inizio gravidanza)", v, e, type_="number"),
                text_field("age_max_months", "A (mesi; vuoto = fino a 6 anni)", v, e, type_="number"),
                class_name="st-row2",
            ),
            text_field("timing", "Quando", v, e, max_length=300, rows=2),
            text_field("who", "Chi ne risponde", v, e, max_length=200),
            text_field("link", "Sito ufficiale", v, e, max_length=500, type_="url"),
            text_field("source_title", "Fonte: titolo", v, e, max_length=300, required=True),
            text_field("source_url", "Fonte: indirizzo", v, e, max_length=500, type_="url", required=True),
            text_field("source_date", "Fonte: data (2025, 2025-05 o 2025-05-07)", v, e, max_length=10),
            rx.el.input(type="hidden", name="version", value=v["version"]),
            rx.el.div(button("Salva la tappa", type="submit"), class_name="st-savebar"),
            key=S.form_key.to_string(),
            on_submit=S.save,
            class_name="st-form",
            no_validate=True,
        ),
    )


def page() -> rx.Component:
    return staff_page(
        rx.el.h1("Tappe per le famiglie"),
        rx.el.p(
            "Le tappe pubbliche da 0 a 6 anni (INPS, ASL, Comune, scuola) che ogni percorso mostra, con la fonte. "
            "Quelle da verificare dicono alle famiglie «da verificare sul sito ufficiale» finché non le confermate.",
            class_name="st-muted",
        ),
        rx.cond(S.tappa_id != "", _form()),
        rx.el.h2("Tutte le tappe"),
        rx.el.ul(rx.foreach(S.rows, _row), class_name="st-list"),
    )
