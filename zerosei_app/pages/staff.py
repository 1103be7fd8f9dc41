"""Registers the staff pages (/staff…). Every one runs its state's guarded `load` on arrival."""

import reflex as rx

from zerosei_app.pages import (
    staff_account,
    staff_accounts,
    staff_centro,
    staff_contacts,
    staff_coverage,
    staff_enti_comuni,
    staff_entries,
    staff_entry,
    staff_home,
    staff_import,
    staff_lists,
    staff_login,
    staff_regione,
    staff_regione_centri,
    staff_regione_enti,
    staff_reports,
    staff_tappe,
)
from zerosei_app.state.staff_account import StaffAccountState
from zerosei_app.state.staff_accounts import StaffAccountsState
from zerosei_app.state.staff_centro import StaffCentroState
from zerosei_app.state.staff_contacts import StaffContactsState
from zerosei_app.state.staff_coverage import StaffCoverageState
from zerosei_app.state.staff_enti_comuni import StaffEntiComuniState
from zerosei_app.state.staff_entries import StaffEntriesState
from zerosei_app.state.staff_entry import StaffEntryState
from zerosei_app.state.staff_home import StaffHomeState
from zerosei_app.state.staff_import import StaffImportState
from zerosei_app.state.staff_lists_import import StaffListsImportState
from zerosei_app.state.staff_login import StaffLoginState, StaffSetupState
from zerosei_app.state.staff_regione import StaffRegioneState
from zerosei_app.state.staff_regione_centri import StaffRegioneCentriState
from zerosei_app.state.staff_regione_enti import StaffRegioneEntiState
from zerosei_app.state.staff_reports import StaffReportsState
from zerosei_app.state.staff_tappe import StaffTappeState

ROBOTS = [{"name": "robots", "content": "noindex, nofollow"}]

PAGES = (
    ("/staff/login", staff_login.login_page, StaffLoginState.load, "Accesso operatori"),
    ("/staff/attiva", staff_login.setup_page, StaffSetupState.load, "Attiva l'account"),
    ("/staff", staff_home.page, StaffHomeState.load, "Area operatori"),
    ("/staff/voci", staff_entries.page, StaffEntriesState.load, "Voci della Carta"),
    ("/staff/voce", staff_entry.page, StaffEntryState.load_entry, "Modifica voce"),
    ("/staff/voce/nuova", staff_entry.page, StaffEntryState.load_new, "Nuova voce"),
    ("/staff/segnalazioni", staff_reports.page, StaffReportsState.load, "Segnalazioni"),
    ("/staff/centro", staff_centro.page, StaffCentroState.load, "Dati del centro"),
    ("/staff/comuni", staff_coverage.page, StaffCoverageState.load, "Comuni serviti"),
    ("/staff/importa", staff_import.page, StaffImportState.load, "Importa ed esporta"),
    ("/staff/regione", staff_regione.page, StaffRegioneState.load, "Centri e comuni"),
    ("/staff/regione/centri", staff_regione_centri.page, StaffRegioneCentriState.load, "Le Carte dei centri"),
    ("/staff/regione/enti", staff_regione_enti.page, StaffRegioneEntiState.load, "Enti gestori dei comuni"),
    ("/staff/regione/elenchi", staff_lists.page, StaffListsImportState.load, "Elenchi ufficiali"),
    ("/staff/regione/enti-comuni", staff_enti_comuni.page, StaffEntiComuniState.load, "Enti gestori da confermare"),
    ("/staff/recapiti", staff_contacts.page, StaffContactsState.load, "Recapiti di enti e comuni"),
    ("/staff/tappe", staff_tappe.page, StaffTappeState.load, "Tappe per le famiglie"),
    ("/staff/utenti", staff_accounts.page, StaffAccountsState.load, "Account del personale"),
    ("/staff/account", staff_account.page, StaffAccountState.load, "Il mio account"),
)


def register(app: rx.App) -> None:
    for route, component, on_load, title in PAGES:
        app.add_page(component, route=route, on_load=on_load, title=f"{title} · ZeroSei", meta=ROBOTS)
