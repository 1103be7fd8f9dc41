"""/staff/regione/enti-comuni (Regione): the leads on which ente gestore serves a comune (research rows of
`bassa` confidence), to confirm or reject one by one (queries/enti_comuni.py reads them, commands/enti_comuni.py decides)."""

from __future__ import annotations

import dataclasses

from sqlmodel import Session

from zerosei_app.auth.guard import StaffContext
from zerosei_app.commands.enti_comuni import decide_proposta
from zerosei_app.domain import clock
from zerosei_app.domain.staff_forms import Id
from zerosei_app.domain.validation import InputError, require
from zerosei_app.queries.enti_comuni import pending_proposte
from zerosei_app.state.staff_base import StaffState, staff_event
from zerosei_app.view import staff_messages as m


@dataclasses.dataclass
class PropostaView:
    id: int
    comune: str  # "Crissolo (CN)"
    ente: str
    source: str  # the source's title, else its address
    source_url: str
    source_date: str
    evidence: str


class StaffEntiComuniState(StaffState):
    proposte: list[PropostaView] = []

    def _refresh(self, db: Session) -> None:
        self.proposte = [
            PropostaView(
                p.id,
                f"{p.comune} ({p.provincia})",
                p.ente,
                p.source_title or p.source_url or "",
                p.source_url if (p.source_url or "").startswith(("https://", "http://")) else "",
                p.source_date or "",
                p.evidence or "",
            )
            for p in pending_proposte(db)
        ]

    @staff_event(loader=True, regione=True)
    def load(self, db: Session, ctx: StaffContext):
        self._refresh(db)

    @staff_event(regione=True)
    def decide(self, db: Session, ctx: StaffContext, proposta_id: int, confirm: bool):
        ref = require(Id, {"id": proposta_id}).id
        if not isinstance(confirm, bool):
            raise InputError({"": m.INVALID_REQUEST})
        label = next((f"{p.comune} → {p.ente}" for p in self.proposte if p.id == ref), "")
        if not decide_proposta(db, ref, confirm, ctx.user_id, clock.now()):
            db.rollback()
            self.flash_error = m.PROPOSTA_GONE
        else:
            db.commit()
            self.flash_ok = m.proposta_decided(label, confirm)
        self._refresh(db)
