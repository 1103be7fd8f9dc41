"""Which comuni a centre serves, read: its links, the comuni left without an open centre or still guessed
(the Regione's edits: commands/staff_coverage.py)."""

from __future__ import annotations

from sqlmodel import Session, col, select

from zerosei_app.domain.vocabulary import OrigineCopertura
from zerosei_app.models import Centro, Comune, ComuneEnteGestore, Copertura


def served(db: Session, centro_id: int) -> list[tuple[Comune, Copertura]]:
    return list(
        db.exec(
            select(Comune, Copertura)
            .join(Copertura, col(Copertura.codice_istat) == col(Comune.codice_istat))
            .where(Copertura.centro_id == centro_id)
            .order_by(col(Comune.name))
        ).all()
    )


def without_open_centre(db: Session) -> list[str]:
    served_by_open = (
        select(Copertura.codice_istat)
        .join(Centro, col(Centro.id) == col(Copertura.centro_id))
        .where(col(Centro.is_active).is_(True))
    )
    return list(db.exec(select(Comune.codice_istat).where(col(Comune.codice_istat).not_in(served_by_open))).all())


def uncovered_comuni(db: Session) -> list[str]:
    """Comuni a family could reach nobody from: no open centre and no known ente gestore."""
    known_ente = set(db.exec(select(ComuneEnteGestore.codice_istat)).all())
    return [c for c in without_open_centre(db) if c not in known_ente]


def still_inferred(db: Session) -> list[Comune]:
    """Comuni whose every link is a guess (what the Regione still has to confirm)."""
    known = select(Copertura.codice_istat).where(Copertura.origine != OrigineCopertura.INFERITO)
    guessed = select(Copertura.codice_istat).where(Copertura.origine == OrigineCopertura.INFERITO)
    return list(
        db.exec(
            select(Comune)
            .where(col(Comune.codice_istat).not_in(known), col(Comune.codice_istat).in_(guessed))
            .order_by(col(Comune.name))
        ).all()
    )
