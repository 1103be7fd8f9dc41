"""Calendars for parents: one entry's sessions, and the feed of a path link.

The feed of a path contains the sessions of exactly the services that path shows (now and in
the coming months, for every child), read afresh on every request: a subscribed calendar sees
new sessions at its next refresh. It also reminds, all day, of each public step (tappa) whose window
opens later for a child (domain/tappe.py::reminders: e.g. preschool enrolment in the January of the year
the child turns 3).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

from sqlmodel import Session

from zerosei_app.domain.errors import FieldError
from zerosei_app.domain.hsds_ids import hsds_id
from zerosei_app.domain.ics import IcsEvent, IcsReminder, calendar_bytes
from zerosei_app.domain.link import parse_query_string, to_query_string, validate_for_path
from zerosei_app.domain.tappe import reminders
from zerosei_app.i18n import t
from zerosei_app.models import CardEntry, Centro
from zerosei_app.queries import sessions as q
from zerosei_app.queries.backed import is_backed
from zerosei_app.queries.percorso import load_path
from zerosei_app.queries.snapshot import public_data

ENTRY_PAGE = "/percorso"


def _events(db: Session, entries: list[CardEntry], base: str, link: str = "") -> list[IcsEvent]:
    centri = {c.id: c for c in (db.get(Centro, cid) for cid in {e.centro_id for e in entries}) if c}
    out = []
    by_entry = q.sessions_of(db, [e.id for e in entries])
    # Days a centre or a service is temporarily closed become cancelled dates (EXDATE).
    rules = q.public_rules(db, [s for rows in by_entry.values() for s in rows], {e.id: e.centro_id for e in entries})
    for e in entries:
        centro = centri.get(e.centro_id)
        if centro is None or not centro.is_active:
            continue
        for s in by_entry.get(e.id, []):
            where = ", ".join(x for x in (e.location, centro.nome) if x)
            contact = " · ".join(x for x in (centro.telefono, centro.email) if x)
            text = "\n\n".join(x for x in (e.summary, e.access, contact and f"Contatti: {contact}") if x)
            out.append(
                IcsEvent(
                    uid=f"{hsds_id('schedule', f'session/{s.id}')}@zerosei",
                    rule=rules[s.id],
                    summary=e.title,
                    description=text,
                    location=where,
                    url=f"{base}{ENTRY_PAGE}?{link}" if base and link else "",
                    changed=s.updated_at,
                )
            )
    return out


def entry_calendar(db: Session, entry_id: int, base: str, now: datetime) -> bytes | None:
    """None if the entry is not published (or its centre is closed)."""
    entry = db.get(CardEntry, entry_id)
    if entry is None or not is_backed(entry):
        return None
    centro = db.get(Centro, entry.centro_id)
    if centro is None or not centro.is_active:
        return None
    events = _events(db, [entry], base)
    return calendar_bytes(entry.title, events, now, description=f"{entry.title} – {centro.nome} (Carta ZeroSei)")


@dataclass
class PathCalendar:
    body: bytes | None = None
    errors: list[FieldError] = field(default_factory=list)
    not_found: bool = False
    lang: str = "it"


def path_entry_ids(db: Session, raw_query: str, today: date) -> tuple[list[int], str, PathCalendar | None]:
    """The ids of the services a path link shows, its canonical query, or why there are none."""
    # As on the page, a mangled link keeps its valid parts (a second comune, an unknown language, a cut
    # list): only what leaves no path (no comune, no child) is refused, by load_path.
    parsed = parse_query_string(raw_query)
    lang = parsed.query.lang
    result = load_path(db, parsed.query, today)
    if result.data is None:
        return [], "", PathCalendar(errors=result.errors, not_found=result.unknown_comune, lang=lang)
    return result.data.entry_ids(), to_query_string(parsed.query), None


def path_calendar(db: Session, raw_query: str, today: date, base: str, now: datetime) -> PathCalendar:
    ids, link, failed = path_entry_ids(db, raw_query, today)
    if failed is not None:
        return failed
    entries = [e for e in (db.get(CardEntry, i) for i in ids) if e is not None]
    name = "ZeroSei – appuntamenti del percorso"
    body = calendar_bytes(
        name,
        _events(db, entries, base, link),
        now,
        description="Gli appuntamenti con data dei servizi del tuo percorso ZeroSei (Regione Piemonte).",
        reminders=tappe_reminders(db, raw_query, today, base, link),
    )
    return PathCalendar(body=body, lang=parse_query_string(raw_query).query.lang)


def tappe_reminders(db: Session, raw_query: str, today: date, base: str, link: str) -> list[IcsReminder]:
    """One all-day reminder per tappa and child whose window opens after today; each says who is responsible,
    the source and where to check (never an amount or a yearly date: the tappe's texts hold none)."""
    query = parse_query_string(raw_query).query
    lang = query.lang
    children, _ = validate_for_path(query, today)
    out = []
    for child in children:
        for x, day in reminders(public_data(db).tappe, child, today):
            lines = [
                x.sintesi,
                f"{t('ui.tappa.when', lang)}: {x.quando}" if x.quando else "",
                f"{t('ui.tappa.who', lang)}: {x.chi}" if x.chi else "",
                f"{t('ui.tappa.official', lang)}: {x.link}" if x.link else "",
                f"{t('ui.tappa.source', lang)}: {x.fonte_titolo} ({x.fonte_url})",
                t("path.tappa.to_check", lang) if x.da_verificare and x.verificato_il is None else "",
            ]
            out.append(
                IcsReminder(
                    uid=f"tappa-{x.id}-{child.month}@zerosei",
                    day=day,
                    summary=f"ZeroSei: {x.titolo}",
                    description="\n".join(line for line in lines if line),
                    url=f"{base}{ENTRY_PAGE}?{link}" if base and link else (x.link or ""),
                )
            )
    return out
