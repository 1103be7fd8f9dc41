"""All tables; importing this package registers them on SQLModel.metadata."""

from zerosei_app.models.audit import AuditRecord
from zerosei_app.models.card_entry import CardEntry, EntryStatus
from zerosei_app.models.centro import Centro, Copertura, OrigineCopertura, StatoVerifica
from zerosei_app.models.centro_slug import CentroSlugHistory
from zerosei_app.models.chiusura import Chiusura
from zerosei_app.models.data_version import DataVersion
from zerosei_app.models.entry_session import EntrySession
from zerosei_app.models.error_report import ErrorReport, ReportKind, ReportStatus
from zerosei_app.models.geography import (
    Comune,
    ComuneEnteGestore,
    ComuneEnteGestoreProposta,
    Confidenza,
    EnteGestore,
    PropostaStatus,
)
from zerosei_app.models.mail import MailOutbox
from zerosei_app.models.review import ReviewConfirmation, ReviewReminder
from zerosei_app.models.staff import LoginAttempt, Role, StaffMembership, StaffSession, StaffUser
from zerosei_app.models.tappa import Tappa

__all__ = [
    "AuditRecord",
    "CardEntry",
    "Centro",
    "CentroSlugHistory",
    "Chiusura",
    "Comune",
    "ComuneEnteGestore",
    "ComuneEnteGestoreProposta",
    "Confidenza",
    "Copertura",
    "DataVersion",
    "EnteGestore",
    "EntrySession",
    "EntryStatus",
    "ErrorReport",
    "LoginAttempt",
    "MailOutbox",
    "OrigineCopertura",
    "ReportKind",
    "ReportStatus",
    "ReviewConfirmation",
    "ReviewReminder",
    "Role",
    "StaffMembership",
    "StaffSession",
    "StaffUser",
    "PropostaStatus",
    "StatoVerifica",
    "Tappa",
]
