"""Italian words the staff screens show for fixed vocabularies (the staff area is Italian).

The words the staff's CSV files read and write (entry status, verification state, areas and topics) are data
and stay in domain/staff_labels.py; the age words are worded in view/wording.py."""

from __future__ import annotations

from zerosei_app.domain.catalog import MAX_AGE_MONTHS, MIN_AGE_MONTHS
from zerosei_app.domain.vocabulary import OrigineCopertura, ReportKind, ReportStatus, Role
from zerosei_app.view.wording import staff_age_words

REPORT_STATUS_LABELS: dict[str, str] = {
    ReportStatus.NUOVA: "Nuova",
    ReportStatus.IN_LAVORAZIONE: "In lavorazione",
    ReportStatus.RISOLTA: "Risolta",
}
REPORT_KIND_LABELS: dict[str, str] = {
    ReportKind.CHIUSO: "Servizio o centro chiuso",
    ReportKind.CONTATTI_ORARI: "Contatti o orari sbagliati",
    ReportKind.ALTRO: "Altro",
}
ORIGINE_LABELS: dict[str, str] = {
    OrigineCopertura.ESPLICITO: "confermato",
    OrigineCopertura.ENTE_GESTORE: "stesso ente gestore",
    OrigineCopertura.INFERITO: "dedotto (centro più vicino)",
}
ROLE_LABELS: dict[str, str] = {Role.OPERATORE: "Operatore di centro", Role.REGIONE: "Ufficio regionale"}

# The entry form's age choices: "9 mesi prima della nascita (-9)" … "6 anni (72)".
AGE_CHOICES: tuple[tuple[int, str], ...] = tuple(
    (m, f"{staff_age_words(m)} ({m})") for m in range(MIN_AGE_MONTHS, MAX_AGE_MONTHS + 1)
)
