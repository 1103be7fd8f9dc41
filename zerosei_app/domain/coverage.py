"""The documented rule that links every comune to at least one centre.

1. A centre serves the comune where it sits (origine "esplicito").
2. A comune whose ente gestore runs one or more centres is served by them ("ente_gestore").
3. Any other comune gets the nearest *contactable* centre (one with an address, phone or
   e-mail), preferring centres in the same province, by great-circle distance between the
   comuni's coordinates ("inferito", with the distance). A comune without coordinates uses
   its province's centroid. The Regione's staff replace inferred links by importing the
   official coverage list.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

EARTH_RADIUS_KM = 6371.0088


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dphi = p2 - p1
    dlmb = math.radians(lon2 - lon1)
    a = math.sin(dphi / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dlmb / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(math.sqrt(a))


@dataclass(frozen=True)
class ComunePoint:
    codice_istat: str
    provincia: str
    lat: float | None
    lon: float | None
    ente_gestore_id: int | None = None


@dataclass(frozen=True)
class CentroPoint:
    id: int
    codice_istat: str
    provincia: str
    lat: float | None
    lon: float | None
    ente_gestore_id: int | None
    contactable: bool


@dataclass(frozen=True)
class Link:
    centro_id: int
    codice_istat: str
    origine: str  # esplicito | ente_gestore | inferito
    distanza_km: float | None


def _province_centroids(comuni: Iterable[ComunePoint]) -> dict[str, tuple[float, float]]:
    sums: dict[str, list[float]] = {}
    for c in comuni:
        if c.lat is None or c.lon is None:
            continue
        s = sums.setdefault(c.provincia, [0.0, 0.0, 0.0])
        s[0] += c.lat
        s[1] += c.lon
        s[2] += 1
    return {p: (s[0] / s[2], s[1] / s[2]) for p, s in sums.items()}


def compute_links(comuni: Sequence[ComunePoint], centri: Sequence[CentroPoint]) -> list[Link]:
    """Every comune gets ≥ 1 link when at least one contactable centre exists."""
    centroids = _province_centroids(comuni)
    by_code = {c.codice_istat: c for c in comuni}

    def position(codice: str) -> tuple[float, float] | None:
        c = by_code.get(codice)
        if c is None:
            return None
        if c.lat is not None and c.lon is not None:
            return (c.lat, c.lon)
        return centroids.get(c.provincia)

    def distance(codice: str, centro: CentroPoint) -> float | None:
        a = position(codice)
        b = (centro.lat, centro.lon) if centro.lat is not None and centro.lon is not None else position(centro.codice_istat)
        if a is None or b is None:
            return None
        return round(haversine_km(a[0], a[1], b[0], b[1]), 1)

    links: list[Link] = []
    covered: set[str] = set()
    for centro in centri:
        links.append(Link(centro.id, centro.codice_istat, "esplicito", 0.0))
        covered.add(centro.codice_istat)

    by_ente: dict[int, list[CentroPoint]] = {}
    for centro in centri:
        if centro.ente_gestore_id is not None:
            by_ente.setdefault(centro.ente_gestore_id, []).append(centro)
    for comune in comuni:
        if comune.codice_istat in covered or comune.ente_gestore_id not in by_ente:
            continue
        for centro in by_ente[comune.ente_gestore_id]:
            links.append(Link(centro.id, comune.codice_istat, "ente_gestore", distance(comune.codice_istat, centro)))
        covered.add(comune.codice_istat)

    candidates = [c for c in centri if c.contactable] or list(centri)
    for comune in comuni:
        if comune.codice_istat in covered or not candidates:
            continue
        same = [c for c in candidates if c.provincia == comune.provincia] or candidates
        scored = [(distance(comune.codice_istat, c), c) for c in same]
        scored.sort(key=lambda dc: (dc[0] is None, dc[0] or 0.0, dc[1].id))
        best_d, best = scored[0]
        links.append(Link(best.id, comune.codice_istat, "inferito", best_d))
    return links
