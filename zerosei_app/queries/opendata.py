"""The directory as open data (the JSON API's centres and entries)."""

from __future__ import annotations

from sqlmodel import Session, col, func, select

from zerosei_app.domain.vocabulary import OrigineCopertura
from zerosei_app.models import AuditRecord, CardEntry, Centro, Comune, Copertura, EnteGestore
from zerosei_app.queries.backed import backed_entries
from zerosei_app.queries.centri import comuni_served, get_centro, list_centri
from zerosei_app.schemas.percorso import VoceOut
from zerosei_app.view.percorso_out import map_url, voce_fields


def _staff_changes(session: Session, centro_ids: list[int]) -> dict[int, str]:
    """Day of the last change staff made to each centre (the audit log); the seed writes none."""
    if not centro_ids:
        return {}
    rows = session.exec(
        select(AuditRecord.entity_id, func.max(AuditRecord.created_at))
        .where(AuditRecord.entity == "centro", col(AuditRecord.entity_id).in_(centro_ids))
        .group_by(AuditRecord.entity_id)
    ).all()
    return {entity_id: when.date().isoformat() for entity_id, when in rows if when is not None}


def _centro_dict(c: Centro, comune: Comune, ente: EnteGestore | None, changed_on: str | None) -> dict:
    return {
        "id": c.id,
        "nome": c.nome,
        "slug": c.slug,
        "indirizzo": c.indirizzo,
        "comune": {"codice_istat": comune.codice_istat, "nome": comune.nome, "provincia": comune.sigla_provincia},
        "telefono": c.telefono,
        "email": c.email,
        "sito": c.sito,
        "orari": c.orari,
        "orari_indicati_nel": c.orari_data,
        "ente_gestore": ente.nome if ente else c.ente_nella_fonte,
        "stato_verifica": c.stato_verifica,
        "nota_verifica": c.nota_verifica,
        "fonte": c.fonte_url,
        "data_fonte": c.data_fonte,
        "mappa_url": map_url(c.indirizzo, comune.nome),
        # Not the row's timestamp (the seed's load time for every centre): only a change made by staff.
        "aggiornato_il": changed_on,
    }


def centri_list(session: Session, provincia: str | None = None) -> list[dict]:
    # Served (a source, the Regione or the ente gestore says so) apart from "only the nearest registered centre".
    counts: dict[tuple[int, bool], int] = {}
    for centro_id, origine, n in session.exec(
        select(Copertura.centro_id, Copertura.origine, func.count()).group_by(Copertura.centro_id, Copertura.origine)
    ).all():
        key = (centro_id, origine == OrigineCopertura.INFERITO)
        counts[key] = counts.get(key, 0) + n
    rows = list_centri(session)
    if provincia is not None:
        rows = [row for row in rows if row[1].sigla_provincia == provincia]
    changed = _staff_changes(session, [c.id for c, _, _ in rows])
    return [
        {
            **_centro_dict(c, comune, ente, changed.get(c.id)),
            "n_comuni_serviti": counts.get((c.id, False), 0),
            "n_comuni_centro_piu_vicino": counts.get((c.id, True), 0),
        }
        for c, comune, ente in rows
    ]


def centro_detail(session: Session, centro_id: int) -> dict | None:
    row = get_centro(session, centro_id)
    if row is None or not row[0].is_active:
        return None
    c, comune, ente = row
    served = comuni_served(session, centro_id)
    return {
        **_centro_dict(c, comune, ente, _staff_changes(session, [c.id]).get(c.id)),
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


def active_centro_exists(session: Session, centro_id: int) -> bool:
    centro = session.get(Centro, centro_id)
    return centro is not None and centro.is_active


def voci_page(
    session: Session,
    centro_id: int | None = None,
    codice_istat: str | None = None,
    limit: int | None = None,
    offset: int = 0,
) -> tuple[list[dict], int]:
    """Published entries of open centres (optionally one centre's, or those serving a comune),
    in a stable order (centre, then entry id), one page of them, and how many there are in all."""
    where = [*backed_entries(), col(Centro.is_active).is_(True)]
    if centro_id is not None:
        where.append(CardEntry.centro_id == centro_id)
    if codice_istat is not None:
        served = select(Copertura.centro_id).where(Copertura.codice_istat == codice_istat)
        where.append(col(CardEntry.centro_id).in_(served))
    joined = col(Centro.id) == col(CardEntry.centro_id)
    total = session.exec(select(func.count()).select_from(CardEntry).join(Centro, joined).where(*where)).one()
    query = select(CardEntry).join(Centro, joined).where(*where).order_by(col(CardEntry.centro_id), col(CardEntry.id))
    query = query.offset(offset)
    if limit is not None:
        query = query.limit(limit)
    return [VoceOut(**voce_fields(e)).model_dump(mode="json") for e in session.exec(query).all()], int(total)


def voci_list(session: Session, centro_id: int | None = None, codice_istat: str | None = None) -> list[dict]:
    return voci_page(session, centro_id=centro_id, codice_istat=codice_istat)[0]
