"""The numbers of the Regione's view (/staff/regione/centri): per open centre its accounts, how much of
its Carta is confirmed, its reminders and closures; the comuni whose families see no confirmed entry."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

from sqlmodel import Session, col, select

from zerosei_app.domain import clock
from zerosei_app.domain.chiusure import Window, is_current_or_future
from zerosei_app.domain.regione_view import DEFAULT_REVIEW_DAYS, Account, invitation, is_confirmed
from zerosei_app.domain.vocabulary import EntryStatus, OrigineCopertura, Role
from zerosei_app.models import CardEntry, Centro, Comune, StaffMembership, StaffUser
from zerosei_app.queries.centri import serving_by_comune
from zerosei_app.queries.chiusure import all_by_owner
from zerosei_app.settings import get_settings

try:  # The reminders' table comes with the review cycle (branch h17a): counted once it exists.
    from zerosei_app.models.review import ReviewReminder  # type: ignore[import-not-found]
except ImportError:  # pragma: no cover - before that merge
    ReviewReminder = None


def review_days() -> int:
    """ZEROSEI_REVIEW_DAYS: a setting of the review cycle (branch h17a adds it to settings.py); 180 until then."""
    return int(getattr(get_settings(), "review_days", DEFAULT_REVIEW_DAYS))


@dataclass
class CentroRow:
    id: int
    name: str
    comune: str
    provincia: str
    invitation: str = "nessuno"  # domain/regione_view.invitation
    account: int = 0  # active operatori accounts
    published: int = 0
    confirmed: int = 0
    to_confirm: int = 0  # published and overdue (never confirmed included)
    last_confirmed: date | None = None
    reminders: int | None = None  # reminders sent; None until the reminders' table exists
    last_reminder: date | None = None
    chiusure: list[Window] = field(default_factory=list)  # the centre's closures in course or to come
    entries_suspended: int = 0  # its entries' closures in course or to come
    mediation_languages: list[str] = field(default_factory=list)  # its cultural mediators' (ISO 639-1)


@dataclass
class ComuneUnconfirmed:
    """A comune whose families see no confirmed entry (it may well have serving centres: see centro_id)."""

    codice_istat: str
    name: str
    provincia: str
    centro_id: int | None  # the first centre serving it (where confirming would fix it)
    centro_name: str
    inferito: bool  # served only by a guessed link


def centri_rows(db: Session, today: date, now: datetime, review_days: int) -> list[CentroRow]:
    rows = _open_centri(db)
    _count_accounts(db, rows, now)
    _count_entries(db, rows, today, review_days)
    _list_closures(db, rows, today)
    if ReviewReminder is not None:
        _count_reminders(db, rows)
    return list(rows.values())


def _open_centri(db: Session) -> dict[int, CentroRow]:
    return {
        c.id: CentroRow(c.id, c.name, m.name, m.sigla_provincia, mediation_languages=list(c.mediation_languages or []))
        for c, m in db.exec(
            select(Centro, Comune)
            .join(Comune, col(Comune.codice_istat) == col(Centro.codice_istat))
            .where(col(Centro.is_active).is_(True))
        ).all()
    }


def _count_accounts(db: Session, rows: dict[int, CentroRow], now: datetime) -> None:
    """Each centre's invitation state and its operatori who can log in."""
    accounts: dict[int, list[Account]] = {}
    for user, centro_id in db.exec(
        select(StaffUser, StaffMembership.centro_id)
        .join(StaffMembership, col(StaffMembership.user_id) == col(StaffUser.id))
        .where(StaffUser.role == Role.OPERATORE)
    ).all():
        expires = clock.aware(user.setup_expires_at)
        accounts.setdefault(centro_id, []).append(Account(user.is_active, bool(user.password_hash), expires))
    for cid, r in rows.items():
        mine = accounts.get(cid, [])
        r.invitation = invitation(mine, now)
        r.account = sum(1 for a in mine if a.is_active and a.has_password)


def _count_entries(db: Session, rows: dict[int, CentroRow], today: date, review_days: int) -> None:
    """Published entries: confirmed or not, and the last confirmation (examples never count as confirmed)."""
    for e in db.exec(
        select(CardEntry).where(CardEntry.status == EntryStatus.PUBLISHED, col(CardEntry.centro_id).in_(list(rows)))
    ).all():
        r = rows[e.centro_id]
        r.published += 1
        if is_confirmed(e.last_reviewed_on, e.is_example, today, review_days):
            r.confirmed += 1
        else:
            r.to_confirm += 1
        if (
            e.last_reviewed_on
            and not e.is_example
            and (r.last_confirmed is None or e.last_reviewed_on > r.last_confirmed)
        ):
            r.last_confirmed = e.last_reviewed_on


def _list_closures(db: Session, rows: dict[int, CentroRow], today: date) -> None:
    """The centre's current and future closures, then how many of its entries are suspended."""
    by_centro, by_entry = all_by_owner(db)
    for cid, r in rows.items():
        windows = [w for w in by_centro.get(cid, []) if is_current_or_future(w, today)]
        r.chiusure = [Window(w.starts_on, w.ends_on, w.reason or "") for w in windows]
    n_entry_closures: dict[int, int] = {}
    for windows in by_entry.values():
        for w in windows:
            if is_current_or_future(w, today):
                n_entry_closures[w.centro_id] = n_entry_closures.get(w.centro_id, 0) + 1
    for cid, n in n_entry_closures.items():
        if cid in rows:
            rows[cid].entries_suspended = n


def _count_reminders(db: Session, rows: dict[int, CentroRow]) -> None:
    for r in rows.values():
        r.reminders = 0
    for rem in db.exec(select(ReviewReminder).where(ReviewReminder.status == "inviato")).all():
        r = rows.get(rem.centro_id)
        if r is not None:
            r.reminders = (r.reminders or 0) + 1
            if r.last_reminder is None or rem.sent_on > r.last_reminder:
                r.last_reminder = rem.sent_on


def comuni_unconfirmed(db: Session, confirmed_centri: set[int]) -> list[ComuneUnconfirmed]:
    """Comuni none of whose serving (open) centres has a confirmed published entry, by province and name."""
    out = []
    comuni = {c.codice_istat: c for c in db.exec(select(Comune)).all()}
    serving = serving_by_comune(db)
    for codice, comune in comuni.items():
        links = serving.get(codice, [])
        if any(s.centro.id in confirmed_centri for s in links):
            continue
        first = links[0] if links else None
        out.append(
            ComuneUnconfirmed(
                codice,
                comune.name,
                comune.sigla_provincia,
                first.centro.id if first else None,
                first.centro.name if first else "",
                bool(links) and all(s.copertura.origine == OrigineCopertura.INFERITO for s in links),
            )
        )
    out.sort(key=lambda c: (c.provincia, c.name))
    return out
