"""/staff/centro?id=<id>: the centre's profile."""

from __future__ import annotations

import reflex as rx

from zerosei_app.components.staff_chiusure import chiusure_section
from zerosei_app.components.staff_fields import checkbox, select_field, text_field
from zerosei_app.components.staff_layout import button, link, staff_page
from zerosei_app.domain import languages
from zerosei_app.domain.staff_labels import STATO_VERIFICA_LABELS
from zerosei_app.state.staff_centro import StaffCentroState as S


def admin_fields() -> rx.Component:
    v, e = S.form, S.errors
    return rx.el.fieldset(
        rx.el.legend("Solo per l'ufficio regionale"),
        text_field("name", "Nome del centro", v, e, required=True, max_length=250),
        select_field("ente_gestore_id", "Ente gestore", S.enti_options, v, e, empty="— non indicato —"),
        select_field("stato_verifica", "Stato di verifica dei dati", list(STATO_VERIFICA_LABELS.items()), v, e),
        text_field(
            "internal_notes",
            "Note interne (le famiglie non le vedono)",
            v,
            e,
            max_length=4000,
            rows=5,
            hint="Fonti, dubbi, dati da verificare. Nome, indirizzo e orari di questo modulo sono quelli che le famiglie leggono.",
        ),
        rx.el.input(type="hidden", name="codice_istat", value=v["codice_istat"].to(str)),
    )


def _header() -> tuple[rx.Component, ...]:
    """Crumbs, title, the centre's comune and state, and what these data are for."""
    return (
        rx.el.p(link("← Voci del centro", "/staff/voci?centro=" + S.centro_id.to_string()), class_name="st-crumbs"),
        rx.el.h1("Dati del centro: ", S.centro_name),
        rx.el.p(
            S.comune_name,
            " · dati: ",
            S.verification_label,
            rx.cond(S.active, "", " · CHIUSO (le famiglie non lo vedono)"),
            class_name="st-muted",
        ),
        rx.el.p(
            "Questi dati compaiono nella scheda del centro che le famiglie vedono nel loro percorso.",
            class_name="st-muted",
        ),
    )


def _regione_notes() -> rx.Component:
    """The Regione's internal notes, read-only for the centre's staff (the Regione edits them in the form)."""
    v = S.form
    return rx.cond(
        S.is_regione,
        rx.fragment(),
        rx.cond(
            v["internal_notes"].to(str) != "",
            rx.el.details(
                rx.el.summary("Note interne della Regione (le famiglie non le vedono)"),
                rx.el.p(v["internal_notes"].to(str), class_name="st-muted", style={"white_space": "pre-line"}),
            ),
        ),
    )


def _where_when() -> rx.Component:
    v, e = S.form, S.errors
    return rx.el.fieldset(
        rx.el.legend("Dove e quando"),
        text_field(
            "address",
            "Indirizzo",
            v,
            e,
            max_length=300,
            hint="Via e numero civico; eventuali indicazioni per arrivare.",
        ),
        text_field(
            "hours",
            "Orari di apertura",
            v,
            e,
            max_length=500,
            rows=3,
            hint="Per esempio: lun-ven 9-13; gio anche 14-17.",
        ),
    )


def _fallback_links() -> rx.Component:
    """For the Regione: where the ente's and the comune's contacts (the families' fallback) are edited."""
    return rx.cond(
        S.is_regione,
        rx.el.p(
            rx.cond(
                S.ente_id > 0,
                rx.fragment(
                    link("Recapiti dell'ente gestore", "/staff/recapiti?ente=" + S.ente_id.to_string()),
                    " · ",
                ),
            ),
            link("Recapiti del Comune", "/staff/recapiti?comune=" + S.codice_istat),
            class_name="st-actions",
        ),
    )


def _contacts() -> rx.Component:
    v, e = S.form, S.errors
    return rx.el.fieldset(
        rx.el.legend("Contatti"),
        rx.el.div(
            text_field("phone", "Telefono", v, e, max_length=80, type_="tel"),
            text_field("email", "E-mail", v, e, max_length=254, type_="email"),
            class_name="st-row2",
        ),
        text_field("website", "Sito web", v, e, max_length=500),
        rx.el.p(
            "Senza telefono, e-mail o sito del centro, le famiglie vedono i recapiti dell'ente gestore e, "
            "se mancano anche quelli, il sito e la PEC del Comune.",
            class_name="st-muted",
        ),
        _fallback_links(),
    )


