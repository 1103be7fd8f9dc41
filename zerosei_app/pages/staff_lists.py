"""/staff/regione/elenchi (Regione): import the official centres list and coverage."""

from __future__ import annotations

import reflex as rx

from zerosei_app.components.staff_import_view import plan_view, upload_box
from zerosei_app.components.staff_layout import button, link, staff_page
from zerosei_app.domain.csv_centri import CENTRI_COLUMNS, COPERTURA_COLUMNS
from zerosei_app.state.staff_lists_import import UPLOAD_IDS
from zerosei_app.state.staff_lists_import import StaffListsImportState as S
from zerosei_app.view.staff_import_common import paste_hint, paste_limit


def _centri_upload() -> rx.Component:
    return rx.el.section(
        rx.el.h2("1. Elenco dei centri"),
        rx.el.p(
            "Colonne: ",
            ", ".join(c.header for c in CENTRI_COLUMNS),
            ". Obbligatorie: Nome e Comune (nome o codice ISTAT). "
            "Un centro già registrato si riconosce dall'ID o da nome e comune: i suoi dati vengono aggiornati. "
            "Lingue mediazione: codici di 2 lettere separati da virgole (per esempio «ar, ro»); "
            "un file senza questa colonna lascia le lingue registrate.",
            class_name="st-muted",
        ),
        upload_box(UPLOAD_IDS["centri"], S.upload_centri),
        class_name="st-card",
    )


def _copertura_upload() -> rx.Component:
    return rx.el.section(
        rx.el.h2("2. Comuni serviti da ciascun centro"),
        rx.el.p(
            "Colonne: ",
            ", ".join(c.header for c in COPERTURA_COLUMNS),
            " (una riga per ogni coppia centro–comune; "
            "centro per ID o nome, comune per nome o codice ISTAT). Per ogni comune nel file, i collegamenti diventano "
            "esattamente quelli del file: i collegamenti dedotti vengono sostituiti.",
            class_name="st-muted",
        ),
        upload_box(UPLOAD_IDS["copertura"], S.upload_copertura),
        class_name="st-card",
    )


def _paste() -> rx.Component:
    """Either list pasted as text instead of uploaded."""
    return rx.el.details(
        rx.el.summary("Oppure incolla il testo del file"),
        rx.el.form(
            rx.el.label("Che cosa stai importando", html_for="paste-kind"),
            rx.el.select(
                rx.el.option("Elenco dei centri", value="centri"),
                rx.el.option("Comuni serviti", value="copertura"),
                id="paste-kind",
                name="kind",
            ),
            rx.el.label("Contenuto CSV", html_for="paste-csv"),
            rx.el.textarea(id="paste-csv", name="csv", rows=8, max_length=paste_limit() + 1),
            rx.el.p(paste_hint(paste_limit()), class_name="st-muted"),
            rx.el.div(button("Controlla", type="submit"), class_name="st-actions"),
            on_submit=S.paste,
            class_name="st-form",
        ),
    )


def page() -> rx.Component:
    return staff_page(
        rx.el.p(link("← Centri e comuni", "/staff/regione"), class_name="st-crumbs"),
        rx.el.h1("Elenchi ufficiali della Regione"),
        rx.el.p(
            "Importa un file CSV (anche salvato da Excel, con «;»). Prima vedi l'anteprima con gli errori di ogni riga; "
            "niente cambia finché non confermi, e se una riga ha un errore non si importa nulla.",
            class_name="st-muted",
        ),
        rx.cond(
            S.rows.length() > 0,
            plan_view(S, S.commit, S.cancel),
            rx.fragment(_centri_upload(), _copertura_upload(), _paste()),
        ),
        rx.el.h2("Comuni con centro solo dedotto: ", S.n_inferred.to_string()),
        rx.el.p(S.inferred_sample.join(", "), rx.cond(S.n_inferred > 60, " …", ""), class_name="st-muted"),
    )
