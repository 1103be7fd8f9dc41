"""Who a family can contact: the serving centres with the actions the rule gives each one, and the
comune's ente gestore when it runs none of them (domain/contact_rule.py)."""

from __future__ import annotations

from sqlmodel import Session, col, select

from zerosei_app.domain.contact_rule import CENTRO, COMUNE, ENTE_GESTORE, Azione, Recapiti, Titolare, azioni
from zerosei_app.models import Comune, ComuneEnteGestore, EnteGestore
from zerosei_app.queries.centri import ServingCentro, centri_for_comune
from zerosei_app.schemas.percorso import CentroOut, ContattoOut, EnteGestoreOut

_TIPO = {"tel": "telefono", "mail": "email", "web": "sito", "pec": "pec"}


def ente_name(ente: EnteGestore) -> str:
    """The ente as parents read it ("Città di Torino", not "Città di Torino (gestione diretta)")."""
    return ente.nome.replace(" (gestione diretta)", "").strip()


def titolare_ente(ente: EnteGestore) -> Titolare:
    return Titolare(ENTE_GESTORE, ente_name(ente), Recapiti(ente.telefono, ente.email, ente.sito, ente.pec))


def titolare_comune(comune: Comune) -> Titolare:
    return Titolare(COMUNE, comune.nome, Recapiti(comune.telefono, comune.email, comune.sito, comune.pec))


def contatti_out(actions: list[Azione]) -> list[ContattoOut]:
    return [ContattoOut(tipo=_TIPO[a.kind], testo=a.label, href=a.href, di=a.di, di_nome=a.nome) for a in actions]


def _comuni(family: Comune, seat: Comune) -> list[Titolare]:
    return [titolare_comune(family)] + ([titolare_comune(seat)] if seat.codice_istat != family.codice_istat else [])


def centro_actions(s: ServingCentro, family: Comune) -> list[ContattoOut]:
    c = s.centro
    return contatti_out(
        azioni(
            Titolare(CENTRO, c.nome, Recapiti(c.telefono, c.email, c.sito)),
            titolare_ente(s.ente) if s.ente else None,
            _comuni(family, s.comune),
        )
    )


def ente_of_comune(session: Session, family: Comune) -> EnteGestore | None:
    return session.exec(
        select(EnteGestore)
        .join(ComuneEnteGestore, col(ComuneEnteGestore.ente_gestore_id) == col(EnteGestore.id))
        .where(ComuneEnteGestore.codice_istat == family.codice_istat)
    ).first()


def ente_for_family(ente: EnteGestore | None, family: Comune, serving: list[ServingCentro]) -> EnteGestoreOut | None:
    """The comune's ente gestore, when the sources name it and it runs none of the centres serving the comune."""
    if ente is None or any(s.centro.ente_gestore_id == ente.id for s in serving):
        return None
    actions = azioni(titolare_ente(ente), None, _comuni(family, family))
    return EnteGestoreOut(
        id=ente.id,
        nome=ente_name(ente),
        sito=ente.sito,
        email=ente.email,
        pec=ente.pec,
        telefono=ente.telefono,
        contatti=contatti_out(actions),
    )


def serving_ente(session: Session, family: Comune, serving: list[ServingCentro]) -> EnteGestoreOut | None:
    return ente_for_family(ente_of_comune(session, family), family, serving)


def centri_e_ente(session: Session, family: Comune) -> tuple[list[CentroOut], EnteGestoreOut | None]:
    from zerosei_app.queries.percorso import centro_out  # percorso imports this module

    serving = centri_for_comune(session, family.codice_istat)
    return [centro_out(s, family) for s in serving], serving_ente(session, family, serving)
