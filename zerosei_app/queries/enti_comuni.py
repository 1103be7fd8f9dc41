"""The Regione's queue of leads on which ente gestore serves a comune (`bassa` research rows,
ComuneEnteGestoreProposta), as the Regione reads it (deciding them: commands/enti_comuni.py)."""

from __future__ import annotations

from dataclasses import dataclass

from sqlmodel import Session, col, select

from zerosei_app.domain.vocabulary import PropostaStatus
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
    source_url: str | None
    source_title: str | None
    source_date: str | None
    evidence: str | None


def pending_proposte(db: Session) -> list[Proposta]:
    """The queue: every lead not yet decided, by province then comune."""
    rows = db.exec(
        select(ComuneEnteGestoreProposta, Comune, EnteGestore)
        .join(Comune, col(Comune.codice_istat) == col(ComuneEnteGestoreProposta.codice_istat))
        .join(EnteGestore, col(EnteGestore.id) == col(ComuneEnteGestoreProposta.ente_gestore_id))
        .where(ComuneEnteGestoreProposta.status == PropostaStatus.DA_CONFERMARE)
        .order_by(col(Comune.sigla_provincia), col(Comune.name))
    ).all()
    return [
        Proposta(
            p.id,
            c.codice_istat,
            c.name,
            c.sigla_provincia,
            e.id,
            e.short_name or e.name,
            p.source_url,
            p.source_title,
            p.source_date,
            p.evidence,
        )
        for p, c, e in rows
    ]
