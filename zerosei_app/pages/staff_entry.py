"""/staff/voce?id=<id> and /staff/voce/nuova?centro=<id>: the entry editor."""

from __future__ import annotations

import reflex as rx
from reflex_components_core.core.banner import has_connection_errors

from zerosei_app.components.staff_chiusure import chiusure_section
from zerosei_app.components.staff_fields import checkbox, select_field, text_field
from zerosei_app.components.staff_layout import badge, button, link, staff_page
from zerosei_app.components.staff_preview import entry_preview
from zerosei_app.components.staff_sessions import sessions_panel
from zerosei_app.domain import languages
from zerosei_app.domain.catalog import CATEGORIES, TOPICS
from zerosei_app.domain.entry_form import CONFIRM_FIELD
from zerosei_app.domain.entry_status import ACTION_LABELS
from zerosei_app.domain.staff_labels import category_label, topic_label
from zerosei_app.state.staff_entry import StaffEntryState as S
from zerosei_app.state.staff_entry_chiusure import StaffEntryChiusureState as C
from zerosei_app.view.staff_labels import AGE_CHOICES

AGE_OPTIONS = [(str(m), label) for m, label in AGE_CHOICES]
CATEGORY_OPTIONS = [(c, category_label(c)) for c in CATEGORIES]


def _action_button(action) -> rx.Component:
    """The button of one allowed status change (publish, archive…)."""
    return rx.match(
        action,
        *[
            (
                a,
                button(
                    label,
                    on_click=S.change_status(a),
                    kind="danger" if a == "archive" else ("" if a == "publish" else "secondary"),
                ),
            )
            for a, label in ACTION_LABELS.items()
        ],
        rx.fragment(),
    )


def _status_line() -> rx.Component:
    return rx.el.p(
        "Stato: ",
        badge(S.status_label, S.status),
        rx.cond(S.is_example, rx.el.span(" ", badge("esempio da confermare", "example"))),
        rx.cond(S.stale, rx.el.span(" ", badge("da verificare", "stale"))),
        " · versione ",
        S.version.to_string(),
        " · ",
        rx.cond(S.reviewed_on != "", "verificata il " + S.reviewed_on, "mai verificata"),
    )


def _status_actions() -> rx.Component:
    return rx.el.div(
        rx.foreach(S.actions, _action_button),
        button(
            "Conferma i dati…",
            on_click=S.ask_review,
            kind="secondary",
            aria_expanded=rx.cond(S.confirm_open, "true", "false"),
            aria_controls="conferma-dati",
        ),
        class_name="st-actions",
    )


def _status_notes() -> tuple[rx.Component, ...]:
    """What families see of an example, a draft or an archived entry."""
    return (
        rx.cond(
            S.is_example,
            rx.el.p(
                "È un esempio: le famiglie la vedono come non ancora confermata dal centro. "
                "Quando il centro ha controllato i dati, spunta «Confermata dal centro» in fondo al modulo e salva "
                "(oppure usa «Conferma i dati…»): l'etichetta «Esempio» sparisce.",
                class_name="st-muted",
            ),
        ),
        rx.cond(
            S.status == "draft",
            rx.el.p("Le famiglie non vedono le bozze: pubblica la voce quando è pronta.", class_name="st-muted"),
        ),
        rx.cond(
            S.status == "archived",
            rx.el.p(
                "Le famiglie non vedono le voci archiviate. Puoi ripristinarla quando vuoi.", class_name="st-muted"
            ),
        ),
    )


def status_panel() -> rx.Component:
    return rx.el.section(
        _status_line(),
        _status_actions(),
        confirm_panel(),
        *_status_notes(),
        aria_label="Stato della voce",
    )


