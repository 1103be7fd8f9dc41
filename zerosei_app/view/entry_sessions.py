""" "Prossimi appuntamenti" as the parents' pages show them (plain data, no Reflex)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from zerosei_app.view.wording import day_text, short_day_text

ENTRY_ICS = "/calendario/voce/{id}.ics"
PATH_ICS = "/percorso.ics"


@dataclass
class EntrySessionView:
    uid: str
    day: str  # "martedì 6 ottobre" / "Tuesday 6 October"
    hours: str  # "09:30–11:30"
    title: str
    where: str  # the entry's place, else its centre
    ics_href: str


def entry_session_view(
    entry_id: int, title: str, where: str, start: datetime, end: datetime, lang: str
) -> EntrySessionView:
    """start, end: local (Europe/Rome) times of one occurrence."""
    return EntrySessionView(
        uid=f"{entry_id}-{start:%Y%m%d%H%M}",
        day=day_text(start.date(), lang),
        hours=f"{start:%H:%M}–{end:%H:%M}",
        title=title,
        where=where,
        ics_href=ENTRY_ICS.format(id=entry_id),
    )


def feed_links(base: str, link: str) -> tuple[str, str]:
    """The path's feed: its https address and the same as `webcal:` (calendar apps subscribe)."""
    https = f"{base}{PATH_ICS}?{link}"
    webcal = "webcal:" + https.split(":", 1)[1] if "://" in https else ""
    return https, webcal


MAX_IN_CARD = 3  # a weekly series shows its next dates in one line inside its card, never as rows above it


def dates_in_card(starts: list[datetime], lang: str) -> str:
    """ "mar 13 ott 09:30 · mar 20 ott 09:30 · mar 27 ott 09:30 e altre 5": the next dates, compactly."""
    shown = [f"{short_day_text(s.date(), lang)} {s:%H:%M}" for s in starts[:MAX_IN_CARD]]
    text = " · ".join(shown)
    more = len(starts) - MAX_IN_CARD
    return text + (f" (+{more})" if more > 0 else "")
