"""The documented rule that links every comune to a centre, or names who else a family can reach.

1. A centre serves the comune where it sits (origine "esplicito").
2. A comune whose ente gestore runs one or more centres is served by them ("ente_gestore").
3. A comune with no centre from rules 1–2 (or from the Regione) and whose ente gestore is not known
   gets the nearest *reliable* centre — one whose existence is confirmed (verificato or parziale,
   not solo_nome or incerto) and that can be reached (an address, phone, e-mail or website) —
   preferring the same province, by great-circle distance between the comuni's coordinates
   ("inferito", with the distance). A comune without coordinates uses its province's centroid.
   Without any reliable centre, the nearest contactable one (else any) is used.
   Never a guess where something is known: a comune with a centre of its own or of its ente
   gestore gets no inferred centre (the contact rule reaches the ente or the comune when that
   centre has no contacts), and a comune whose ente gestore is known but runs no registered
   centre gets none either: the path names the ente with its contacts (domain/contact_rule.py),
   never a guessed centre of another ente. Only facts count as known (ComuneEnteGestore), not the
   leads the Regione has still to confirm. The Regione's staff replace inferred links by importing
   the official coverage list.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from .vocabulary import OrigineCopertura, StatoVerifica

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
    confirmed: bool = True  # its existence is confirmed (stato_verifica verificato or parziale)

    @property
    def reliable(self) -> bool:
        return self.contactable and self.confirmed


CONFIRMED_STATES = frozenset({StatoVerifica.VERIFICATO, StatoVerifica.PARZIALE})


# Stored with every inferred link (staff read it; parents get their own text from the catalogue).
INFERRED_NOTE = "Centro più vicino tra quelli registrati: da confermare dalla Regione"


def centro_point(c: Any, provincia: str) -> CentroPoint:
    """A centre (anything with the Centro table's fields) as the rule sees it."""
    return CentroPoint(
        c.id,
        c.codice_istat,
        provincia,
        c.lat,
        c.lon,
        c.ente_gestore_id,
        is_contactable(c.address, c.phone, c.email, c.website),
        c.stato_verifica in CONFIRMED_STATES,
    )


def is_contactable(address: str | None, phone: str | None, email: str | None, website: str | None) -> bool:
    """A family can reach it: a known address (the source writes "non indicato…" when it has none) or a contact."""
    has_address = bool(address) and not address.strip().lower().startswith("non indicato")
    return has_address or bool(phone) or bool(email) or bool(website)


@dataclass(frozen=True)
class Link:
    centro_id: int
    codice_istat: str
    origine: str  # esplicito | ente_gestore | inferito
    distance_km: float | None


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


class _Geometry:
    """Distances between comuni and centres (a comune without coordinates: its province's centroid)."""

    def __init__(self, comuni: Sequence[ComunePoint]):
        self.centroids = _province_centroids(comuni)
        self.by_code = {c.codice_istat: c for c in comuni}

    def position(self, codice: str) -> tuple[float, float] | None:
        c = self.by_code.get(codice)
        if c is None:
            return None
        if c.lat is not None and c.lon is not None:
            return (c.lat, c.lon)
        return self.centroids.get(c.provincia)

    def distance(self, codice: str, centro: CentroPoint) -> float | None:
        a = self.position(codice)
        b = (
            (centro.lat, centro.lon)
            if centro.lat is not None and centro.lon is not None
            else self.position(centro.codice_istat)
        )
        if a is None or b is None:
            return None
        return round(haversine_km(a[0], a[1], b[0], b[1]), 1)


def known_links(comuni: Sequence[ComunePoint], centri: Sequence[CentroPoint]) -> list[Link]:
    """Rules 1 and 2: a centre's own comune, and the comuni of its ente gestore."""
    geo = _Geometry(comuni)
    links = [Link(centro.id, centro.codice_istat, OrigineCopertura.ESPLICITO, 0.0) for centro in centri]
    covered = {centro.codice_istat for centro in centri}
    by_ente: dict[int, list[CentroPoint]] = {}
    for centro in centri:
        if centro.ente_gestore_id is not None:
            by_ente.setdefault(centro.ente_gestore_id, []).append(centro)
    for comune in comuni:
        if comune.codice_istat in covered or comune.ente_gestore_id not in by_ente:
            continue
        for centro in by_ente[comune.ente_gestore_id]:
            links.append(
                Link(
                    centro.id,
                    comune.codice_istat,
                    OrigineCopertura.ENTE_GESTORE,
                    geo.distance(comune.codice_istat, centro),
                )
            )
    return links


def with_inferred(comuni: Sequence[ComunePoint], centri: Sequence[CentroPoint], links: Sequence[Link]) -> list[Link]:
    """Rule 3 on top of the given links: a comune with no centre and no known ente gets the nearest one."""
    geo = _Geometry(comuni)
    result = list(links)
    linked = {link.codice_istat for link in links}  # a given inferred link stands too
    candidates = [c for c in centri if c.reliable] or [c for c in centri if c.contactable] or list(centri)
    for comune in comuni:
        if comune.codice_istat in linked or comune.ente_gestore_id is not None or not candidates:
            continue
        same = [c for c in candidates if c.provincia == comune.provincia] or candidates
        scored = [(geo.distance(comune.codice_istat, c), c) for c in same]
        scored.sort(key=lambda dc: (dc[0] is None, dc[0] or 0.0, dc[1].id))
        best_d, best = scored[0]
        result.append(Link(best.id, comune.codice_istat, OrigineCopertura.INFERITO, best_d))
    return result


def compute_links(comuni: Sequence[ComunePoint], centri: Sequence[CentroPoint]) -> list[Link]:
    """Every comune whose ente gestore is not known gets ≥ 1 link when at least one centre exists."""
    return with_inferred(comuni, centri, known_links(comuni, centri))
