"""Which comuni a centre serves, as the Regione edits it.

Rules (docs in domain/coverage.py): a link the Regione adds is "esplicito" and replaces the
inferred links of that comune (when the centre it names is a reliable one: confirmed and
reachable); when a comune is left without an open centre (a link removed, a centre closed) it
gets the nearest one again by the same documented rule, marked "inferito", and a comune left
with only unreliable centres (known by name only, uncertain) also gets the nearest reliable one.
"""

from __future__ import annotations

from datetime import datetime

from sqlmodel import Session, col, select

from zerosei_app.commands import audit
from zerosei_app.domain.coverage import INFERRED_NOTE, ComunePoint, Link, centro_point, known_links, with_inferred
from zerosei_app.domain.errors import Refused
from zerosei_app.domain.vocabulary import OrigineCopertura
from zerosei_app.models import Centro, Comune, ComuneEnteGestore, Copertura
from zerosei_app.queries.staff_coverage import without_open_centre

ENTITY = "copertura"


class CoverageError(Refused, ValueError):
    """A comune link refused (code: coverage_comune_unknown)."""


def _log(
    db: Session,
    centro_id: int,
    user_id: int,
    action: str,
    codice: str,
    before: str | None,
    after: str | None,
    now: datetime,
) -> None:
    audit.record(
        db,
        entity=ENTITY,
        entity_id=centro_id,
        centro_id=centro_id,
        user_id=user_id,
        action=action,
        before={"comune": codice, "origine": before} if before else None,
        after={"comune": codice, "origine": after} if after else None,
        now=now,
    )


def add_link(db: Session, centro: Centro, codice_istat: str, user_id: int, now: datetime) -> None:
    """The centre serves the comune (confirmed); inferred guesses for that comune go away,
    unless the centre is not one families can rely on (then the nearest reliable one stays)."""
    if db.get(Comune, codice_istat) is None:
        raise CoverageError("coverage_comune_unknown")
    for link in db.exec(
        select(Copertura).where(Copertura.codice_istat == codice_istat, Copertura.origine == OrigineCopertura.INFERITO)
    ).all():
        if link.centro_id != centro.id and centro_point(centro, "").reliable:
            _log(db, link.centro_id, user_id, "unlink", codice_istat, link.origine, None, now)
            db.delete(link)
    link = db.exec(
        select(Copertura).where(Copertura.centro_id == centro.id, Copertura.codice_istat == codice_istat)
    ).first()
    if link is None:
        db.add(
            Copertura(
                centro_id=centro.id, codice_istat=codice_istat, origine=OrigineCopertura.ESPLICITO, distance_km=None
            )
        )
        _log(db, centro.id, user_id, "link", codice_istat, None, OrigineCopertura.ESPLICITO, now)
    elif link.origine != OrigineCopertura.ESPLICITO:
        _log(db, centro.id, user_id, "confirm", codice_istat, link.origine, OrigineCopertura.ESPLICITO, now)
        link.origine, link.note = OrigineCopertura.ESPLICITO, None
        db.add(link)
    db.flush()


def remove_link(db: Session, centro: Centro, codice_istat: str, user_id: int, now: datetime) -> list[str]:
    link = db.exec(
        select(Copertura).where(Copertura.centro_id == centro.id, Copertura.codice_istat == codice_istat)
    ).first()
    if link is None:
        return []
    _log(db, centro.id, user_id, "unlink", codice_istat, link.origine, None, now)
    db.delete(link)
    db.flush()
    return reinfer_uncovered(db, user_id, now)


def reinfer_uncovered(db: Session, user_id: int | None, now: datetime) -> list[str]:
    """Give every comune without an open centre its links by the rule again (rules 1–2, then the
    nearest reliable centre, "inferito", when its ente gestore is not known); returns the comuni names."""
    comuni = db.exec(select(Comune)).all()
    prov = {c.codice_istat: c.sigla_provincia for c in comuni}
    centres = [
        centro_point(c, prov.get(c.codice_istat, ""))
        for c in db.exec(select(Centro).where(col(Centro.is_active).is_(True))).all()
    ]
    open_ids = [c.id for c in centres]
    current = [
        Link(centro_id, codice, origine, distanza)
        for centro_id, codice, origine, distanza in db.exec(
            select(Copertura.centro_id, Copertura.codice_istat, Copertura.origine, Copertura.distance_km).where(
                col(Copertura.centro_id).in_(open_ids)
            )
        ).all()
    ]
    missing = set(without_open_centre(db))
    ente_of = dict(db.exec(select(ComuneEnteGestore.codice_istat, ComuneEnteGestore.ente_gestore_id)).all())
    points = [ComunePoint(c.codice_istat, c.sigla_provincia, c.lat, c.lon, ente_of.get(c.codice_istat)) for c in comuni]
    # A comune left with nothing gets rules 1 and 2 again; then rule 3 runs on what is there.
    restored = [link for link in known_links(points, centres) if link.codice_istat in missing] if missing else []
    have = {(link.centro_id, link.codice_istat) for link in current}
    names = {c.codice_istat: c.name for c in comuni}
    fixed = []
    for link in with_inferred(points, centres, current + restored):
        if (link.centro_id, link.codice_istat) in have:
            continue
        have.add((link.centro_id, link.codice_istat))
        db.add(
            Copertura(
                centro_id=link.centro_id,
                codice_istat=link.codice_istat,
                origine=link.origine,
                distance_km=link.distance_km,
                note=INFERRED_NOTE if link.origine == OrigineCopertura.INFERITO else None,
            )
        )
        _log(db, link.centro_id, user_id, "auto_link", link.codice_istat, None, link.origine, now)
        fixed.append(names.get(link.codice_istat, link.codice_istat))
    db.flush()
    return sorted(set(fixed))


def replace_links_for(db: Session, pairs: dict[str, set[int]], user_id: int, now: datetime) -> None:
    """The official list is the truth for the comuni it names: their links become exactly its links."""
    for codice, centro_ids in pairs.items():
        current = db.exec(select(Copertura).where(Copertura.codice_istat == codice)).all()
        for link in current:
            if link.centro_id not in centro_ids:
                _log(db, link.centro_id, user_id, "unlink", codice, link.origine, None, now)
                db.delete(link)
            elif link.origine != OrigineCopertura.ESPLICITO:
                _log(db, link.centro_id, user_id, "confirm", codice, link.origine, OrigineCopertura.ESPLICITO, now)
                link.origine, link.note, link.distance_km = OrigineCopertura.ESPLICITO, None, None
                db.add(link)
        have = {k.centro_id for k in current}
        for centro_id in sorted(centro_ids - have):
            db.add(Copertura(centro_id=centro_id, codice_istat=codice, origine=OrigineCopertura.ESPLICITO))
            _log(db, centro_id, user_id, "link", codice, None, OrigineCopertura.ESPLICITO, now)
    db.flush()


__all__ = [
    "CoverageError",
    "add_link",
    "reinfer_uncovered",
    "remove_link",
    "replace_links_for",
]
