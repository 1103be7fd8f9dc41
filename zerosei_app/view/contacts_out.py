"""Contacts in the API's shape (schemas/percorso.py): the actions of domain/contact_rule.py, and the ente gestore."""

from __future__ import annotations

from zerosei_app.domain.contact_rule import Azione
from zerosei_app.queries.contacts import EnteContacts
from zerosei_app.schemas.percorso import ContattoOut, EnteGestoreOut

_TIPO = {"tel": "telefono", "mail": "email", "web": "sito", "pec": "pec"}


def contacts_out(actions: list[Azione]) -> list[ContattoOut]:
    return [ContattoOut(tipo=_TIPO[a.kind], testo=a.label, href=a.href, di=a.di, di_nome=a.nome) for a in actions]


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
