"""The parents' calendars as .ics files, with their words: one entry's sessions ("Aggiungi al
calendario") and the feed of a path link (sessions and the tappe's all-day reminders)."""

from __future__ import annotations

from datetime import datetime

from zerosei_app.domain.hsds_ids import hsds_id
from zerosei_app.domain.ics import IcsEvent, IcsReminder, calendar_bytes
from zerosei_app.i18n import t
from zerosei_app.queries.calendar import EntryCalendar, PathCalendar, SessionEvent, TappaReminder
from zerosei_app.view.tappe_words import tappa_words

ENTRY_PAGE = "/percorso"
PATH_NAME = "ZeroSei – appuntamenti del percorso"
PATH_DESCRIPTION = "Gli appuntamenti con data dei servizi del tuo percorso ZeroSei (Regione Piemonte)."


def _page_url(base: str, link: str) -> str:
    """The parents' page of the path, when both the site and the path are known."""
    return f"{base}{ENTRY_PAGE}?{link}" if base and link else ""


def _event(ev: SessionEvent, base: str, link: str) -> IcsEvent:
    e, centro = ev.entry, ev.centro
    where = ", ".join(x for x in (e.location, centro.name) if x)
    contact = " · ".join(x for x in (centro.phone, centro.email) if x)
    text = "\n\n".join(x for x in (e.summary, e.access, contact and f"Contatti: {contact}") if x)
    return IcsEvent(
        uid=f"{hsds_id('schedule', f'session/{ev.session_id}')}@zerosei",
        rule=ev.rule,
        summary=e.title,
        description=text,
        location=where,
        url=_page_url(base, link),
        changed=ev.changed,
    )


def _reminder(r: TappaReminder, lang: str, base: str, link: str) -> IcsReminder:
    """Who is responsible, the source and where to check (never an amount or a yearly date: the
    tappe's texts hold none)."""
    x = r.tappa
    w = {f: v.text for f, v in tappa_words(x, lang).items()}  # translated while the Regione's text is unedited
    lines = [
        w["sintesi"],
        f"{t('ui.tappa.when', lang)}: {w['quando']}" if x.timing else "",
        f"{t('ui.tappa.who', lang)}: {w['chi']}" if x.who else "",
        f"{t('ui.tappa.official', lang)}: {x.link}" if x.link else "",
        f"{t('ui.tappa.source', lang)}: {x.source_title} ({x.source_url})",
        t("path.tappa.to_check", lang) if x.needs_check and x.verified_on is None else "",
    ]
    return IcsReminder(
        uid=f"tappa-{x.id}-{r.child_month}@zerosei",
        day=r.day,
        summary=f"ZeroSei: {w['titolo']}",
        description="\n".join(line for line in lines if line),
        url=_page_url(base, link) or (x.link or ""),
    )


def entry_ics(cal: EntryCalendar, base: str, now: datetime) -> bytes:
    title = cal.entry.title
    events = [_event(ev, base, "") for ev in cal.events]
    return calendar_bytes(title, events, now, description=f"{title} – {cal.centro.name} (Carta ZeroSei)")


def path_ics(cal: PathCalendar, base: str, now: datetime) -> bytes:
    return calendar_bytes(
        PATH_NAME,
        [_event(ev, base, cal.link) for ev in cal.events],
        now,
        description=PATH_DESCRIPTION,
        reminders=[_reminder(r, cal.lang, base, cal.link) for r in cal.reminders],
    )
