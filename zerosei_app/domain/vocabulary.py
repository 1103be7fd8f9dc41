"""One enum per fixed vocabulary of the domain.

The values are what the database, the API, links and CSV files hold: never change them (StrEnum members are
equal to their values, so stored rows and plain strings compare as before). Labels for people are in
staff_labels.py and the i18n catalogues; docs/GLOSSARY.md explains the words.

Each enum is named after the column it types, in that column's language ("How the code names things" in
docs/GLOSSARY.md): EntryStatus for CardEntry.status, ReportKind/ReportStatus for ErrorReport.kind/status, Role for
StaffUser.role; StatoVerifica for Centro.stato_verifica, OrigineCopertura for Copertura.origine, Confidenza and
PropostaStatus for the ente gestore research. A column renamed by a migration renames its enum with it.
"""

from __future__ import annotations

from enum import StrEnum


class EntryStatus(StrEnum):
    """The life of a voce of the Carta (entry_status.py): draft → published → archived."""

    DRAFT = "draft"
    PUBLISHED = "published"
    ARCHIVED = "archived"


class StatoVerifica(StrEnum):
    """How sure the sources are about a centre (shown to staff and, softened, to parents)."""

    VERIFICATO = "verificato"  # name, place and contacts confirmed by a source
    PARZIALE = "parziale"  # confirmed, but the address or contacts are incomplete
    SOLO_NOME = "solo_nome"  # only the name and comune are known
    INCERTO = "incerto"  # may not be a regional Centro per le famiglie


class OrigineCopertura(StrEnum):
    """Why a centre serves a comune (coverage.py)."""

    ESPLICITO = "esplicito"  # a source (or the Regione) says the centre serves the comune
    ENTE_GESTORE = "ente_gestore"  # same ente gestore as the centre
    INFERITO = "inferito"  # nearest registered centre: to be confirmed by the Regione


class Confidenza(StrEnum):
    """How directly a source says which ente gestore serves a comune (research of 2026-12-06)."""

    ALTA = "alta"  # a complete official list (statute, convention, the consortium's own page)
    MEDIA = "media"  # a secondary but specific source
    BASSA = "bassa"  # indirect: a lead for the Regione to confirm, never shown to parents as fact


class PropostaStatus(StrEnum):
    """A lead about which ente gestore serves a comune, in the Regione's queue."""

    DA_CONFERMARE = "da_confermare"
    CONFERMATA = "confermata"  # became the comune's ComuneEnteGestore
    RESPINTA = "respinta"


class ReportKind(StrEnum):
    """What a parent's segnalazione is about."""

    CHIUSO = "chiuso"  # the service or centre is closed
    CONTATTI_ORARI = "contatti_orari"  # wrong contacts or hours
    ALTRO = "altro"


class ReportStatus(StrEnum):
    """A segnalazione as staff handle it (15 days to answer, review.py)."""

    NUOVA = "nuova"
    IN_LAVORAZIONE = "in_lavorazione"
    RISOLTA = "risolta"


class Role(StrEnum):
    """A staff account's role (permissions.py)."""

    OPERATORE = "operatore"  # edits the centres it belongs to
    REGIONE = "regione"  # manages every centre and account
