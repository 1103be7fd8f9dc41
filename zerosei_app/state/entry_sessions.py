""" "Prossimi appuntamenti" on the parents' pages: the next sessions (within 30 days) of the
services a path shows, or of one centre. Loaded when the component mounts, from the page's URL
(one source of truth, like the rest of the parents' pages); nothing is stored."""

from __future__ import annotations

from datetime import date

import reflex as rx

from zerosei_app.db import off_loop, session_scope
from zerosei_app.domain import clock
from zerosei_app.domain.link import parse_query_string
from zerosei_app.domain.sessions import ROME
from zerosei_app.domain.staff_forms import Id
from zerosei_app.domain.validation import parse
from zerosei_app.models import Centro
from zerosei_app.queries import sessions as q
from zerosei_app.queries.calendar import path_entry_ids
from zerosei_app.state.ui import UiState
from zerosei_app.view import share
from zerosei_app.view.entry_sessions import EntrySessionView, entry_session_view, feed_links


class EntrySessionsState(UiState):
    items: list[EntrySessionView] = []
    has_sessions: bool = False  # any future session at all (then the feed is worth offering)
    feed_href: str = ""
    webcal_href: str = ""

    def _show(self, db, entry_ids: list[int], lang: str) -> None:
        now = clock.now()
        soon = q.upcoming(db, entry_ids, now)
        later = soon or q.upcoming(db, entry_ids, now, days=5 * 366)
        names = {c.id: c.name for c in (db.get(Centro, i) for i in {a.centro_id for a in soon}) if c}
        self.items = [
            entry_session_view(
                a.entry_id,
                a.title,
                a.location or names.get(a.centro_id, ""),
                a.occurrence.start,
                a.occurrence.end,
                lang,
            )
            for a in soon
        ]
        self.has_sessions = bool(later)

    @rx.event
    async def load_path(self):
        # Database work: in the blocking-work threads, never in the event loop (db.off_loop).
        return await off_loop(self._load_path, lane="public")

    def _load_path(self):
        parsed = parse_query_string(self.router.url.query or "")
        today: date = clock.now().astimezone(ROME).date()
        self.feed_href = self.webcal_href = ""
        with session_scope() as db:
            ids, link, failed = path_entry_ids(db, self.router.url.query or "", today)
            if failed is not None:
                self.items, self.has_sessions = [], False
                return
            self._show(db, ids, parsed.query.lang)
        base = share.site_base(self.router.headers.origin)
        self.feed_href, self.webcal_href = feed_links(base, link)

    @rx.event
    async def load_centro(self, centro_id: int):
        # Database work: in the blocking-work threads, never in the event loop (db.off_loop).
        return await off_loop(self._load_centro, centro_id, lane="public")

    def _load_centro(self, centro_id: int):
        ref, _ = parse(Id, {"id": centro_id})
        self.feed_href = self.webcal_href = ""
        if ref is None:
            self.items, self.has_sessions = [], False
            return
        lang = parse_query_string(self.router.url.query or "").query.lang
        with session_scope() as db:
            self._show(db, q.published_entry_ids(db, [ref.id]), lang)
