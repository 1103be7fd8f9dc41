"""The one place where staff permissions are checked.

Every staff event handler (state/staff_base.py::staff_event) starts with `require_user`
on the token from the session cookie, then names the centre or row it touches with
`require_centro` / `require_entry` / `require_report`, or needs `require_regione`.
Ids from the browser are only lookup keys: the centre a row belongs to is read from
the database, never taken from the request.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlmodel import Session, col, select

from zerosei_app.auth.sessions import find_session
from zerosei_app.domain.permissions import REGIONE, can_edit_centro, can_manage
from zerosei_app.models import CardEntry, Centro, ErrorReport, StaffMembership

LOGIN_NEEDED = "La sessione è scaduta o non è valida: accedi di nuovo per continuare."
NOT_YOURS = "Non hai i permessi per questo centro (o il centro non esiste)."
REGIONE_ONLY = "Solo l'ufficio regionale può farlo."
NOT_FOUND = "Elemento non trovato: forse è stato spostato. Ricarica la pagina."


class Denied(Exception):
    """A refused call: nothing was changed. `reason` is login | forbidden | regione."""

    def __init__(self, reason: str, message: str):
        super().__init__(message)
        self.reason = reason
        self.message = message


@dataclass(frozen=True)
class StaffContext:
    user_id: int
    session_id: int
    name: str
    email: str
    role: str
    centro_ids: frozenset[int]  # memberships (the Regione may edit every centre regardless)

    @property
    def is_regione(self) -> bool:
        return self.role == REGIONE


def require_user(db: Session, token: str | None, now: datetime) -> StaffContext:
    found = find_session(db, token, now)
    if found is None:
        raise Denied("login", LOGIN_NEEDED)
    sess, user = found
    centri = frozenset(db.exec(select(StaffMembership.centro_id).where(StaffMembership.user_id == user.id)).all())
    return StaffContext(user.id, sess.id, user.name, user.email, user.role, centri)


def require_regione(ctx: StaffContext) -> None:
    if not can_manage(ctx.role):
        raise Denied("regione", REGIONE_ONLY)


def require_centro(db: Session, ctx: StaffContext, centro_id: int | None) -> Centro:
    centro = db.get(Centro, centro_id) if isinstance(centro_id, int) else None
    if centro is None or not can_edit_centro(ctx.role, ctx.centro_ids, centro.id, centro.is_active):
        raise Denied("forbidden", NOT_YOURS)
    return centro


def require_entry(db: Session, ctx: StaffContext, entry_id: int | None) -> CardEntry:
    entry = db.get(CardEntry, entry_id) if isinstance(entry_id, int) else None
    if entry is None:
        # Same words as for another centre's entry: ids reveal nothing.
        raise Denied("forbidden", NOT_YOURS)
    require_centro(db, ctx, entry.centro_id)
    return entry


def require_report(db: Session, ctx: StaffContext, report_id: int | None) -> ErrorReport:
    report = db.get(ErrorReport, report_id) if isinstance(report_id, int) else None
    if report is None:
        raise Denied("forbidden", NOT_YOURS)
    require_centro(db, ctx, report.centro_id)
    return report


def editable_centro_ids(db: Session, ctx: StaffContext) -> list[int]:
    """Centres this user may open: every one for the Regione, else their own open centres."""
    if ctx.is_regione:
        return list(db.exec(select(Centro.id).order_by(col(Centro.id))).all())
    if not ctx.centro_ids:
        return []
    return list(
        db.exec(
            select(Centro.id)
            .where(col(Centro.id).in_(list(ctx.centro_ids)), col(Centro.is_active).is_(True))
            .order_by(col(Centro.id))
        ).all()
    )
