"""The entry editor's "Appuntamenti" panel: dated sessions of the entry (domain/sessions.py).

Staff pick a day, times and, for a repeat, weekdays and an end date: never rule text. Bad input
gets a message next to its control and nothing is saved. Every handler goes through
`staff_event` and re-checks the entry (and so the centre) on the server.
"""

from __future__ import annotations

import dataclasses
from datetime import datetime, timedelta
from typing import Any

from pydantic import BaseModel, ConfigDict, Field
from sqlmodel import Session

from zerosei_app.auth.guard import Denied, StaffContext, require_entry
from zerosei_app.commands.sessions import add_session, delete_session, replace_rule, restore_deleted
from zerosei_app.domain import clock
from zerosei_app.domain.sessions import (
    ROME,
    Repeat,
    SessionChoice,
    cancel,
    last_day,
    occurrences,
    validate,
)
from zerosei_app.domain.staff_forms import Id
from zerosei_app.domain.validation import parse, require
from zerosei_app.models import CardEntry, EntrySession
from zerosei_app.queries import sessions as q
from zerosei_app.state.staff_base import StaffState, staff_event, today
from zerosei_app.view import staff_messages as m
from zerosei_app.view.session_words import describe

SHOWN_OCCURRENCES = 12


class SessionForm(BaseModel):
    """The panel's form as the browser sends it (all text; checkboxes only when ticked)."""

    model_config = ConfigDict(extra="ignore", str_strip_whitespace=True)
    sess_repeat: str = Field(default=Repeat.ONCE, max_length=20)
    sess_day: str = Field(default="", max_length=20)
    sess_start: str = Field(default="", max_length=10)
    sess_end: str = Field(default="", max_length=10)
    sess_until: str = Field(default="", max_length=20)
    wd_0: str | None = Field(default=None, max_length=5)
    wd_1: str | None = Field(default=None, max_length=5)
    wd_2: str | None = Field(default=None, max_length=5)
    wd_3: str | None = Field(default=None, max_length=5)
    wd_4: str | None = Field(default=None, max_length=5)
    wd_5: str | None = Field(default=None, max_length=5)
    wd_6: str | None = Field(default=None, max_length=5)

    def choice(self) -> SessionChoice:
        days = tuple(i for i in range(7) if getattr(self, f"wd_{i}") not in (None, "", "false", "off"))
        return SessionChoice(self.sess_repeat, self.sess_day, self.sess_start, self.sess_end, days, self.sess_until)


class OccurrenceRef(BaseModel):
    session_id: int = Field(gt=0, lt=2**31)
    start: str = Field(max_length=40)


@dataclasses.dataclass
class SessionRow:
    id: int
    text: str


@dataclasses.dataclass
class OccurrenceRow:
    session_id: int
    start: str  # ISO, the key to cancel it
    label: str


