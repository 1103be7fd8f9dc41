"""The entry editor's "Appuntamenti" panel: plain controls for dated sessions (no rule text)."""

from __future__ import annotations

import reflex as rx

from zerosei_app.components.staff_layout import button
from zerosei_app.domain.sessions import REPEAT_LABELS, WEEKDAY_NAMES
from zerosei_app.state.staff_sessions import StaffSessionsState as S


def _error(name: str) -> rx.Component:
    return rx.cond(S.errors.contains(name), rx.el.p(S.errors[name], id=f"err-{name}", class_name="st-field-error"))


def _field(name: str, label: str, type_: str, hint: str = "") -> rx.Component:
    return rx.el.div(
        rx.el.label(label, html_for=f"f-{name}"),
        rx.cond(hint != "", rx.el.span(hint, id=f"hint-{name}", class_name="st-hint"), ""),
        rx.el.input(
            type=type_,
            id=f"f-{name}",
            name=name,
            aria_invalid=rx.cond(S.errors.contains(name), "true", "false"),
            aria_describedby=rx.cond(S.errors.contains(name), f"err-{name}", ""),
        ),
        _error(name),
    )


def _weekdays() -> rx.Component:
    return rx.el.fieldset(
        rx.el.legend("Giorni della settimana"),
        *[
            rx.el.label(
                rx.el.input(type="checkbox", name=f"wd_{i}", id=f"f-wd_{i}"),
                name.capitalize(),
                class_name="st-check",
                html_for=f"f-wd_{i}",
            )
            for i, name in enumerate(WEEKDAY_NAMES)
        ],
        rx.cond(
            S.repeat == "monthly",
            rx.el.p(
                "Ogni mese nella stessa settimana del primo giorno (per esempio il primo sabato del mese).",
                class_name="st-hint",
            ),
        ),
        _error("sess_weekdays"),
        class_name="st-weekdays",
        aria_invalid=rx.cond(S.errors.contains("sess_weekdays"), "true", "false"),
    )


def _form() -> rx.Component:
    return rx.el.form(
        rx.el.div(
            rx.el.label("Quando si ripete", html_for="f-sess_repeat"),
            rx.el.select(
                *[rx.el.option(label, value=value) for value, label in REPEAT_LABELS.items()],
                id="f-sess_repeat",
                name="sess_repeat",
                default_value="once",
                on_change=S.set_repeat,
            ),
            _error("sess_repeat"),
        ),
        _field("sess_day", "Giorno (il primo, se si ripete)", "date"),
        rx.el.div(_field("sess_start", "Dalle", "time"), _field("sess_end", "Alle", "time"), class_name="st-row2"),
        rx.cond(
            S.repeat != "once",
            rx.fragment(_weekdays(), _field("sess_until", "Fino al", "date", "L'ultimo giorno in cui si ripete.")),
        ),
        button("Aggiungi appuntamento", type="submit", id="sess-add"),
        key=S.form_key.to_string(),
        on_submit=S.add,
        reset_on_submit=False,
        class_name="st-form st-sessions-form",
        aria_label="Nuovo appuntamento",
    )


def _delete_confirm(r) -> rx.Component:
    return rx.el.div(
        rx.el.p(S.confirm_delete_text),
        rx.el.div(
            button("Sì, elimina", on_click=S.delete(r.id), kind="danger small"),
            button("No, tienili", on_click=S.cancel_delete, kind="secondary small"),
            class_name="st-actions",
        ),
        class_name="st-msg warn st-block",
        role="alert",
    )


def _session_row(r) -> rx.Component:
    """One session series, with "Elimina…" or, once asked, the question that confirms it."""
    return rx.el.li(
        rx.el.span(r.text),
        " ",
        rx.cond(
            S.confirm_delete_id == r.id,
            _delete_confirm(r),
            button("Elimina…", on_click=S.ask_delete(r.id), kind="secondary small", aria_label="Elimina: " + r.text),
        ),
    )


def _sessions() -> rx.Component:
    return rx.cond(
        S.rows.length() > 0,
        rx.el.ul(rx.foreach(S.rows, _session_row), class_name="st-sessions"),
        rx.el.p("Nessun appuntamento con data per questa voce.", class_name="st-muted"),
    )


def _undo() -> rx.Component:
    return rx.cond(
        S.undo_audit_id > 0,
        rx.el.p(
            "Appuntamenti eliminati. ",
            button("Ripristina gli appuntamenti", on_click=S.undo_delete, kind="secondary small"),
            class_name="st-muted",
        ),
    )


def _occurrence(o) -> rx.Component:
    return rx.el.li(
        rx.el.span(o.label),
        " ",
        button(
            "Annulla questa data",
            on_click=S.cancel_occurrence(o.session_id, o.start),
            kind="secondary small",
            aria_label="Annulla l'appuntamento del " + o.label,
        ),
    )


def _next_dates() -> rx.Component:
    """The next dates, each one cancellable on its own."""
    return rx.cond(
        S.next_dates.length() > 0,
        rx.el.div(
            rx.el.h3("Prossime date"),
            rx.el.ul(rx.foreach(S.next_dates, _occurrence), class_name="st-occurrences"),
        ),
    )


def _lists() -> rx.Component:
    return rx.fragment(_sessions(), _undo(), _next_dates())


def sessions_panel() -> rx.Component:
    """Mount it in the editor; it loads itself for the entry in the page's address."""
    return rx.el.section(
        rx.el.h2("Appuntamenti con data e ora"),
        rx.el.p(
            "Per gruppi, incontri e giornate aperte: le famiglie li vedono nel percorso e possono "
            "aggiungerli al calendario. Gli orari sono quelli italiani.",
            class_name="st-hint",
        ),
        rx.cond(
            S.entry_ready,
            rx.fragment(
                _lists(),
                _form(),
                rx.el.p(S.note, role="status", class_name="st-muted"),
            ),
            rx.el.p("Salva la voce per aggiungere appuntamenti.", class_name="st-muted"),
        ),
        id="appuntamenti",
        class_name="st-card st-sessions-panel",
        on_mount=S.load,
    )
