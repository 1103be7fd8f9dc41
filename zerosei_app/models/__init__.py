"""All tables; importing this package registers them on SQLModel.metadata."""

from zerosei_app.models.audit import AuditRecord
from zerosei_app.models.card_entry import CardEntry, EntryStatus
from zerosei_app.models.centro import Centro, Copertura, OrigineCopertura, StatoVerifica
from zerosei_app.models.centro_slug import CentroSlugStorico
from zerosei_app.models.chiusura import Chiusura
from zerosei_app.models.data_version import DataVersion
from zerosei_app.models.entry_session import EntrySession
from zerosei_app.models.error_report import ErrorReport, ReportKind, ReportStatus
from zerosei_app.models.geography import Comune, ComuneEnteGestore, EnteGestore
from zerosei_app.models.staff import LoginAttempt, Role, StaffMembership, StaffSession, StaffUser

__all__ = [
    "AuditRecord",
    "CardEntry",
    "Centro",
    "CentroSlugStorico",
    "Chiusura",
    "Comune",
    "ComuneEnteGestore",
    "Copertura",
    "DataVersion",
    "EnteGestore",
    "EntrySession",
    "EntryStatus",
    "ErrorReport",
    "LoginAttempt",
    "OrigineCopertura",
    "ReportKind",
    "ReportStatus",
    "Role",
    "StaffMembership",
    "StaffSession",
    "StaffUser",
    "StatoVerifica",
]