class StaffSessionsState(StaffState):
    entry_ready: bool = False  # False while the entry is not saved yet
    repeat: str = Repeat.ONCE
    errors: dict[str, str] = {}
    form_key: int = 0
    rows: list[SessionRow] = []
    next_dates: list[OccurrenceRow] = []
    note: str = ""  # said inside the panel too (the page's messages are at the top)
    # "Elimina" asks first (the series, its dates), and a deletion can be undone from the panel.
    confirm_delete_id: int = 0
    confirm_delete_text: str = ""
    undo_audit_id: int = 0

    def _entry(self, db: Session, ctx: StaffContext) -> CardEntry:
        # The entry comes from the page's address on every event, and its centre is checked.
        ref = require(Id, {"id": self.router.url.query_parameters.get("id", "")})
        return require_entry(db, ctx, ref.id)

    def _fill(self, db: Session, entry: CardEntry) -> None:
        stored = q.sessions_of(db, [entry.id]).get(entry.id, [])
        self.rows = [SessionRow(s.id, describe(q.rule_of(s))) for s in stored]
        now = clock.now().astimezone(ROME)
        found = []
        for s in stored:
            for occ in occurrences(q.rule_of(s), now, now + timedelta(days=5 * 366), limit=SHOWN_OCCURRENCES):
                found.append(OccurrenceRow(s.id, occ.start.isoformat(), f"{occ.start:%d/%m/%Y %H:%M}"))
        found.sort(key=lambda r: r.start)
        self.next_dates = found[:SHOWN_OCCURRENCES]
        self.entry_ready = True

    @staff_event(quiet=True)
    def load(self, db: Session, ctx: StaffContext):
        self.errors, self.repeat, self.note = {}, Repeat.ONCE, ""
        self.confirm_delete_id, self.confirm_delete_text, self.undo_audit_id = 0, "", 0
        if not self.router.url.query_parameters.get("id"):
            self.entry_ready, self.rows, self.next_dates = False, [], []
            return
        self._fill(db, self._entry(db, ctx))

    @staff_event(quiet=True)
    def set_repeat(self, db: Session, ctx: StaffContext, value: str):
        self._entry(db, ctx)
        self.repeat = value if value in set(Repeat) else Repeat.ONCE

    @staff_event
    def add(self, db: Session, ctx: StaffContext, form: dict):
        entry = self._entry(db, ctx)
        data, problems = parse(SessionForm, form if isinstance(form, dict) else {})
        if data is None:
            self.errors = {f"{k}": v for k, v in problems.items()}
            self.flash_error = self.note = m.SESSION_NOT_SAVED
            return
        rule, errors = validate(data.choice(), today())
        if rule is None:
            self.errors = m.field_errors(errors)
            self.flash_error = self.note = m.SESSION_NOT_SAVED
            return
        add_session(db, entry, rule, ctx.user_id, clock.now())
        db.commit()
        self.errors = {}
        self.form_key += 1
        self.repeat = Repeat.ONCE
        self._fill(db, entry)
        self.flash_ok = self.note = m.SESSION_SAVED

    def _session(self, db: Session, entry: CardEntry, session_id: Any) -> EntrySession:
        ref = require(Id, {"id": session_id})
        row = db.get(EntrySession, ref.id)
        if row is None or row.entry_id != entry.id:
            raise Denied("forbidden", m.NOT_THIS_ENTRY)
        return row

    @staff_event
    def cancel_occurrence(self, db: Session, ctx: StaffContext, session_id: int, start: str):
        entry = self._entry(db, ctx)
        ref = require(OccurrenceRef, {"session_id": session_id, "start": start})
        row = self._session(db, entry, ref.session_id)
        try:
            when = datetime.fromisoformat(ref.start)
        except ValueError:
            when = None
        changed = cancel(q.rule_of(row), when) if when is not None and when.tzinfo else None
        if changed is None:
            self.flash_error = m.OCCURRENCE_GONE
            return
        if last_day(changed) is None:
            delete_session(db, row, entry.centro_id, ctx.user_id, clock.now())  # nothing left of it
        else:
            replace_rule(db, row, changed, entry.centro_id, ctx.user_id, clock.now())
        db.commit()
        self._fill(db, entry)
        self.flash_ok = self.note = m.occurrence_cancelled(when)

    @staff_event
    def ask_delete(self, db: Session, ctx: StaffContext, session_id: int):
        entry = self._entry(db, ctx)
        row = self._session(db, entry, session_id)
        rule = q.rule_of(row)
        left = len(occurrences(rule, clock.now().astimezone(ROME), clock.now() + timedelta(days=5 * 366), limit=2000))
        self.confirm_delete_id = row.id
        self.confirm_delete_text = m.delete_question(describe(rule), left)

    @staff_event
    def cancel_delete(self, db: Session, ctx: StaffContext):
        self._entry(db, ctx)
        self.confirm_delete_id, self.confirm_delete_text = 0, ""

    @staff_event
    def delete(self, db: Session, ctx: StaffContext, session_id: int):
        entry = self._entry(db, ctx)
        row = self._session(db, entry, session_id)
        if self.confirm_delete_id != row.id:  # only after "Elimina" asked (the browser can call this directly)
            self.flash_error = m.CONFIRM_DELETE_FIRST
            return
        rec = delete_session(db, row, entry.centro_id, ctx.user_id, clock.now())
        db.commit()
        self.confirm_delete_id, self.confirm_delete_text, self.undo_audit_id = 0, "", rec.id or 0
        self._fill(db, entry)
        self.flash_ok = self.note = m.SESSIONS_DELETED

    @staff_event
    def undo_delete(self, db: Session, ctx: StaffContext):
        entry = self._entry(db, ctx)
        restored = (
            restore_deleted(db, entry, self.undo_audit_id, ctx.user_id, clock.now()) if self.undo_audit_id else None
        )
        if restored is None:
            self.flash_error = m.NOTHING_TO_UNDO
            return
        db.commit()
        self.undo_audit_id = 0
        self._fill(db, entry)
        self.flash_ok = self.note = m.SESSIONS_RESTORED
