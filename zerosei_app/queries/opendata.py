"""The directory as open data (the JSON API's centres and entries)."""

from __future__ import annotations

from sqlmodel import Session, col, func, select

from zerosei_app.models import CardEntry, Centro, Comune, Copertura, EnteGestore, EntryStatus
from zerosei_app.queries.centri import comuni_served, get_centro, list_centri
from zerosei_app.queries.percorso import map_url, voce_fields
from zerosei_app.schemas.percorso import VoceOut


def _centro_dict(c: Centro, comune: Comune, ente: EnteGestore | None) -> dict:
    return {
        "id": c.id,
        "nome": c.nome,
        "indirizzo": c.indirizzo,
        "comune": {"codice_istat": comune.codice_istat, "nome": comune.nome, "provincia": comune.sigla_provincia},
        "telefono": c.telefono,
        "email": c.email,
        "sito": c.sito,
        "orari": c.orari,
        "ente_gestore": ente.nome if ente else c.ente_nella_fonte,
        "stato_verifica": c.stato_verifica,
        "nota_verifica": c.nota_verifica,
        "fonte": c.fonte_url,
        "data_fonte": c.data_fonte,
        "mappa_url": map_url(c.indirizzo, comune.nome),
        "aggiornato_il": c.updated_at.date().isoformat() if c.updated_at else None,
    }


def centri_list(session: Session) -> list[dict]:
    counts = dict(
        session.exec(
            select(Copertura.centro_id, func.count()).group_by(Copertura.centro_id)
        ).all()
    )
    return [
        {**_centro_dict(c, comune, ente), "n_comuni_serviti": counts.get(c.id, 0)}
        for c, comune, ente in list_centri(session)
    ]


def centro_detail(session: Session, centro_id: int) -> dict | None:
    row = get_centro(session, centro_id)
    if row is None or not row[0].is_active:
        return None
    c, comune, ente = row
    served = comuni_served(session, centro_id)
    return {
        **_centro_dict(c, comune, ente),
        "comuni_serviti": [
            {
                "codice_istat": m.codice_istat,
                "nome": m.nome,
                "provincia": m.sigla_provincia,
                "origine": k.origine,
                "distanza_km": k.distanza_km,
            }
            for m, k in served
        ],
    }


def voci_list(session: Session, centro_id: int | None = None, codice_istat: str | None = None) -> list[dict]:
    query = select(CardEntry).join(Centro, col(Centro.id) == col(CardEntry.centro_id)).where(
        CardEntry.status == EntryStatus.PUBLISHED, col(Centro.is_active).is_(True)
    )
    if centro_id is not None:
        query = query.where(CardEntry.centro_id == centro_id)
    if codice_istat is not None:
        served = select(Copertura.centro_id).where(Copertura.codice_istat == codice_istat)
        query = query.where(col(CardEntry.centro_id).in_(served))
    query = query.order_by(col(CardEntry.centro_id), col(CardEntry.id))
    return [VoceOut(**voce_fields(e)).model_dump(mode="json") for e in session.exec(query).all()]
