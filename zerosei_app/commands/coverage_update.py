"""Apply the coverage rule (domain/coverage.py) again after new centres or data arrive.

Adds the links rules 1 and 2 give that are missing (unless a person removed that very link),
keeps every link that is not a guess, and replaces the guesses ("inferito") by the ones the
rule gives now: a comune whose own or ente gestore's centre has just been registered loses
the far centre it was given as the nearest one. Returns how many links changed; a second run
changes nothing.
"""

from __future__ import annotations

from datetime import datetime

from sqlmodel import Session, col, select

from zerosei_app.commands import audit
from zerosei_app.domain.coverage import (
    INFERRED_NOTE,
    CentroPoint,
    ComunePoint,
    Link,
    centro_point,
    known_links,
    with_inferred,
)
from zerosei_app.domain.vocabulary import OrigineCopertura
from zerosei_app.models import AuditRecord, Centro, Comune, ComuneEnteGestore, Copertura

ENTITY = "copertura"


def _log(db: Session, link: Link | Copertura, action: str, before: str | None, after: str | None, now: datetime | None):
    if now is None:
        return
    audit.record(
        db,
        entity=ENTITY,
        entity_id=link.centro_id,
        centro_id=link.centro_id,
        user_id=None,
        action=action,
        before={"comune": link.codice_istat, "origine": before} if before else None,
        after={"comune": link.codice_istat, "origine": after} if after else None,
        now=now,
    )


def _removed_by_people(db: Session) -> set[tuple[int, str]]:
    rows = db.exec(
        select(AuditRecord.centro_id, AuditRecord.before).where(
            AuditRecord.entity == ENTITY, AuditRecord.action == "unlink", col(AuditRecord.user_id).is_not(None)
        )
    ).all()
    return {(centro_id, (before or {}).get("comune")) for centro_id, before in rows}


def reapply_rule(db: Session, now: datetime, log: bool = True) -> int:
    """`log=False` for a fresh seed (nothing to audit: no one's data changed)."""
    points, centres = _points(db)
    open_ids = {c.id for c in centres}
    current = [k for k in db.exec(select(Copertura)).all() if k.centro_id in open_ids]
    have = {(k.centro_id, k.codice_istat) for k in current}  # kept up to date as links come and go
    when = now if log else None
    added = _add_known_links(db, known_links(points, centres), current, have, when)
    wanted = _wanted_guesses(points, centres, current, added)
    changes = len(added)
    changes += _drop_stale_guesses(db, current, wanted, have, when)
    changes += _add_guesses(db, wanted, have, when)
    db.flush()
    return changes


def _points(db: Session) -> tuple[list[ComunePoint], list[CentroPoint]]:
    """Every comune and every open centre, as the rule sees them."""
    comuni = db.exec(select(Comune)).all()
    prov = {c.codice_istat: c.sigla_provincia for c in comuni}
    ente_of = dict(db.exec(select(ComuneEnteGestore.codice_istat, ComuneEnteGestore.ente_gestore_id)).all())
    points = [ComunePoint(c.codice_istat, c.sigla_provincia, c.lat, c.lon, ente_of.get(c.codice_istat)) for c in comuni]
    centres = [
        centro_point(c, prov.get(c.codice_istat, ""))
        for c in db.exec(select(Centro).where(col(Centro.is_active).is_(True))).all()
    ]
    return points, centres


def _add_known_links(
    db: Session, links: list[Link], current: list[Copertura], have: set, when: datetime | None
) -> list[Link]:
    """Rules 1 and 2: a guess that is now known is promoted; a missing link is added unless a person removed it.
    Returns the links promoted or added (each one change)."""
    removed = _removed_by_people(db)
    by_key = {(k.centro_id, k.codice_istat): k for k in current}
    added: list[Link] = []
    for link in links:
        key = (link.centro_id, link.codice_istat)
        guess = by_key.get(key)
        if guess is not None and guess.origine == OrigineCopertura.INFERITO:
            # The same centre, now known (its ente gestore's): no longer a guess.
            _log(db, link, "auto_link", guess.origine, link.origine, when)
            guess.origine, guess.distance_km, guess.note = link.origine, link.distance_km, None
            db.add(guess)
            added.append(link)
            continue
        if key in have or key in removed:
            continue
        db.add(
            Copertura(
                centro_id=link.centro_id,
                codice_istat=link.codice_istat,
                origine=link.origine,
                distance_km=link.distance_km,
            )
        )
        _log(db, link, "auto_link", None, link.origine, when)
        have.add(key)
        added.append(link)
    return added


def _wanted_guesses(
    points: list[ComunePoint], centres: list[CentroPoint], current: list[Copertura], added: list[Link]
) -> dict:
    """The guesses the rule gives now, on top of every link that is not a guess, keyed (centro_id, codice_istat)."""
    added_keys = {(a.centro_id, a.codice_istat) for a in added}
    base = [
        Link(k.centro_id, k.codice_istat, k.origine, k.distance_km)
        for k in current
        if k.origine != OrigineCopertura.INFERITO and (k.centro_id, k.codice_istat) not in added_keys
    ]
    return {
        (link.centro_id, link.codice_istat): link
        for link in with_inferred(points, centres, base + added)
        if link.origine == OrigineCopertura.INFERITO
    }


def _drop_stale_guesses(db: Session, current: list[Copertura], wanted: dict, have: set, when: datetime | None) -> int:
    changes = 0
    for k in current:
        if k.origine == OrigineCopertura.INFERITO and (k.centro_id, k.codice_istat) not in wanted:
            _log(db, k, "auto_unlink", k.origine, None, when)
            db.delete(k)
            have.discard((k.centro_id, k.codice_istat))
            changes += 1
    return changes


def _add_guesses(db: Session, wanted: dict, have: set, when: datetime | None) -> int:
    changes = 0
    for key, link in wanted.items():
        if key in have:
            continue
        db.add(
            Copertura(
                centro_id=link.centro_id,
                codice_istat=link.codice_istat,
                origine=OrigineCopertura.INFERITO,
                distance_km=link.distance_km,
                note=INFERRED_NOTE,
            )
        )
        _log(db, link, "auto_link", None, "inferito", when)
        changes += 1
    return changes