def confirm_panel() -> rx.Component:
    """What "Confermo" confirms: the saved entry as families read it, then an explicit choice."""
    return rx.cond(
        S.confirm_open,
        rx.el.section(
            rx.el.h2("Confermi questi dati?", id="conferma-dati-titolo"),
            rx.el.p(
                "Leggi la voce come è salvata. Confermando dici alle famiglie che il centro ha controllato oggi "
                "tutti questi dati. Se qualcosa non va, annulla e correggi il modulo."
            ),
            rx.el.dl(
                rx.foreach(
                    S.confirm_summary,
                    lambda r: rx.el.div(rx.el.dt(r[0]), rx.el.dd(r[1], class_name="st-pre"), class_name="st-kv"),
                ),
                class_name="st-summary",
            ),
            rx.el.div(
                button("Confermo: questi dati sono corretti oggi", on_click=S.review, id="confermo-btn"),
                button("Annulla", on_click=S.cancel_review, kind="secondary"),
                class_name="st-actions",
            ),
            class_name="st-msg warn st-block",
            id="conferma-dati",
            tab_index=-1,
            aria_labelledby="conferma-dati-titolo",
        ),
    )


def conflict_panel() -> rx.Component:
    return rx.cond(
        S.conflict,
        rx.el.section(
            rx.el.h2("Qualcun altro ha salvato questa voce"),
            rx.el.p(
                S.conflict_by,
                " l'ha salvata ",
                S.conflict_at,
                ". Le tue modifiche non sono state salvate e sono ancora nel modulo. Ecco cosa è diverso:",
            ),
            rx.el.table(
                rx.el.thead(
                    rx.el.tr(
                        rx.el.th("Campo", scope="col"),
                        rx.el.th("Versione salvata", scope="col"),
                        rx.el.th("La tua versione", scope="col"),
                    )
                ),
                rx.el.tbody(
                    rx.foreach(
                        S.conflict_diff,
                        lambda d: rx.el.tr(
                            rx.el.td(d.field),
                            rx.el.td(d.saved, class_name="st-pre"),
                            rx.el.td(d.mine, class_name="st-pre"),
                        ),
                    )
                ),
                class_name="st-table st-diff",
            ),
            rx.el.div(
                button("Salva comunque le mie modifiche", on_click=S.keep_mine),
                button("Scarta le mie modifiche e carica quella salvata", on_click=S.reload_saved, kind="secondary"),
                class_name="st-actions",
            ),
            rx.el.p(
                "«Salva comunque» applica solo i campi che hai cambiato tu, sopra la versione salvata. "
                "Qualunque cosa scegli, la versione sostituita resta nello storico e si può ripristinare.",
                class_name="st-muted",
            ),
            class_name="st-msg warn st-conflict",
            role="region",
            aria_label="Conflitto di modifica",
            id="conflitto",
            tab_index=-1,
        ),
    )


def entry_form() -> rx.Component:
    v, e = S.form, S.errors
    w = S.mark_dirty.throttle(2000)  # the first keystroke marks the form as changed
    return rx.el.form(
        rx.el.p("I campi con * sono obbligatori.", class_name="st-muted"),
        _what_fields(v, e, w),
        _age_fields(v, e, w),
        _where_fields(v, e, w),
        _contact_fields(v, e, w),
        _confirm_field(v, w),
        _save_bar(),
        id="entry-form",
        key=S.form_key.to_string(),
        on_submit=S.save,
        class_name="st-form",
        no_validate=True,  # our messages, in Italian, beside each field
    )


def _what_fields(v, e, w) -> rx.Component:
    """Title, summary, description, area and topics."""
    return rx.el.fieldset(
        rx.el.legend("Che cos'è"),
        text_field(
            "title",
            "Titolo",
            v,
            e,
            required=True,
            max_length=150,
            on_change=w,
            hint="Breve e chiaro, come lo direbbe una mamma o un papà.",
        ),
        text_field(
            "summary",
            "In breve",
            v,
            e,
            required=True,
            max_length=300,
            rows=2,
            on_change=w,
            hint="Una o due frasi: è quello che le famiglie leggono per primo (max 300 caratteri).",
        ),
        text_field(
            "description",
            "Descrizione",
            v,
            e,
            max_length=4000,
            rows=6,
            on_change=w,
            hint="Facoltativa: i dettagli, mostrati con «Leggi di più». Solo testo.",
        ),
        select_field("category", "Area", CATEGORY_OPTIONS, v, e, required=True, empty="— scegli —", on_change=w),
        rx.el.div(
            rx.el.span("Temi", class_name="st-label", id="topics-label"),
            rx.el.span("Aiutano le famiglie a filtrare: scegli quelli che c'entrano davvero.", class_name="st-hint"),
            rx.el.div(
                *[checkbox(f"tema__{t}", topic_label(t), v, on_change=w) for t in TOPICS],
                class_name="st-checks",
                role="group",
                aria_labelledby="topics-label",
            ),
        ),
    )


