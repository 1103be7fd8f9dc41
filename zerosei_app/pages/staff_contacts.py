"""/staff/recapiti (Regione): official contacts of enti gestori and comuni, shown to families when a centre has none."""

from __future__ import annotations

import reflex as rx

from zerosei_app.components.staff_fields import text_field
from zerosei_app.components.staff_layout import button, link, staff_page
from zerosei_app.state.staff_contacts import StaffContactsState as S


def _pickers() -> rx.Component:
    return rx.el.div(
        rx.el.form(
            rx.el.label("Ente gestore", html_for="rc-ente", class_name="st-label"),
            rx.el.div(
                rx.el.select(
                    rx.el.option("— scegli —", value=""),
                    rx.foreach(S.enti_options, lambda o: rx.el.option(o[1], value=o[0])),
                    id="rc-ente",
                    name="ente",
                ),
                button("Apri", type="submit"),
                class_name="st-actions",
            ),
            on_submit=S.open_ente,  # a plain GET form does nothing in the single-page app
            class_name="st-form",
        ),
        rx.el.form(
            rx.el.label("Comune (nome o CAP)", html_for="rc-q", class_name="st-label"),
            rx.el.div(
                rx.el.input(id="rc-q", name="q", type="search", default_value=S.comune_query),
                button("Cerca", type="submit"),
                class_name="st-actions",
            ),
            on_submit=S.search_comune,
            class_name="st-form",
        ),
        rx.cond(
            S.comune_hits.length() > 0,
            rx.el.ul(rx.foreach(S.comune_hits, lambda h: rx.el.li(link(h[1], h[0])))),
        ),
    )


def _form() -> rx.Component:
    v, e = S.form, S.errors
    return rx.el.section(
        rx.el.h2("Recapiti: ", S.title),
        rx.el.p(S.source, class_name="st-muted"),
        rx.el.form(
            text_field("website", "Sito web", v, e, max_length=500, hint="Il primo recapito che le famiglie vedono."),
            rx.el.div(
                text_field("phone", "Telefono", v, e, max_length=80, type_="tel"),
                text_field("email", "E-mail ordinaria", v, e, max_length=254, type_="email"),
                class_name="st-row2",
            ),
            text_field(
                "pec",
                "PEC (posta certificata)",
                v,
                e,
                max_length=254,
                type_="email",
                hint="Mostrata alle famiglie per ultima e spiegata: da un indirizzo normale può rifiutare i messaggi.",
            ),
            text_field("contacts_notes", "Note interne (le famiglie non le vedono)", v, e, max_length=1000, rows=3),
            rx.el.div(button("Salva i recapiti", type="submit"), class_name="st-savebar"),
            key=S.form_key.to_string(),
            on_submit=S.save,
            class_name="st-form",
            no_validate=True,
        ),
    )


def page() -> rx.Component:
    return staff_page(
        rx.el.h1("Recapiti di enti gestori e comuni"),
        rx.el.p(
            "Quando un centro non ha telefono, e-mail o sito, le famiglie vedono i recapiti del suo ente gestore; "
            "se mancano anche quelli, il sito e la PEC del Comune. Fonte iniziale: IndicePA (AgID).",
            class_name="st-muted",
        ),
        _pickers(),
        rx.cond(S.kind != "", _form()),
    )
