"""Contacts in the API's shape (schemas/percorso.py): the actions of domain/contact_rule.py, and the ente gestore."""

from __future__ import annotations

from zerosei_app.domain.contact_rule import ContactAction
from zerosei_app.queries.contacts import EnteContacts
from zerosei_app.schemas.percorso import ContattoOut, EnteGestoreOut

_API_KIND = {"tel": "telefono", "mail": "email", "web": "sito", "pec": "pec"}


def contacts_out(actions: list[ContactAction]) -> list[ContattoOut]:
    return [ContattoOut(tipo=_API_KIND[a.kind], testo=a.label, href=a.href, di=a.of, di_nome=a.name) for a in actions]


def ente_out(e: EnteContacts | None) -> EnteGestoreOut | None:
    if e is None:
        return None
    ente = e.ente
    return EnteGestoreOut(
        id=ente.id,
        nome=e.name,
        sito=ente.website,
        email=ente.email,
        pec=ente.pec,
        telefono=ente.phone,
        contatti=contacts_out(e.actions),
    )
