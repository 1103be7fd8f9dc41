"""The Regione's word on which ente gestore serves a comune: the queue of leads (`bassa` research
rows, ComuneEnteGestoreProposta) and setting a comune's ente by hand.

Callers (staff states) check that the user is the Regione (auth/guard.require_regione) before calling.
Every change is audited as entity `comune_ente_gestore` with entity_id = the ISTAT code as a number:
data/enti_comuni.py then never writes that comune again. Coverage follows at once (a known ente
replaces the guessed centre: commands/coverage_update.reapply_rule). The caller commits.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlmodel import Session, col, select

from zerosei_app.domain.vocabulary import StatoProposta
from zerosei_app.models import Comune, ComuneEnteGestoreProposta, EnteGestore


@dataclass(frozen=True)
class Proposta:
    """One lead as the Regione reads it."""

    id: int
    codice_istat: str
    comune: str
    provincia: str
    ente_id: int
    ente: str
    fonte_url: str | None
    fonte_titolo: str | None
    data_fonte: str | None
    evidenza: str | None


def proposte_da_confermare(db: Session) -> list[Proposta]:
    """The queue: every lead not yet decided, by province then comune."""
    rows = db.exec(
        select(ComuneEnteGestoreProposta, Comune, EnteGestore)
        .join(Comune, col(Comune.codice_istat) == col(ComuneEnteGestoreProposta.codice_istat))
        .join(EnteGestore, col(EnteGestore.id) == col(ComuneEnteGestoreProposta.ente_gestore_id))
        .where(ComuneEnteGestoreProposta.stato == StatoProposta.DA_CONFERMARE)
        .order_by(col(Comune.sigla_provincia), col(Comune.nome))
    ).all()
    return [
        Proposta(
            p.id,
            c.codice_istat,
            c.nome,
            c.sigla_provincia,
            e.id,
            e.sigla or e.nome,
            p.fonte_url,
            p.fonte_titolo,
            p.data_fonte,
            p.evidenza,
        )
        for p, c, e in rows
    ]
