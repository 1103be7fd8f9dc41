"""The accounts page (Regione) in words: one row per account, the centres to choose from, the messages."""

from __future__ import annotations

import dataclasses
from datetime import datetime

from zerosei_app.domain.clock import aware, when
from zerosei_app.models import Centro, StaffUser
from zerosei_app.view.staff_labels import ROLE_LABELS

NOT_FOUND = "Account non trovato."
NOT_FOUND_OR_DISABLED = "Account non trovato o disattivato: riattivalo prima."
INVITE_INVALID = "Invito non creato: controlla i campi evidenziati."


@dataclasses.dataclass
class UserRow:
    id: int
    email: str
    name: str
    role_label: str
    centri: str
    active: bool
    status: str
    is_me: bool


def account_status(user: StaffUser, now: datetime) -> str:
    """Active, disabled, or waiting for the person to use their one-time link (still valid or not)."""
    if not user.is_active:
        return "Disattivato"
    if user.password_hash:
        return "Attivo"
    if user.setup_expires_at and aware(user.setup_expires_at) > now:
        return f"In attesa di attivazione (link valido fino al {when(user.setup_expires_at)})"
    return "In attesa di attivazione (link scaduto: creane uno nuovo)"


def centri_options(centri: list[tuple[Centro, str]]) -> list[list[str]]:
    """[id, "comune – nome"], closed centres said so."""
    return [[str(c.id), f"{comune} – {c.name}" + ("" if c.is_active else " (chiuso)")] for c, comune in centri]


def user_rows(
    accounts: list[tuple[StaffUser, list[int]]], centri: list[tuple[Centro, str]], me: int, now: datetime
) -> list[UserRow]:
    names = {c.id: f"{c.name} ({comune})" for c, comune in centri}

    def centri_of(user: StaffUser, ids: list[int]) -> str:
        if user.role == "regione":
            return "tutti i centri"
        return "; ".join(names.get(i, str(i)) for i in ids) or "nessun centro"

    return [
        UserRow(
            u.id,
            u.email,
            u.name,
            ROLE_LABELS.get(u.role, u.role),
            centri_of(u, ids),
            u.is_active,
            account_status(u, now),
            u.id == me,
        )
        for u, ids in accounts
    ]


BULK_INVALID = "Nessun invito creato: correggi le righe indicate e riprova."


def mail_note(settings) -> str:
    """What happens to e-mail on this server, when it is not a real send."""
    if not settings.uses_files:
        return ""
    return (
        "Nessun server di posta configurato (ZEROSEI_SMTP_HOST): gli inviti e i promemoria non partono, "
        f"vengono salvati come file .eml in {settings.outbox_dir} sul server. Manda tu il link alla persona."
    )


def mail_problem(failed) -> str:
    """Messages that could not go out yet: how many, and the last error (it names the setting to check)."""
    if not failed:
        return ""
    last = failed[-1]
    return (
        f"{len(failed)} e-mail non ancora inviate (saranno ritentate ogni 5 minuti). Ultimo errore: "
        f"{last.last_error} Chi gestisce il server può riprovare subito con `zerosei mail flush`."
    )


def _how_sent(settings) -> str:
    return "salvato come file .eml sul server (nessun server di posta)" if settings.uses_files else "mandato per e-mail"


def invited_message(name: str, email: str, settings) -> str:
    return (
        f"Account creato per {name}: invito {_how_sent(settings)} a {email}. Il link vale 7 giorni e una sola volta; "
        "è anche qui sotto, se serve mandarlo in altro modo."
    )


def bulk_message(emails: list[str], settings) -> str:
    return f"{len(emails)} account creati; inviti {'salvati come file .eml' if settings.uses_files else 'mandati per e-mail'}: {', '.join(emails)}."


def new_link_message(email: str) -> str:
    return (
        f"Nuovo link per {email}, mandato anche per e-mail: il precedente non vale più. "
        "La password attuale resta valida finché non viene usato."
    )


def active_message(name: str, active: bool) -> str:
    return f"Account di {name} " + (
        "riattivato." if active else "disattivato: non può più accedere e le sue sessioni sono state chiuse."
    )


def invite_errors(problem: str) -> dict[str, str]:
    """A refused invitation: under the e-mail field when it is about the address, on top otherwise."""
    return {"email": problem} if "e-mail" in problem else {"": problem}
