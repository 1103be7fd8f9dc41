"""What the Carta shows: one centre's whole Carta, the directory of centres, the map's points.

The same functions feed the centre page, the directory, the print edition and the map, so what
is printed is what is on screen.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlmodel import Session, col, func, select

from zerosei_app.domain.catalog import PROVINCE
from zerosei_app.domain.vocabulary import OrigineCopertura
from zerosei_app.models import CardEntry, Centro, Chiusura, Comune, ComuneEnteGestore, Copertura, EnteGestore
from zerosei_app.queries.backed import backed_entries
from zerosei_app.queries.centri import comuni_served, list_centri
from zerosei_app.queries.chiusure import all_by_owner
from zerosei_app.queries.opendata import _staff_changes


@dataclass
class CartaCentro:
    centro: Centro
    comune: Comune
    ente: EnteGestore | None
    updated_on: str | None  # ISO day of the last change staff made (None: as loaded from the sources)
    served: list[tuple[Comune, Copertura]] = field(default_factory=list)
    entries: list[CardEntry] = field(default_factory=list)  # published only
    chiusure: list[Chiusura] = field(default_factory=list)  # the whole centre's temporary closures
    chiusure_entry: dict[int, list[Chiusura]] = field(default_factory=dict)  # single entries' ones


def published_of(db: Session, centro_ids: list[int]) -> dict[int, list[CardEntry]]:
    if not centro_ids:
        return {}
    rows = db.exec(
        select(CardEntry).where(col(CardEntry.centro_id).in_(centro_ids), *backed_entries()).order_by(col(CardEntry.id))
    ).all()
    out: dict[int, list[CardEntry]] = {i: [] for i in centro_ids}
    for e in rows:
        out[e.centro_id].append(e)
    return out


def carta_of(db: Session, centro_id: int) -> CartaCentro | None:
    """One open centre's whole Carta."""
    cartas = carte(db, [centro_id])
    return cartas[0] if cartas else None


def carte(db: Session, centro_ids: list[int] | None = None, provincia: str | None = None) -> list[CartaCentro]:
    """Open centres' Carte, in the directory's order (province, comune, name)."""
    rows = [r for r in list_centri(db) if centro_ids is None or r[0].id in centro_ids]
    if provincia is not None:
        rows = [r for r in rows if r[1].sigla_provincia == provincia]
    rows.sort(key=lambda r: (province_rank(r[1].sigla_provincia), r[1].name, r[0].name))
    ids = [c.id for c, _, _ in rows]
    entries = published_of(db, ids)
    changed = _staff_changes(db, ids)
    by_centro, by_entry = all_by_owner(db)
    return [
        CartaCentro(
            c,
            m,
            e,
            changed.get(c.id),
            comuni_served(db, c.id),
            entries.get(c.id, []),
            by_centro.get(c.id, []),
            {x.id: by_entry[x.id] for x in entries.get(c.id, []) if x.id in by_entry},
        )
        for c, m, e in rows
    ]


def province_rank(sigla: str) -> int:
    order = list(PROVINCE)
    return order.index(sigla) if sigla in order else len(order)


@dataclass(frozen=True)
class DirectoryRow:
    centro: Centro
    comune: Comune
    ente: EnteGestore | None
    n_comuni: int  # served by a source's, the Regione's or the ente gestore's word
    n_inferiti: int = 0  # comuni it is only the nearest registered centre for


def directory(db: Session) -> list[DirectoryRow]:
    known: dict[int, int] = {}
    guessed: dict[int, int] = {}
    for centro_id, origine, n in db.exec(
        select(Copertura.centro_id, Copertura.origine, func.count()).group_by(Copertura.centro_id, Copertura.origine)
    ).all():
        target = guessed if origine == OrigineCopertura.INFERITO else known
        target[centro_id] = target.get(centro_id, 0) + n
    rows = list_centri(db)
    rows.sort(key=lambda r: (province_rank(r[1].sigla_provincia), r[1].name, r[0].name))
    return [DirectoryRow(c, m, e, known.get(c.id, 0), guessed.get(c.id, 0)) for c, m, e in rows]


@dataclass(frozen=True)
class MapComune:
    codice_istat: str
    name: str
    lat: float
    lon: float
    # The best way it is served: esplicito > ente_gestore > ente_noto (its ente gestore is known but runs no
    # registered centre) > inferito; "" if not served.
    origine: str
    approx: bool = False  # no coordinates in the data: drawn at its province's centroid


@dataclass(frozen=True)
class MapCentro:
    slug: str
    name: str
    comune: str
    lat: float
    lon: float


_BEST = {"esplicito": 0, "ente_gestore": 1, "ente_noto": 2, "inferito": 3}


def map_points(db: Session) -> tuple[list[MapComune], list[MapCentro]]:
    """Every comune with coordinates and how it is best served by an open centre; every open centre."""
    best: dict[str, str] = {}
    for codice, origine in db.exec(
        select(Copertura.codice_istat, Copertura.origine)
        .join(Centro, col(Centro.id) == col(Copertura.centro_id))
        .where(col(Centro.is_active).is_(True))
    ).all():
        if codice not in best or _BEST.get(origine, 9) < _BEST.get(best[codice], 9):
            best[codice] = origine
    for codice in db.exec(select(ComuneEnteGestore.codice_istat)).all():
        if best.get(codice, "inferito") == "inferito":
            best[codice] = "ente_noto"
    comuni = db.exec(select(Comune).order_by(col(Comune.codice_istat))).all()
    sums: dict[str, list[float]] = {}
    for c in comuni:
        if c.lat is not None and c.lon is not None:
            acc = sums.setdefault(c.sigla_provincia, [0.0, 0.0, 0])
            acc[0], acc[1], acc[2] = acc[0] + c.lat, acc[1] + c.lon, acc[2] + 1
    points = []
    for c in comuni:
        if c.lat is not None and c.lon is not None:
            points.append(MapComune(c.codice_istat, c.name, c.lat, c.lon, best.get(c.codice_istat, "")))
        elif c.sigla_provincia in sums:  # one comune (Casalino) has no coordinates in the source
            lat, lon, n = sums[c.sigla_provincia]
            points.append(MapComune(c.codice_istat, c.name, lat / n, lon / n, best.get(c.codice_istat, ""), True))
    located = {p.codice_istat: p for p in points}
    centres = []
    for c, m, _ in list_centri(db):
        here = located.get(m.codice_istat)
        lat, lon = (
            (c.lat, c.lon)
            if c.lat is not None and c.lon is not None
            else (here.lat, here.lon)
            if here
            else (None, None)
        )
        if lat is not None and lon is not None and c.slug:
            centres.append(MapCentro(c.slug, c.name, m.name, lat, lon))
    return points, centres
