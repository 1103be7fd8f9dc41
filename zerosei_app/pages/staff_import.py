"""/staff/importa?centro=<id>: CSV import and export of a centre's card."""

from __future__ import annotations

import reflex as rx

from zerosei_app.components.staff_import_view import plan_view, upload_box
from zerosei_app.components.staff_layout import button, link, staff_page
from zerosei_app.domain.csv_entries import COLUMNS
from zerosei_app.state.staff_import import UPLOAD_ID
from zerosei_app.state.staff_import import StaffImportState as S
from zerosei_app.view.staff_import_common import paste_hint, paste_limit


def page() -> rx.Component:
    return staff_page(
        rx.el.p(link("← Voci del centro", "/staff/voci?centro=" + S.centro_id.to_string()), class_name="st-crumbs"),
        rx.el.h1("Importa ed esporta: ", S.centro_name),
        rx.el.section(
            rx.el.h2("Esporta la Carta"),
            rx.el.p(
                "Scarica tutte le voci (anche bozze e archiviate) in un file che Excel apre direttamente. "
                "Puoi modificarlo e reimportarlo qui: le righe con ID aggiornano le voci esistenti, quelle senza ID diventano voci nuove.",
                class_name="st-muted",
            ),
            button("Scarica il file CSV", on_click=S.export, kind="secondary"),
        ),
        rx.el.section(
            rx.el.h2("Importa voci da un file CSV"),
            rx.cond(
                S.rows.length() > 0,
                plan_view(S, S.commit, S.cancel),
                rx.fragment(
                    rx.el.p(
                        "Formato: CSV in UTF-8 o salvato da Excel («CSV UTF-8» o «CSV delimitato da ;»). Colonne: ",
                        ", ".join(c.header for c in COLUMNS),
                        ". Obbligatorie: Titolo, In breve, Area, Età da (mesi), Età fino a (mesi). "
                        "Le voci nuove entrano come bozze se la colonna Stato è vuota.",
                        class_name="st-muted",
                    ),
                    upload_box(UPLOAD_ID, S.upload, on_rejected=S.file_rejected),
                    rx.el.details(
                        rx.el.summary("Oppure incolla il testo del file"),
                        rx.el.form(
                            rx.el.label("Contenuto CSV", html_for="paste-csv"),
                            rx.el.textarea(id="paste-csv", name="csv", rows=8, max_length=paste_limit() + 1),
                            rx.el.p(paste_hint(paste_limit()), class_name="st-muted"),
                            rx.el.div(button("Controlla", type="submit"), class_name="st-actions"),
                            on_submit=S.paste,
                            class_name="st-form",
                        ),
                    ),
                    rx.cond(S.done != "", rx.el.p(S.done, class_name="st-msg ok")),
                ),
            ),
        ),
    )