def _mediation() -> rx.Component:
    """The languages of the centre's cultural mediators: the same picker as an entry's languages."""
    v, e = S.form, S.errors
    return rx.el.fieldset(
        rx.el.legend("Mediazione culturale: lingue"),
        rx.el.p(
            "Spunta le lingue in cui il centro può offrire un mediatore culturale. Le famiglie che cercano "
            "servizi nella loro lingua vedono il centro con questa indicazione. Nessuna spunta: non indicato.",
            class_name="st-hint",
            id="mediazione-hint",
        ),
        rx.el.div(
            *[checkbox(f"{languages.MEDIATION_PREFIX}{code}", languages.label(code), v) for code in languages.CODES],
            class_name="st-checks",
            role="group",
            aria_describedby="mediazione-hint",
            id="f-mediation_languages",
        ),
        text_field(
            languages.MEDIATION_OTHER_FIELD,
            "Altre lingue (codici di 2 lettere)",
            v,
            e,
            max_length=60,
            hint="Solo per lingue che non sono nell'elenco, per esempio «ta, si».",
        ),
        rx.cond(
            e.contains("mediation_languages"),
            rx.el.p(e["mediation_languages"], id="err-mediation_languages", class_name="st-field-error"),
        ),
    )


def _centre_form() -> rx.Component:
    return rx.el.form(
        rx.cond(S.is_regione, admin_fields()),
        _where_when(),
        _contacts(),
        _mediation(),
        rx.el.div(button("Salva i dati del centro", type="submit"), class_name="st-savebar"),
        key=S.form_key.to_string(),
        on_submit=S.save,
        class_name="st-form",
        no_validate=True,
    )


def _confirm_contacts() -> rx.Component:
    return rx.el.section(
        rx.el.h2("Conferma dei recapiti"),
        rx.el.p(
            rx.cond(
                S.contacts_confirmed != "",
                "Ultima conferma del centro: " + S.contacts_confirmed + ".",
                "Il centro non ha ancora confermato i suoi recapiti.",
            ),
            " Vanno confermati almeno ogni ",
            S.review_days.to_string(),
            " giorni: se i recapiti salvati qui sopra sono giusti, confermali.",
            id="contatti-confermati",
        ),
        rx.el.div(
            button("Confermo che i recapiti salvati sono ancora validi", on_click=S.confirm_contacts, kind="secondary"),
            class_name="st-actions",
        ),
        class_name="st-card",
    )


def _close_confirm() -> rx.Component:
    """The question asked before closing: what closing does to families and comuni."""
    return rx.el.div(
        rx.el.p(
            "Chiudere il centro? Le famiglie non lo vedranno più; le sue voci restano salvate e i comuni "
            "che restano senza centro vengono collegati al centro aperto più vicino. Puoi riaprirlo quando vuoi."
        ),
        rx.el.div(
            button("Sì, chiudi il centro", on_click=S.set_open(False), kind="danger"),
            button("Annulla", on_click=S.cancel_close, kind="secondary"),
            class_name="st-actions",
        ),
        class_name="st-msg warn",
        style={"display": "block"},
        role="alert",
    )


def _open_close() -> rx.Component:
    return rx.cond(
        S.active,
        rx.cond(
            S.confirm_close,
            _close_confirm(),
            button("Chiudi il centro…", on_click=S.ask_close, kind="danger"),
        ),
        button("Riapri il centro", on_click=S.set_open(True)),
    )


def _coverage_and_opening() -> rx.Component:
    """For the Regione: the comuni this centre serves, and closing or reopening it."""
    return rx.cond(
        S.is_regione,
        rx.el.section(
            rx.el.h2("Comuni serviti e apertura"),
            rx.el.div(
                link(
                    "Comuni serviti da questo centro",
                    "/staff/comuni?centro=" + S.centro_id.to_string(),
                    class_name="st-btn secondary",
                ),
                class_name="st-actions",
            ),
            _open_close(),
            rx.cond(
                S.relinked.length() > 0,
                rx.el.p("Comuni collegati di nuovo: ", S.relinked.join(", "), class_name="st-muted"),
            ),
        ),
    )


def page() -> rx.Component:
    return staff_page(
        *_header(),
        _regione_notes(),
        _centre_form(),
        _confirm_contacts(),
        chiusure_section(S),
        _coverage_and_opening(),
    )
