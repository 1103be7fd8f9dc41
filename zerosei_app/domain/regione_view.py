"""The Regione's view of the centres: who has an account, how much of each Carta is confirmed, what to
sort by. Pure rules; queries/regione_view.py reads the numbers.

- Invitation status of a centre: `attivo` (an operatore who has set a password), `invitato` (an account
  waiting for its set-up link to be used), `nessuno`.
- A published entry is confirmed when its centre confirmed it within `review_days` (ZEROSEI_REVIEW_DAYS,
  default 180) and it is not an example; otherwise it is overdue (never confirmed counts as overdue).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime

DEFAULT_REVIEW_DAYS = 180
EXPECTED_CENTRI = 49  # the Regione's own list (regional page, updated to 31 May 2023): data/carta_zerosei_fatti.md

ATTIVO, INVITATO, SCADUTO, NESSUNO = "attivo", "invitato", "scaduto", "nessuno"
INVITATION_LABELS = {
    ATTIVO: "Attivo",
    INVITATO: "Invitato, in attesa",
    SCADUTO: "Invito scaduto",
    NESSUNO: "Nessun account",
}


@dataclass(frozen=True)
class Account:
    is_active: bool
    has_password: bool
    setup_expires_at: datetime | None


def invitation(accounts: Iterable[Account], now: datetime) -> str:
    """The best state among the centre's operatori accounts."""
    states = set()
    for a in accounts:
        if not a.is_active:
            continue
        if a.has_password:
            states.add(ATTIVO)
        elif a.setup_expires_at is not None and a.setup_expires_at > now:
            states.add(INVITATO)
        else:
            states.add(SCADUTO)
    return next((s for s in (ATTIVO, INVITATO, SCADUTO) if s in states), NESSUNO)


def is_confirmed(last_reviewed_on: date | None, is_example: bool, today: date, review_days: int) -> bool:
    return not is_example and last_reviewed_on is not None and (today - last_reviewed_on).days < review_days


SORT_KEYS = ("centro", "account", "pubblicate", "confermate", "da_confermare", "ultima_conferma", "promemoria")
SORT_LABELS = {
    "centro": "Centro",
    "account": "Account",
    "pubblicate": "Pubblicate",
    "confermate": "Confermate",
    "da_confermare": "Da confermare",
    "ultima_conferma": "Ultima conferma",
    "promemoria": "Promemoria",
}
_INVITATION_RANK = {NESSUNO: 0, SCADUTO: 1, INVITATO: 2, ATTIVO: 3}


def sort_key(key: str):
    """How the table sorts by a column: what needs the Regione first (no account, most overdue, oldest)."""
    if key == "account":
        return lambda r: (_INVITATION_RANK.get(r.invitation, 0), r.name)
    if key == "pubblicate":
        return lambda r: (r.published, r.name)
    if key == "confermate":
        return lambda r: (r.confirmed, r.name)
    if key == "da_confermare":
        return lambda r: (-r.to_confirm, r.name)
    if key == "ultima_conferma":
        return lambda r: (r.last_confirmed or date.min, r.name)
    if key == "promemoria":
        return lambda r: (-(r.reminders or 0), r.name)
    return lambda r: (r.provincia, r.comune, r.name)
