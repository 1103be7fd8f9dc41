"""What the accounts page (Regione) lists: the staff accounts and the centres they may be given."""

from __future__ import annotations

from sqlmodel import Session, col, select

from zerosei_app.models import Centro, Comune, StaffMembership, StaffUser


def centri_with_comune(db: Session) -> list[tuple[Centro, str]]:
    """Every centre (open or closed) with its comune's name, by comune."""
    query = (
        select(Centro, Comune.name)
        .join(Comune, col(Comune.codice_istat) == col(Centro.codice_istat))
        .order_by(col(Comune.name))
    )
    return list(db.exec(query).all())


def memberships(db: Session, user_id: int) -> list[int]:
    """The ids of the centres the account works for."""
    return sorted(db.exec(select(StaffMembership.centro_id).where(StaffMembership.user_id == user_id)).all())


def accounts(db: Session) -> list[tuple[StaffUser, list[int]]]:
    """Every account, active ones first, by name, with the ids of its centres."""
    users = db.exec(select(StaffUser).order_by(col(StaffUser.is_active).desc(), col(StaffUser.name))).all()
    return [(u, memberships(db, u.id)) for u in users]


def get_user(db: Session, user_id: int) -> StaffUser | None:
    return db.get(StaffUser, user_id)
