"""Who may do what (pure rules; auth/guard.py applies them to the logged-in user)."""

from __future__ import annotations

from collections.abc import Collection

from .vocabulary import Role

OPERATORE = Role.OPERATORE
REGIONE = Role.REGIONE
ROLES = (OPERATORE, REGIONE)


def can_edit_centro(role: str, own_centri: Collection[int], centro_id: int, centro_active: bool) -> bool:
    """The Regione edits every centre, even closed ones; an operatore only its own open centres."""
    if role == REGIONE:
        return True
    return role == OPERATORE and centro_active and centro_id in own_centri


def can_manage(role: str) -> bool:
    """Accounts, centres, coverage and the official lists belong to the Regione."""
    return role == REGIONE
