"""Who a family can contact: the serving centres with the actions the rule gives each one, and the
comune's ente gestore when it runs none of them (domain/contact_rule.py). Plain data: view/contacts_out.py
and view/percorso_out.py turn it into the API's and the page's shapes."""

from __future__ import annotations

from dataclasses import dataclass

from sqlmodel import Session, col, select

from zerosei_app.domain.contact_rule import (
    CENTRO,
    COMUNE,
    ENTE_GESTORE,
    ContactAction,
    ContactDetails,
    Holder,
    contact_actions,
)
from zerosei_app.models import Comune, ComuneEnteGestore, EnteGestore
from zerosei_app.queries.centri import ServingCentro, centri_for_comune


@dataclass(frozen=True)
class CentroContacts:
    """A centre serving the family's comune, and the actions its card offers."""

    serving: ServingCentro
    actions: list[ContactAction]


@dataclass(frozen=True)
class EnteContacts:
    """The comune's ente gestore (when it runs none of the serving centres), and its actions."""

    ente: EnteGestore
    name: str  # as parents read it (ente_name)
    actions: list[ContactAction]


@dataclass(frozen=True)
class Contacts:
    family: Comune  # the comune whose path this is
    centri: list[CentroContacts]
    ente: EnteContacts | None


def ente_name(ente: EnteGestore) -> str:
    """The ente as parents read it ("Città di Torino", not "Città di Torino (gestione diretta)")."""
    return ente.name.replace(" (gestione diretta)", "").strip()


def holder_ente(ente: EnteGestore) -> Holder:
    return Holder(ENTE_GESTORE, ente_name(ente), ContactDetails(ente.phone, ente.email, ente.website, ente.pec))


def holder_comune(comune: Comune) -> Holder:
    return Holder(COMUNE, comune.name, ContactDetails(comune.phone, comune.email, comune.website, comune.pec))


def _comuni(family: Comune, seat: Comune) -> list[Holder]:
    return [holder_comune(family)] + ([holder_comune(seat)] if seat.codice_istat != family.codice_istat else [])


def centro_actions(s: ServingCentro, family: Comune) -> list[ContactAction]:
    c = s.centro
    return contact_actions(
        Holder(CENTRO, c.name, ContactDetails(c.phone, c.email, c.website)),
        holder_ente(s.ente) if s.ente else None,
        _comuni(family, s.comune),
    )


def ente_of_comune(db: Session, family: Comune) -> EnteGestore | None:
    return db.exec(
        select(EnteGestore)
        .join(ComuneEnteGestore, col(ComuneEnteGestore.ente_gestore_id) == col(EnteGestore.id))
        .where(ComuneEnteGestore.codice_istat == family.codice_istat)
    ).first()


def ente_for_family(ente: EnteGestore | None, family: Comune, serving: list[ServingCentro]) -> EnteContacts | None:
    """The comune's ente gestore, when the sources name it and it runs none of the centres serving the comune."""
    if ente is None or any(s.centro.ente_gestore_id == ente.id for s in serving):
        return None
    return EnteContacts(ente, ente_name(ente), contact_actions(holder_ente(ente), None, _comuni(family, family)))


def family_contacts(family: Comune, serving: list[ServingCentro], ente: EnteGestore | None) -> Contacts:
    """Every serving centre with its actions, and the ente gestore to name (rows already loaded)."""
    return Contacts(
        family, [CentroContacts(s, centro_actions(s, family)) for s in serving], ente_for_family(ente, family, serving)
    )


def contacts_for_comune(db: Session, family: Comune) -> Contacts:
    """The same, read from the database (the Carta's search)."""
    return family_contacts(family, centri_for_comune(db, family.codice_istat), ente_of_comune(db, family))
