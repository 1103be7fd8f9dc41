"""'Segnala un errore': a button that opens a small form under its card; a thank-you in its place after."""

import reflex as rx

from zerosei_app.components.i18n import t
from zerosei_app.state.report import ReportState as R

KINDS = (
    ("chiuso", "ui.report.kind.chiuso"),
    ("contatti_orari", "ui.report.kind.contatti_orari"),
    ("altro", "ui.report.kind.altro"),
)


def _kind(uid, index: int, value: str, key: str) -> rx.Component:
    radio_id = f"segnala-{uid}-tipo-{index}"
    return rx.el.label(
        rx.el.input(type="radio", name="tipo", value=value, id=radio_id),  # no preselection: no accidental "closed"
        rx.el.span(t(key)),
        html_for=radio_id,
        class_name="choice",
    )


def _form(uid, title) -> rx.Component:
    return rx.el.form(
        rx.el.fieldset(
            rx.el.legend(t("ui.report.what"), class_name="legend"),
            *[_kind(uid, i, value, key) for i, (value, key) in enumerate(KINDS)],
            class_name="report-kinds",
        ),
        rx.el.label(t("ui.report.details"), html_for=f"segnala-{uid}-testo", class_name="label"),
        rx.el.p(t("ui.report.privacy"), id=f"segnala-{uid}-privacy", class_name="field-hint"),
        rx.el.textarea(
            name="testo",
            id=f"segnala-{uid}-testo",
            max_length=1000,
            rows=3,
            aria_describedby=f"segnala-{uid}-privacy",
            class_name="textarea",
        ),
        rx.cond(
            R.error != "",
            rx.el.p(R.error, id=f"segnala-{uid}-errore", class_name="field-error", role="alert", tab_index=-1),
        ),
        rx.el.div(
            rx.el.button(t("ui.report.send"), type="submit", class_name="btn btn-primary"),
            rx.el.button(t("ui.report.cancel"), type="button", on_click=R.close, class_name="btn btn-secondary"),
            class_name="actions",
        ),
        on_submit=R.submit,
        reset_on_submit=False,
        class_name="report-form",
        aria_label=title,
    )


def report_area(uid, centro_id, entry_id, title) -> rx.Component:
    """`entry_id` 0 for a centre card. `title` names what is reported, for the button's accessible name."""
    done = R.done[uid]
    return rx.el.div(
        rx.cond(
            done,
            rx.el.p(done, id=f"segnala-{uid}-esito", class_name="report-done", role="status", tab_index=-1),
            rx.cond(
                R.open_uid == uid,
                _form(uid, title),
                rx.el.button(
                    t("ui.report.open"),
                    rx.el.span(": ", title, class_name="sr-only"),
                    type="button",
                    id=f"segnala-{uid}-apri",
                    aria_expanded="false",
                    on_click=R.open(uid, centro_id, entry_id),
                    class_name="btn-link report-open",
                ),
            ),
        ),
        class_name="report",
    )
