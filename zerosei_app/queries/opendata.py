"""The directory as open data (the JSON API's centres and entries): plain rows; view/opendata_out.py writes them."""

from __future__ import annotations

from dataclasses import dataclass

from sqlmodel import Session, col, func, select

from zerosei_app.domain.vocabulary import OrigineCopertura
from zerosei_app.models import AuditRecord, CardEntry, Centro, Comune, Copertura, EnteGestore
from zerosei_app.queries.backed import backed_entries
from zerosei_app.queries.centri import comuni_served, get_centro, list_centri


def _staff_changes(db: Session, centro_ids: list[int]) -> dict[int, str]:
    """Day of the last change staff made to each centre (the audit log); the seed writes none."""
    if not centro_ids:
        return {}
    rows = db.exec(
        select(AuditRecord.entity_id, func.max(AuditRecord.created_at))
        .where(AuditRecord.entity == "centro", col(AuditRecord.entity_id).in_(centro_ids))
        .group_by(AuditRecord.entity_id)
    ).all()
    return {entity_id: when.date().isoformat() for entity_id, when in rows if when is not None}


@dataclass(frozen=True)
class CentroRow:
    """A registered centre as open data lists it: its rows, and what staff and coverage add."""

    centro: Centro
    comune: Comune
    ente: EnteGestore | None
    changed_on: str | None  # day of the last change staff made (the audit log); None: none since the seed
    n_served: int = 0  # comuni served by the sources' word (or the Regione's, or the ente gestore's)
    n_inferiti: int = 0  # comuni for which it is only the nearest registered centre


@dataclass(frozen=True)
class CentroDetail:
    row: CentroRow
    served: list[tuple[Comune, Copertura]]  # the comuni it serves, by name


def centri_list(db: Session, provincia: str | None = None) -> list[CentroRow]:
    # Served (a source, the Regione or the ente gestore says so) apart from "only the nearest registered centre".
    counts: dict[tuple[int, bool], int] = {}
    for centro_id, origine, n in db.exec(
        select(Copertura.centro_id, Copertura.origine, func.count()).group_by(Copertura.centro_id, Copertura.origine)
    ).all():
        key = (centro_id, origine == OrigineCopertura.INFERITO)
        counts[key] = counts.get(key, 0) + n
    rows = list_centri(db)
    if provincia is not None:
        rows = [row for row in rows if row[1].sigla_provincia == provincia]
    changed = _staff_changes(db, [c.id for c, _, _ in rows])
    return [
        CentroRow(c, comune, ente, changed.get(c.id), counts.get((c.id, False), 0), counts.get((c.id, True), 0))
        for c, comune, ente in rows
    ]


def centro_detail(db: Session, centro_id: int) -> CentroDetail | None:
    row = get_centro(db, centro_id)
    if row is None or not row[0].is_active:
        return None
    c, comune, ente = row
    changed_on = _staff_changes(db, [c.id]).get(c.id)
    return CentroDetail(CentroRow(c, comune, ente, changed_on), comuni_served(db, centro_id))


def active_centro_exists(db: Session, centro_id: int) -> bool:
    centro = db.get(Centro, centro_id)
    return centro is not None and centro.is_active


def voci_page(
    db: Session,
    centro_id: int | None = None,
    codice_istat: str | None = None,
    limit: int | None = None,
    offset: int = 0,
) -> tuple[list[CardEntry], int]:
    """Published entries of open centres (optionally one centre's, or those serving a comune),
    in a stable order (centre, then entry id), one page of them, and how many there are in all."""
    where = [*backed_entries(), col(Centro.is_active).is_(True)]
    if centro_id is not None:
        where.append(CardEntry.centro_id == centro_id)
    if codice_istat is not None:
        served = select(Copertura.centro_id).where(Copertura.codice_istat == codice_istat)
        where.append(col(CardEntry.centro_id).in_(served))
    joined = col(Centro.id) == col(CardEntry.centro_id)
    total = db.exec(select(func.count()).select_from(CardEntry).join(Centro, joined).where(*where)).one()
    query = select(CardEntry).join(Centro, joined).where(*where).order_by(col(CardEntry.centro_id), col(CardEntry.id))
    query = query.offset(offset)
    if limit is not None:
        query = query.limit(limit)
    return list(db.exec(query).all()), int(total)


def voci_list(db: Session, centro_id: int | None = None, codice_istat: str | None = None) -> list[CardEntry]:
    return voci_page(db, centro_id=centro_id, codice_istat=codice_istat)[0]