def _age_fields(v, e, w) -> rx.Component:
    """The age range, in months (negative: pregnancy)."""
    return rx.el.fieldset(
        rx.el.legend("Per quale età"),
        rx.el.p(
            "L'età si conta in mesi dalla nascita; i numeri negativi sono i mesi di gravidanza "
            "(−9 = inizio gravidanza, 0 = nascita, 72 = 6 anni).",
            class_name="st-muted",
        ),
        rx.el.div(
            select_field("age_min_months", "Da", AGE_OPTIONS, v, e, required=True, on_change=w),
            select_field("age_max_months", "Fino a", AGE_OPTIONS, v, e, required=True, on_change=w),
            class_name="st-row2",
        ),
    )


def _where_fields(v, e, w) -> rx.Component:
    """Who offers it, where, when, at what cost, how to get it."""
    return rx.el.fieldset(
        rx.el.legend("Chi, dove, quando, quanto"),
        text_field(
            "provider",
            "Chi lo offre",
            v,
            e,
            max_length=200,
            on_change=w,
            hint="Il centro stesso o il servizio partner (consultorio, biblioteca…).",
        ),
        text_field("location", "Dove", v, e, max_length=300, on_change=w, hint="Indirizzo o nome del luogo."),
        checkbox("online", "Si svolge (anche) online", v, on_change=w),
        select_field(
            "location_comune",
            "Comune del luogo",
            S.comuni_options,
            v,
            e,
            empty="— nessuno / solo online —",
            on_change=w,
        ),
        text_field(
            "schedule",
            "Quando",
            v,
            e,
            max_length=300,
            on_change=w,
            hint="Per esempio: il martedì 10-12, su appuntamento.",
        ),
        _cost_choice(v, w),
        text_field(
            "cost_note",
            "Costo",
            v,
            e,
            max_length=300,
            on_change=w,
            hint="Obbligatorio se a pagamento: quanto costa, eventuali riduzioni.",
        ),
        text_field(
            "access",
            "Come accedere",
            v,
            e,
            max_length=500,
            rows=2,
            on_change=w,
            hint="Prenotazione, documenti, chi contattare.",
        ),
    )


def _cost_choice(v, w) -> rx.Component:
    """Free, paid or not stated: three radios under one label (nothing is assumed)."""
    return rx.el.div(
        rx.el.span("È gratuito?", class_name="st-label", id="cost-label"),
        rx.el.div(
            rx.el.label(
                rx.el.input(
                    type="radio",
                    name="cost_free",
                    value="si",
                    default_checked=v["cost_free"].to(str) == "si",
                    on_change=w,
                ),
                "Sì, gratuito",
                class_name="st-check",
            ),
            rx.el.label(
                rx.el.input(
                    type="radio",
                    name="cost_free",
                    value="no",
                    default_checked=v["cost_free"].to(str) == "no",
                    on_change=w,
                ),
                "No, a pagamento",
                class_name="st-check",
            ),
            rx.el.label(
                rx.el.input(
                    type="radio",
                    name="cost_free",
                    value="",
                    default_checked=v["cost_free"].to(str) == "",
                    on_change=w,
                ),
                "Non indicato (le famiglie non vedono nulla sul costo)",
                class_name="st-check",
            ),
            role="radiogroup",
            aria_labelledby="cost-label",
        ),
    )


