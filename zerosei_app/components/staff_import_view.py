"""The CSV import widgets: the file picker and the dry-run table."""

from __future__ import annotations

import json

import reflex as rx

from zerosei_app.components.staff_layout import badge, button
from zerosei_app.domain.csv_common import MAX_BYTES
from zerosei_app.state.staff_base import StaffState
from zerosei_app.web.reflex_patches import var_js, with_js

ACCEPT = {"text/csv": [".csv"], "text/plain": [".csv", ".txt"], "application/vnd.ms-excel": [".csv"]}
_KIND = {"errore": "nuova", "nuova": "published", "modifica": "in_lavorazione", "invariata": "draft"}


FILE_INPUT_LABEL = "File CSV da importare"


def _label_file_input(upload: rx.Component, label: str) -> rx.Component:
    """Give the drop zone's hidden file input a name (WCAG 4.1.2; axe's `label` rule).

    Reflex spreads react-dropzone's `getInputProps()` on it and takes no props for it; the same call
    accepts props to merge, so the spread becomes `getInputProps({"aria-label": …})`.
    """
    zone = upload.children[0]
    file_input = zone.children[0]
    spread = file_input.special_props[0]
    expr = var_js(spread)
    assert expr.endswith("()"), expr  # Reflex changed how it renders the upload
    file_input.special_props = [with_js(spread, expr[:-2] + f"({{'aria-label': {json.dumps(label)}}})")]
    return upload


def upload_box(upload_id: str, handler, on_rejected=None) -> rx.Component:
    """on_rejected: a handler without arguments for a refused file (wrong type, several files)."""
    return _label_file_input(_upload_box(upload_id, handler, on_rejected), FILE_INPUT_LABEL)


def _upload_box(upload_id: str, handler, on_rejected) -> rx.Component:
    # A page with its own handler keeps saying why across react-dropzone's empty drop; others get the shared one.
    rejected = (lambda _rejected: on_rejected()) if on_rejected is not None else StaffState.upload_refused
    return rx.upload(
        rx.el.p(
            rx.el.strong("Scegli il file CSV"), " (clicca qui o premi Invio) oppure trascinalo in questo riquadro."
        ),
        rx.el.p("Il file viene solo controllato: niente cambia finché non confermi.", class_name="st-muted"),
        id=upload_id,
        accept=ACCEPT,
        max_files=1,
        multiple=False,
        max_size=MAX_BYTES,  # refused in the browser already; the server refuses larger bodies too
        on_drop=handler(rx.upload_files(upload_id=upload_id)),
        on_drop_rejected=rejected,
        class_name="st-drop",
    )


def plan_row(r) -> rx.Component:
    return rx.el.tr(
        rx.el.td(r.line.to_string()),
        rx.el.td(
            rx.match(
                r.action,
                *[
                    (k, badge(label, _KIND[k]))
                    for k, label in (
                        ("errore", "Da correggere"),
                        ("nuova", "Da aggiungere"),
                        ("modifica", "Da aggiornare"),
                        ("invariata", "Invariata"),
                    )
                ],
                rx.el.span(r.action_label),
            )
        ),
        rx.el.td(r.label),
        rx.el.td(rx.cond(r.errors.length() > 0, rx.el.ul(rx.foreach(r.errors, lambda e: rx.el.li(e))), "")),
        class_name=rx.cond(r.action == "errore", "is-error", ""),
    )


def plan_view(s, commit, cancel) -> rx.Component:
    return rx.el.section(
        rx.el.h2("Anteprima dell'importazione: ", s.file_name),
        rx.el.p(rx.el.strong(s.plan_summary), role="status"),
        rx.cond(
            s.file_errors.length() > 0,
            rx.el.div(
                rx.el.ul(rx.foreach(s.file_errors, lambda e: rx.el.li(e))), class_name="st-msg err", role="alert"
            ),
        ),
        rx.cond(
            s.notes.length() > 0,
            rx.el.div(rx.el.ul(rx.foreach(s.notes, lambda e: rx.el.li(e))), class_name="st-msg warn"),
        ),
        rx.cond(
            s.can_commit,
            rx.el.p("Tutte le righe sono valide. Confermando, vengono applicate tutte insieme.", class_name="st-muted"),
            rx.el.p(
                "Correggi il file e caricalo di nuovo: finché ci sono errori non si importa nulla.",
                class_name="st-muted",
            ),
        ),
        rx.el.div(
            button("Conferma l'importazione", on_click=commit, disabled=~s.can_commit),
            button("Annulla e scegli un altro file", on_click=cancel, kind="secondary"),
            class_name="st-actions",
        ),
        rx.el.table(
            rx.el.thead(
                rx.el.tr(
                    rx.el.th("Riga", scope="col"),
                    rx.el.th("Esito", scope="col"),
                    rx.el.th("Voce", scope="col"),
                    rx.el.th("Problemi", scope="col"),
                )
            ),
            rx.el.tbody(rx.foreach(s.rows, plan_row)),
            class_name="st-table",
        ),
    )
