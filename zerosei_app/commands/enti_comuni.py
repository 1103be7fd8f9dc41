"""The Regione's word on which ente gestore serves a comune: the queue of leads (`bassa` research
rows, ComuneEnteGestoreProposta) and setting a comune's ente by hand.

Callers (staff states) check that the user is the Regione (auth/guard.require_regione) before calling.
Every change is audited as entity `comune_ente_gestore` with entity_id = the ISTAT code as a number:
data/enti_comuni.py then never writes that comune again. Coverage follows at once (a known ente
replaces the guessed centre: commands/coverage_update.reapply_rule). The caller commits.
"""

from __future__ import annotations

from datetime import datetime

from sqlmodel import Session

from zerosei_app.commands import audit
from zerosei_app.commands.comune_ente import ENTITY, write_link  # ENTITY: entity_id = int(codice_istat)
from zerosei_app.commands.coverage_update import reapply_rule
from zerosei_app.domain.vocabulary import PropostaStatus
from zerosei_app.models import Comune, ComuneEnteGestore, ComuneEnteGestoreProposta, EnteGestore

REJECT = "reject_lead"  # a rejected lead: the comune stays open to sourced facts


def set_ente_with_source(
    db: Session, codice_istat: str, ente_id: int, user_id: int | None, now: datetime, **source: str | None
) -> ComuneEnteGestore:
    """The Regione says which ente gestore serves a comune (a new row or a correction)."""
    if db.get(Comune, codice_istat) is None or db.get(EnteGestore, ente_id) is None:
        raise ValueError("comune or ente gestore unknown")
    keys = ("name_as_cited", "source_url", "source_title", "reference_date", "evidence", "confidenza")
    row = write_link(db, codice_istat, ente_id, {k: source[k] for k in keys if k in source}, None, user_id, now)
    reapply_rule(db, now)
    return row


def decide_proposta(db: Session, proposta_id: int, confirm: bool, user_id: int | None, now: datetime) -> bool:
    """Confirm a lead (it becomes the comune's ente gestore, with the lead's source) or reject it.
    False when it is unknown or already decided."""
    p = db.get(ComuneEnteGestoreProposta, proposta_id)
    if p is None or p.status != PropostaStatus.DA_CONFERMARE:
        return False
    p.status = PropostaStatus.CONFERMATA if confirm else PropostaStatus.RESPINTA
    p.decided_at, p.decided_by = now, user_id
    db.add(p)
    if confirm:
        set_ente_with_source(
            db,
            p.codice_istat,
            p.ente_gestore_id,
            user_id,
            now,
            name_as_cited=(p.name_as_cited or "")[:200] or None,
            source_url=p.source_url,
            source_title=p.source_title,
            reference_date=p.source_date,
            evidence=p.evidence,
            confidenza=p.confidenza,
        )
    else:
        audit.record(
            db,
            entity=ENTITY,
            entity_id=int(p.codice_istat),
            centro_id=None,
            user_id=user_id,
            action=REJECT,
            before={"ente_gestore_id": p.ente_gestore_id, "status": PropostaStatus.DA_CONFERMARE},
            after={"status": PropostaStatus.RESPINTA},
            now=now,
        )
    db.flush()
    return True