def _contact_fields(v, e, w) -> rx.Component:
    """Phone, e-mail, web site, languages."""
    return rx.el.fieldset(
        rx.el.legend("Contatti"),
        rx.el.div(
            text_field(
                "contact_phone",
                "Telefono",
                v,
                e,
                max_length=80,
                type_="tel",
                on_change=w,
                hint="Anche più numeri: 011 1234567 / 333 1234567",
            ),
            text_field(
                "contact_email",
                "E-mail",
                v,
                e,
                max_length=254,
                type_="email",
                on_change=w,
                hint="Per esempio centro.famiglie@comune.it",
            ),
            class_name="st-row2",
        ),
        text_field(
            "contact_url",
            "Sito web",
            v,
            e,
            max_length=500,
            on_change=w,
            hint="Per esempio www.comune.torino.it/famiglie",
        ),
        _languages_picker(v, e, w),
    )


def _languages_picker(v, e, w) -> rx.Component:
    """Languages by name (each in its own script, with the Italian name); rarer ones as codes."""
    return rx.el.div(
        rx.el.span("Lingue in cui è offerto", class_name="st-label", id="languages-label"),
        rx.el.span(
            "Spunta le lingue in cui le famiglie possono usare il servizio (anche con un mediatore).",
            class_name="st-hint",
        ),
        rx.el.div(
            *[
                checkbox(f"{languages.FIELD_PREFIX}{code}", languages.label(code), v, on_change=w)
                for code in languages.CODES
            ],
            class_name="st-checks",
            role="group",
            aria_labelledby="languages-label",
            id="f-languages",
        ),
        text_field(
            languages.OTHER_FIELD,
            "Altre lingue (codici di 2 lettere)",
            v,
            e,
            max_length=60,
            on_change=w,
            hint="Solo per lingue che non sono nell'elenco, per esempio «ta, si».",
        ),
        rx.cond(e.contains("languages"), rx.el.p(e["languages"], id="err-languages", class_name="st-field-error")),
    )


def _confirm_field(v, w) -> rx.Component:
    """«Confermata dal centro»: only for an entry already saved."""
    return rx.cond(
        S.entry_id != 0,
        rx.el.fieldset(
            rx.el.legend("Conferma del centro"),
            rx.cond(S.confirmed_label != "", rx.el.p("✓ ", S.confirmed_label, class_name="st-confirmed")),
            rx.el.label(
                rx.el.input(
                    type="checkbox",
                    name=CONFIRM_FIELD,
                    id=f"f-{CONFIRM_FIELD}",
                    default_checked=v[CONFIRM_FIELD].to(str) == "on",
                    on_change=w,
                    aria_describedby="conferma-hint",
                ),
                rx.cond(S.confirmed_label != "", "Confermo di nuovo oggi questi dati", "Confermata dal centro"),
                class_name="st-check",
                html_for=f"f-{CONFIRM_FIELD}",
            ),
            rx.el.span(
                rx.cond(
                    S.is_example,
                    "Il centro ha controllato questi dati: al salvataggio la voce non è più un esempio "
                    "(tolta l'etichetta «Esempio») e risulta verificata oggi.",
                    "Il centro ha controllato questi dati: al salvataggio la voce risulta verificata oggi.",
                ),
                id="conferma-hint",
                class_name="st-hint",
            ),
            id="conferma",
        ),
    )


def _save_bar() -> rx.Component:
    """Save and preview buttons, and whether the form is saved."""
    return rx.el.div(
        # Which button was used reaches the server before the form's data (events are processed in order).
        button(
            rx.cond(
                S.saving,
                "Salvataggio in corso…",
                rx.cond(S.entry_id == 0, "Crea la voce (bozza)", "Salva le modifiche"),
            ),
            type="submit",
            on_click=S.set_intent("save"),
            id="save-btn",
            disabled=S.saving | has_connection_errors,
        ),
        button(
            "Mostra l'anteprima",
            type="submit",
            on_click=S.set_intent("preview"),
            kind="secondary",
            id="preview-btn",
            disabled=has_connection_errors,
        ),
        rx.el.span(
            rx.cond(
                has_connection_errors,
                "Connessione persa: le modifiche NON sono salvate",
                rx.cond(S.saving, "", rx.cond(S.dirty, "Modifiche non salvate", S.saved_note)),
            ),
            class_name=rx.cond(
                has_connection_errors,
                "st-savestate offline",
                rx.cond(S.dirty, "st-savestate dirty", "st-savestate saved"),
            ),
            role="status",
            aria_live="polite",
            id="save-state",
        ),
        class_name="st-savebar",
    )


