"""The Regione sets which ente gestore serves a comune (one at a time, or many by CSV). Each change is
audited, and the coverage rule runs again (commands/coverage_update.py): a comune whose new ente runs a
centre gets that centre (origine `ente_gestore`) instead of the nearest one it was guessed."""

from __future__ import annotations

from datetime import datetime

from sqlmodel import Session

from zerosei_app.commands import audit
from zerosei_app.commands.coverage_update import reapply_rule
from zerosei_app.domain import clock
from zerosei_app.domain.errors import Refused
from zerosei_app.models import Comune, ComuneEnteGestore, EnteGestore
from zerosei_app.queries.comune_ente import EntiPlan, plan_import

ENTITY = "comune_ente_gestore"
NOTE = "Indicato dalla Regione"


class EnteError(Refused):
    """An ente gestore's link refused (codes: comune_unknown, ente_unknown, enti_file_errors)."""


def set_ente(
    db: Session, codice_istat: str, ente_id: int, user_id: int | None, now: datetime, rerun: bool = True
) -> bool:
    """The comune is served by this ente; False when it already was. `rerun`: apply the coverage rule now
    (an import applies it once at the end)."""
    comune = db.get(Comune, codice_istat)
    ente = db.get(EnteGestore, ente_id)
    if comune is None:
        raise EnteError("comune_unknown", codice_istat=codice_istat)
    if ente is None:
        raise EnteError("ente_unknown")
    link = db.get(ComuneEnteGestore, codice_istat)
    if link is not None and link.ente_gestore_id == ente_id:
        return False
    # The Regione's own word: no research source, and the data update never writes it again.
    values = dict(name_as_cited=ente.name, source_url=None, notes=f"{NOTE} il {clock.day(now)}")
    values |= dict(reference_date=now.date().isoformat(), source_title=None, evidence=None, confidenza=None)
    write_link(db, codice_istat, ente_id, values, "set_ente", user_id, now)
    if rerun:
        reapply_rule(db, now)
    return True


def write_link(
    db: Session,
    codice_istat: str,
    ente_id: int,
    values: dict[str, object],
    action: str | None,
    user_id: int | None,
    now: datetime,
) -> ComuneEnteGestore:
    """Every change of a comune's ente gestore goes through here (the Regione's list, a confirmed lead):
    the link gets the ente and `values`, and the audit record `action` (default: create or update)."""
    link = db.get(ComuneEnteGestore, codice_istat)
    before = audit.snapshot(link) if link is not None else None
    if link is None:
        link = ComuneEnteGestore(codice_istat=codice_istat, ente_gestore_id=ente_id)
    link.ente_gestore_id, link.edited_at = ente_id, now
    for key, value in values.items():
        setattr(link, key, value)
    db.add(link)
    db.flush()
    audit.record(
        db,
        entity=ENTITY,
        entity_id=int(codice_istat),
        centro_id=None,
        user_id=user_id,
        action=action or ("update" if before else "create"),
        before=before,
        after=audit.snapshot(link),
        now=now,
    )
    return link


def commit_import(db: Session, data: bytes | str, user_id: int | None, now: datetime) -> EntiPlan:
    """All rows or none: a file with any error changes nothing (the caller shows the plan)."""
    plan, work = plan_import(db, data)
    if not plan.ok:
        raise EnteError("enti_file_errors")
    for codice, ente_id in work:
        set_ente(db, codice, ente_id, user_id, now, rerun=False)
    if work:
        reapply_rule(db, now)
    return plan
