"""Temporary closures as staff read them in the centre page and the entry editor (no Reflex)."""

from __future__ import annotations

from datetime import date

from zerosei_app.domain import clock
from zerosei_app.domain.chiusure import is_active
from zerosei_app.models import Chiusura


def chiusura_row(c: Chiusura, titles: dict[int, str], today: date) -> dict[str, str]:
    """{id, periodo, reason, chi, quando}: "dal 01/08/2027 al 31/08/2027", who is closed, and when in words."""
    if is_active(c, today):
        quando = "in corso: le famiglie lo vedono"
    else:
        days = (c.starts_on - today).days
        quando = f"tra {days} giorni" if days != 1 else "da domani"
    return {
        "id": str(c.id),
        "periodo": f"dal {clock.day(c.starts_on)} al {clock.day(c.ends_on)}",
        "reason": c.reason or "(nessun motivo indicato)",
        "chi": "tutto il centro" if c.entry_id is None else f"la voce «{titles.get(c.entry_id, c.entry_id)}»",
        "quando": quando,
    }


def added_message(c: Chiusura) -> str:
    return (
        f"Chiusura salvata: dal {clock.day(c.starts_on)} al {clock.day(c.ends_on)}. Le famiglie la vedono nel percorso, "
        "nella Carta e nella stampa dai 14 giorni prima; gli appuntamenti di quei giorni non compaiono."
    )