def history() -> rx.Component:
    return rx.cond(
        S.history.length() > 0,
        rx.el.section(
            rx.el.h2("Storico delle modifiche"),
            rx.el.ol(
                rx.foreach(
                    S.history,
                    lambda h: rx.el.li(
                        rx.el.strong(h.action),
                        " · ",
                        h.when,
                        " · ",
                        h.who,
                        " · versione ",
                        h.version.to_string(),
                        rx.cond(h.changes.length() > 0, rx.el.ul(rx.foreach(h.changes, lambda c: rx.el.li(c)))),
                        rx.cond(
                            h.can_restore,
                            rx.cond(
                                h.original,
                                button(
                                    "Ripristina la versione originale",
                                    on_click=S.restore_original(h.id),
                                    kind="secondary small",
                                ),
                                button("Ripristina questa versione", on_click=S.restore(h.id), kind="secondary small"),
                            ),
                        ),
                    ),
                ),
                class_name="st-history",
            ),
            aria_label="Storico delle modifiche",
        ),
    )


def template_picker() -> rx.Component:
    """ "Parti da un modello": a new draft filled from one of the typical services (staff only, never published as is)."""
    return rx.el.div(
        rx.el.label("Parti da un modello", html_for="modello", class_name="st-label"),
        rx.el.select(
            rx.el.option("— Nessun modello: voce vuota —", value=""),
            rx.foreach(S.template_options, lambda o: rx.el.option(o[1], value=o[0])),
            id="modello",
            name="modello",
            value=S.template_choice,
            on_change=S.pick_template,
        ),
        rx.el.p(
            "Un modello è un servizio tipico di un Centro per le famiglie, scritto come esempio: riempie la bozza "
            "con titolo, testi, area ed età. Le famiglie vedono solo ciò che il tuo centro dichiara: controlla ogni "
            "campo e aggiungi orari, luogo e costo del tuo servizio prima di pubblicare.",
            class_name="st-muted",
        ),
        rx.cond(S.template_title != "", rx.el.p("Bozza dal modello «", S.template_title, "».", role="status")),
        class_name="st-panel",
    )


def page() -> rx.Component:
    return staff_page(
        rx.el.p(
            link(rx.fragment("← Voci di ", S.centro_name), "/staff/voci?centro=" + S.centro_id.to_string()),
            class_name="st-crumbs",
        ),
        rx.el.h1(rx.cond(S.entry_id == 0, "Nuova voce", rx.fragment("Modifica: ", S.form["title"]))),
        rx.cond(S.entry_id != 0, status_panel(), template_picker()),
        conflict_panel(),
        rx.cond(
            S.error_links.length() > 0,
            rx.el.div(
                rx.el.div(
                    rx.el.strong("Da correggere prima di salvare:"),
                    rx.el.ul(
                        rx.foreach(S.error_links, lambda err: rx.el.li(rx.el.a(err.text, href="#" + err.field_id)))
                    ),
                ),
                class_name="st-msg err",
                role="alert",
                id="error-summary",
            ),
        ),
        rx.el.div(
            rx.el.div(entry_form()),
            rx.el.aside(
                rx.cond(
                    S.preview.title != "",
                    entry_preview(S.preview, S.preview_area, S.preview_note),
                    rx.el.p(
                        "L'anteprima di come la vedranno le famiglie compare qui quando premi «Mostra l'anteprima».",
                        class_name="st-muted st-preview",
                    ),
                ),
                class_name="st-side",
            ),
            class_name="st-editor",
        ),
        rx.cond(S.entry_id != 0, sessions_panel()),  # dated sessions (h7-hsds)
        rx.cond(  # this entry suspended for a while (its own state: state/staff_entry_chiusure.py)
            S.entry_id != 0,
            chiusure_section(C, for_entry=True, on_mount=C.load, id="chiusure"),
        ),
        history(),
    )
