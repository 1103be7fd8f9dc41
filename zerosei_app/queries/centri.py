"""Centres and the comuni they serve."""

from __future__ import annotations

from dataclasses import dataclass

from sqlmodel import Session, col, select

from zerosei_app.models import Centro, Comune, Copertura, EnteGestore, OrigineCopertura

_ORIGINE_ORDER = {OrigineCopertura.ESPLICITO: 0, OrigineCopertura.ENTE_GESTORE: 1, OrigineCopertura.INFERITO: 2}


@dataclass(frozen=True)
class ServingCentro:
    centro: Centro
    comune: Comune  # where the centre sits
    ente: EnteGestore | None
    copertura: Copertura


def _serving_query():
    return (
        select(Centro, Comune, EnteGestore, Copertura)
        .join(Copertura, col(Copertura.centro_id) == col(Centro.id))
        .join(Comune, col(Comune.codice_istat) == col(Centro.codice_istat))
        .outerjoin(EnteGestore, col(EnteGestore.id) == col(Centro.ente_gestore_id))
        .where(col(Centro.is_active).is_(True))
    )


def _serving_order(s: ServingCentro) -> tuple:
    """Known links first, then inferred ones by distance."""
    return (_ORIGINE_ORDER.get(s.copertura.origine, 9), s.copertura.distance_km or 0.0, s.centro.id)


def centri_for_comune(db: Session, codice_istat: str) -> list[ServingCentro]:
    """Active centres serving a comune: known links first, then inferred ones by distance."""
    rows = db.exec(_serving_query().where(Copertura.codice_istat == codice_istat)).all()
    return sorted((ServingCentro(c, m, e, k) for c, m, e, k in rows), key=_serving_order)


def serving_by_comune(db: Session) -> dict[str, list[ServingCentro]]:
    """`centri_for_comune` for every comune at once (for the in-memory snapshot)."""
    result: dict[str, list[ServingCentro]] = {}
    for c, m, e, k in db.exec(_serving_query()).all():
        result.setdefault(k.codice_istat, []).append(ServingCentro(c, m, e, k))
    for serving in result.values():
        serving.sort(key=_serving_order)
    return result


def list_centri(db: Session, include_inactive: bool = False) -> list[tuple[Centro, Comune, EnteGestore | None]]:
    query = (
        select(Centro, Comune, EnteGestore)
        .join(Comune, col(Comune.codice_istat) == col(Centro.codice_istat))
        .outerjoin(EnteGestore, col(EnteGestore.id) == col(Centro.ente_gestore_id))
        .order_by(col(Comune.name), col(Centro.name), col(Centro.id))
    )
    if not include_inactive:
        query = query.where(col(Centro.is_active).is_(True))
    return list(db.exec(query).all())


def get_centro(db: Session, centro_id: int) -> tuple[Centro, Comune, EnteGestore | None] | None:
    row = db.exec(
        select(Centro, Comune, EnteGestore)
        .join(Comune, col(Comune.codice_istat) == col(Centro.codice_istat))
        .outerjoin(EnteGestore, col(EnteGestore.id) == col(Centro.ente_gestore_id))
        .where(Centro.id == centro_id)
    ).first()
    return tuple(row) if row else None


def comuni_served(db: Session, centro_id: int) -> list[tuple[Comune, Copertura]]:
    rows = db.exec(
        select(Comune, Copertura)
        .join(Copertura, col(Copertura.codice_istat) == col(Comune.codice_istat))
        .where(Copertura.centro_id == centro_id)
        .order_by(col(Comune.name))
    ).all()
    return list(rows)
