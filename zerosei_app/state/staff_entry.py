"""/staff/voce?id=<id> and /staff/voce/nuova?centro=<id>: create and edit one entry.

Nothing is lost: the form's inputs keep what the user typed until a save succeeds (they are
re-mounted with the stored values only after a successful save or an explicit reload); a
refused save (conflict, validation, lost session, busy database) says so and leaves the text.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any, TypeVar

import reflex as rx
from sqlmodel import Session

from zerosei_app.auth.guard import StaffContext, require_centro, require_entry
from zerosei_app.commands.staff_entries import (
    Conflict,
    EntryRuleError,
    change_status,
    create_entry,
    mark_reviewed,
    restore_version,
    save_entry,
)
from zerosei_app.domain import clock, funzioni
from zerosei_app.domain.clock import day
from zerosei_app.domain.entry_form import (
    FIELDS,
    EntryInput,
    confirmation_values,
    confirmed_by_centre,
    entry_to_form,
    same_content,
    validate_form,
)
from zerosei_app.domain.entry_status import ACTION_LABELS, DONE_MESSAGES, TransitionError, actions_for
from zerosei_app.domain.review import is_stale
from zerosei_app.domain.staff_forms import Id, TemplateRef
from zerosei_app.domain.staff_labels import STATUS_LABELS
from zerosei_app.domain.validation import parse, require
from zerosei_app.models import CardEntry
from zerosei_app.queries.staff_entries import content_of, reference_errors
from zerosei_app.queries.staff_entry_editor import comune_names, editor_comuni, entry_history, get_entry
from zerosei_app.state.staff_base import StaffState, staff_event, today
from zerosei_app.state.staff_write import commit_or_say, said
from zerosei_app.view import staff_entry as v
from zerosei_app.view import staff_messages as m
from zerosei_app.view.percorso_view import EntryView
from zerosei_app.view.staff_entry import EMPTY_PREVIEW, DiffRow, ErrorLink, HistoryRow
from zerosei_app.view.staff_funzioni import prefill

T = TypeVar("T")

UNLOAD_GUARD = "window.onbeforeunload = (e) => { e.preventDefault(); e.returnValue = ''; return ''; };"
UNLOAD_CLEAR = "window.onbeforeunload = null;"

# A refused save must be seen where the user is looking (often the bottom of a long form).
FOCUS_ERRORS = (
    "setTimeout(function(){var e=document.getElementById('error-summary');"
    "if(e){e.setAttribute('tabindex','-1');e.scrollIntoView({block:'start'});e.focus();}},0)"
)
FOCUS_CONFIRM = (
    "setTimeout(function(){var e=document.getElementById('conferma-dati');"
    "if(e){e.scrollIntoView({block:'start'});e.focus();}},0)"
)
FOCUS_CONFLICT = (
    "setTimeout(function(){var e=document.getElementById('conflitto');"
    "if(e){e.scrollIntoView({block:'start'});e.focus();}},0)"
)


class StaffEntryState(StaffState):
    entry_id: int = 0  # 0 while creating
    centro_id: int = 0
    centro_name: str = ""
    form: dict[str, str] = {}
    form_key: int = 0  # bumped to re-mount the inputs with stored values
    errors: dict[str, str] = {}
    error_links: list[ErrorLink] = []  # the summary on top, each linking to its field
    status: str = ""
    status_label: str = ""
    version: int = 0
    actions: list[str] = []
    reviewed_on: str = ""
    stale: bool = False
    is_example: bool = False
    dirty: bool = False
    saving: bool = False
    saved_note: str = ""
    conflict: bool = False
    conflict_by: str = ""
    conflict_at: str = ""
    conflict_diff: list[DiffRow] = []
    history: list[HistoryRow] = []
    preview: EntryView = EMPTY_PREVIEW
    preview_area: str = ""
    preview_note: str = ""
    comuni_options: list[list[str]] = []  # [ISTAT, name]: the comuni the centre serves
    template_options: list[list[str]] = v.template_options()  # ["<index>", title]: "Parti da un modello"
    template_title: str = ""  # the title of the modello this new draft started from
    template_choice: str = ""  # its index, as the picker's value
    # "Conferma i dati…": the stored entry in words, then an explicit "Confermo" (state.review).
    confirm_open: bool = False
    confirm_summary: list[list[str]] = []
    confirmed_label: str = ""  # "Confermata dal centro il 06/12/2026": shown beside the form's box after a save
    _base_version: int = 0  # the version the form started from (kept on the server)
    _funzione_id: str = ""  # a new entry detailing this regional function (backend only: set from the URL, checked)
    _pending: dict[str, Any] = {}  # after a conflict: the fields this person changed, to apply anyway
    _base_values: dict[str, Any] = {}  # the stored values the form started from
    _intent: str = "save"  # which submit button was used: "save" or "preview"
    _reviewed_iso: str = ""  # the stored review date, for the preview of unsaved text
    _confirm_version: int = 0  # the version whose summary was shown: "Confermo" confirms exactly that

    # ---------------------------------------------------------------- loading

    def _fill(self, db: Session, entry: CardEntry, remount: bool = True) -> None:
        self.entry_id, self.centro_id = entry.id, entry.centro_id
        self.status, self.status_label = entry.status, STATUS_LABELS.get(entry.status, entry.status)
        self.version = entry.version
        self.actions = actions_for(entry.status)
        self.reviewed_on = day(entry.last_reviewed_on) if entry.last_reviewed_on else ""
        self.stale = entry.status != "archived" and is_stale(entry.last_reviewed_on, today())
        self.is_example = entry.is_example
        self.confirmed_label = v.confirmed_label(entry.last_reviewed_on, entry.is_example, self.stale)
        self.confirm_open, self.confirm_summary, self._confirm_version = False, [], 0
        values = {name: getattr(entry, name) for name in FIELDS}
        self._set_preview(values, entry.last_reviewed_on, entry.is_example)
        self.preview_note = ""
        if remount:
            self._base_version = entry.version
            self._base_values = values
            self.form = entry_to_form(values)
            self.form_key += 1
            self._set_errors({})
            self.dirty = False
        records = entry_history(db, entry.id)
        self.history = v.history_rows(records, entry.created_at, comune_names(db, v.history_comuni(records)))

    def _set_preview(self, values: dict[str, Any], reviewed: date | None, example: bool) -> None:
        self.preview, self.preview_area = v.preview(values, self.entry_id, self.centro_id, reviewed, example)
        self._reviewed_iso = reviewed.isoformat() if reviewed else ""

    def _comuni(self, db: Session, centro_id: int, current: str | None) -> None:
        served, other = editor_comuni(db, centro_id, current)
        self.comuni_options = v.comuni_options(served, current, other)

    def _require_target(self, db: Session, ctx: StaffContext) -> None:
        """The entry being edited, or the centre a new one is for: this person may write it."""
        if self.entry_id:
            require_entry(db, ctx, self.entry_id)
        else:
            require_centro(db, ctx, self.centro_id)

    def _reset_flags(self) -> None:
        self.conflict, self.conflict_diff, self._pending = False, [], {}
        self.saving, self.saved_note = False, ""

    @staff_event(loader=True)
    def load_entry(self, db: Session, ctx: StaffContext):
        ref = require(Id, {"id": self.router.url.query_parameters.get("id", "")})
        entry = require_entry(db, ctx, ref.id)
        self.centro_name = require_centro(db, ctx, entry.centro_id).name
        self._comuni(db, entry.centro_id, entry.location_comune)
        # The same entry again in this tab: the page is loading again because the websocket came
        # back (a backend worker or Redis restarted). The inputs may hold typed text (even if the
        # "changed" mark was lost with a dying worker): re-mount them only when the stored entry
        # changed and nothing was typed here. A save still checks the version it started from.
        same = self.entry_id == entry.id and self._base_version
        keep_text = bool(same) and (self.dirty or entry.version == self._base_version)
        self._reset_flags()
        self.template_title, self.template_choice = "", ""
        self._fill(db, entry, remount=not keep_text)
        if keep_text and not self.dirty:
            self._set_errors({})
        if self.router.url.query_parameters.get("creata") and not self.dirty:
            self.flash_ok = v.CREATED
        return rx.call_script(UNLOAD_GUARD if self.dirty else UNLOAD_CLEAR)

    @staff_event(loader=True)
    def load_new(self, db: Session, ctx: StaffContext):
        ref = require(Id, {"id": self.router.url.query_parameters.get("centro", "")})
        centro = require_centro(db, ctx, ref.id)
        if self.dirty and not self.entry_id and self.centro_id == centro.id:
            return rx.call_script(UNLOAD_GUARD)  # the websocket came back: keep the new entry's typed text
        self._reset_flags()
        self._comuni(db, centro.id, centro.codice_istat)
        self.entry_id, self.centro_id, self.centro_name = 0, centro.id, centro.name
        self.status, self.status_label, self.version, self._base_version = "draft", v.NEW_STATUS_LABEL, 0, 0
        self.actions, self.history, self.reviewed_on, self.stale, self.is_example = [], [], "", False, False
        picked = self.router.url.query_parameters.get("modello", "")
        ref, _ = parse(TemplateRef, {"modello": picked}) if picked else (None, {})
        self.form, self.template_title = v.form_from_template(centro, ref.index if ref else None)
        self.template_choice = str(ref.index) if ref else ""
        self._funzione_id = self._wanted_funzione()
        if self._funzione_id:  # "Aggiungi i vostri dettagli" on a regional function: the entry details it
            self.form = prefill(self.form, self._funzione_id)
        self.form_key += 1
        self._set_errors({})
        if picked and ref is None:
            self.flash_error = v.UNKNOWN_TEMPLATE
        self.dirty = False
        self.preview, self.preview_area = EMPTY_PREVIEW, ""
        return rx.call_script(UNLOAD_CLEAR)

    def _wanted_funzione(self) -> str:
        """`?funzione=<id>`: one of the regional functions, else nothing (said, and the entry starts empty)."""
        wanted = self.router.url.query_parameters.get("funzione", "")
        if wanted and wanted not in funzioni.BY_ID:
            self.flash_error = m.UNKNOWN_FUNZIONE
            return ""
        return wanted

    @staff_event
    def pick_template(self, db: Session, ctx: StaffContext, value: str):
        """ "Parti da un modello": the new-entry address with the modello, so a reload keeps the choice."""
        if self.entry_id:
            return None  # only a new entry starts from a modello
        centro = require_centro(db, ctx, self.centro_id)
        base = f"/staff/voce/nuova?centro={centro.id}"
        if str(value or "").strip() == "":
            return rx.redirect(base)
        ref = require(TemplateRef, {"modello": value})
        return rx.redirect(f"{base}&modello={ref.index}")

    # ---------------------------------------------------------------- editing

    @staff_event(quiet=True)
    def mark_dirty(self, db: Session, ctx: StaffContext, _value: Any = None):
        self._require_target(db, ctx)
        if not self.dirty:
            self.dirty = True
            self.saved_note = ""
            return rx.call_script(UNLOAD_GUARD)
        return None

    def _validated(self, db: Session, form: Any) -> EntryInput | None:
        data, errors = validate_form(form if isinstance(form, dict) else {})
        if data is not None:
            errors = reference_errors(db, data)
        if errors:
            self._set_errors(errors)
            self.flash_error = v.not_saved_message(len(errors))
            return None
        self._set_errors({})
        return data

    def _set_errors(self, errors: dict[str, str]) -> None:
        self.errors = errors
        self.error_links = v.error_links(errors)

    @staff_event(quiet=True)
    def set_intent(self, db: Session, ctx: StaffContext, intent: str):
        """Sent by the form's buttons just before the form itself (events run in order)."""
        self._require_target(db, ctx)
        self._intent = "preview" if intent == "preview" else "save"

    @staff_event
    def save(self, db: Session, ctx: StaffContext, form: dict):
        if self._intent == "preview":
            self._intent = "save"
            self._preview(db, ctx, form)
            return
        self.saving = True
        self.saved_note = ""
        yield
        try:
            yield from (self._update(db, ctx, form) if self.entry_id else self._create(db, ctx, form))
        finally:
            self.saving = False

    def _create(self, db: Session, ctx: StaffContext, form: dict):
        centro = require_centro(db, ctx, self.centro_id)
        data = self._validated(db, form)
        if data is None:
            yield rx.call_script(FOCUS_ERRORS)
            return
        # Whoever writes a new entry has just checked it: it starts as reviewed today.
        entry = create_entry(
            db,
            centro.id,
            data,
            ctx.user_id,
            clock.now(),
            last_reviewed_on=today(),
            funzione_id=self._funzione_id or None,
        )
        db.commit()
        self.dirty = False
        yield rx.call_script(UNLOAD_CLEAR)
        yield rx.redirect(f"/staff/voce?id={entry.id}&creata=1", replace=True)

    def _update(self, db: Session, ctx: StaffContext, form: dict):
        entry = require_entry(db, ctx, self.entry_id)
        data = self._validated(db, form)
        if data is None:
            yield rx.call_script(FOCUS_ERRORS)
            return
        # "Confermata dal centro": the same save also clears «Esempio» and marks the entry verified today.
        confirm = confirmed_by_centre(form)
        was_example = entry.is_example
        text_changed = not same_content(content_of(entry), data.as_values())
        try:
            changed = save_entry(
                db,
                entry,
                self._base_version,
                data,
                ctx.user_id,
                clock.now(),
                action="confirm" if confirm else "update",
                extra=confirmation_values(today()) if confirm else None,
            )
            db.commit()
        except Conflict as c:
            yield self._on_conflict(db, c, data)
            return
        db.refresh(entry)
        self._reset_flags()
        self._fill(db, entry)
        self.saved_note = v.saved_note(changed, clock.now(), entry.version)
        published = entry.status == "published"
        self.flash_ok = v.save_message(changed and text_changed, confirm, was_example, published, today())
        yield rx.call_script(UNLOAD_CLEAR)

    def _on_conflict(self, db: Session, c: Conflict, mine: EntryInput):
        db.rollback()
        current = get_entry(db, self.entry_id)
        mine_values = mine.as_values()
        changed = v.changed_by_me(mine_values, self._base_values or {})
        self.conflict = True
        self.conflict_by, self.conflict_at = m.who(c.by), v.conflict_when(c.at)
        self.conflict_diff = v.conflict_diff(current, mine_values, changed)
        self._pending = changed
        self.flash_error = v.conflict_message(c.by)
        # Refresh the read-only parts (status, history), never the inputs nor the version the form started from.
        self._fill(db, current, remount=False)
        return rx.call_script(FOCUS_CONFLICT)

    @staff_event
    def keep_mine(self, db: Session, ctx: StaffContext):
        """After a conflict: apply the fields this person changed on top of the current version (audited, restorable)."""
        entry = require_entry(db, ctx, self.entry_id)
        if not self.conflict:
            self.flash_error = v.NOTHING_TO_KEEP
            return
        data = require(EntryInput, {**content_of(entry), **self._pending})
        try:
            save_entry(db, entry, entry.version, data, ctx.user_id, clock.now())
            db.commit()
        except Conflict as c:
            return self._on_conflict(db, c, data)
        db.refresh(entry)
        self._reset_flags()
        self._fill(db, entry)
        self.flash_ok = v.kept_mine_message(self.conflict_by, entry.version)
        return rx.call_script(UNLOAD_CLEAR)

    @staff_event
    def reload_saved(self, db: Session, ctx: StaffContext):
        """Drop what is in the form and show the stored version."""
        entry = require_entry(db, ctx, self.entry_id)
        self._reset_flags()
        self._fill(db, entry)
        self.flash_ok = v.RELOADED
        return rx.call_script(UNLOAD_CLEAR)

    def _preview(self, db: Session, ctx: StaffContext, form: dict) -> None:
        """Show the typed text as parents would see it, without saving."""
        self._require_target(db, ctx)
        data, errors = validate_form(form if isinstance(form, dict) else {})
        if data is None:
            self._set_errors(errors)
            self.preview_note = v.PREVIEW_INVALID
            return
        self._set_errors({})
        reviewed = date.fromisoformat(self._reviewed_iso) if self._reviewed_iso else None
        self._set_preview(data.as_values(), reviewed, self.is_example)
        self.preview_note = v.PREVIEW_UNSAVED

    # ---------------------------------------------------------------- status, review, restore

    def _refuse_if_dirty(self) -> bool:
        if self.dirty:
            self.flash_error = v.DIRTY
            return True
        return False

    def _versioned(self, db: Session, write: Callable[[], T], *refusals: type[Exception]) -> tuple[bool, T | None]:
        """Run one versioned write and commit. Someone saving first (or one of `refusals`) rolls it back and
        is said in the flash; the form's text is never touched."""
        say = {Conflict: lambda c: v.changed_meanwhile(c.by), **dict.fromkeys(refusals, said)}
        return commit_or_say(self, db, write, say)

    @staff_event
    def change_status(self, db: Session, ctx: StaffContext, action: str):
        entry = require_entry(db, ctx, self.entry_id)
        if action not in ACTION_LABELS:
            self.flash_error = v.UNKNOWN_ACTION
            return
        if self._refuse_if_dirty():
            return
        done, _ = self._versioned(
            db,
            lambda: change_status(db, entry, self._base_version, action, ctx.user_id, clock.now()),
            TransitionError,
        )
        if not done:
            return
        db.refresh(entry)
        self._fill(db, entry)
        self.flash_ok = DONE_MESSAGES[action]

    @staff_event
    def ask_review(self, db: Session, ctx: StaffContext):
        """Show what "Confermo" will confirm: the stored entry, field by field."""
        entry = require_entry(db, ctx, self.entry_id)
        if self._refuse_if_dirty():
            return
        self.confirm_summary = v.confirm_summary({name: getattr(entry, name) for name in FIELDS})
        self.confirm_open, self._confirm_version = True, entry.version
        return rx.call_script(FOCUS_CONFIRM)

    @staff_event
    def cancel_review(self, db: Session, ctx: StaffContext):
        require_entry(db, ctx, self.entry_id)
        self.confirm_open, self.confirm_summary, self._confirm_version = False, [], 0

    @staff_event
    def review(self, db: Session, ctx: StaffContext):
        entry = require_entry(db, ctx, self.entry_id)
        if self._refuse_if_dirty():
            return
        # Only after the summary was shown, and for the version it showed (the browser can call this directly).
        if not self.confirm_open or self._confirm_version != self._base_version:
            self.flash_error = v.REVIEW_NEEDS_SUMMARY
            return
        was_example = entry.is_example
        done, _ = self._versioned(
            db, lambda: mark_reviewed(db, entry, self._base_version, ctx.user_id, today(), clock.now())
        )
        if not done:
            return
        db.refresh(entry)
        self._fill(db, entry)
        self.flash_ok = v.reviewed_message(today(), was_example)

    @staff_event
    def restore_original(self, db: Session, ctx: StaffContext, audit_id: int):
        """The text as it was before the first recorded change."""
        return self._restore(db, ctx, audit_id, "before")

    @staff_event
    def restore(self, db: Session, ctx: StaffContext, audit_id: int):
        return self._restore(db, ctx, audit_id, "after")

    def _restore(self, db: Session, ctx: StaffContext, audit_id: int, side: str):
        ref = require(Id, {"id": audit_id})
        entry = require_entry(db, ctx, self.entry_id)
        if self._refuse_if_dirty():
            return
        done, changed = self._versioned(
            db,
            lambda: restore_version(db, entry, self._base_version, ref.id, ctx.user_id, clock.now(), side),
            EntryRuleError,
        )
        if not done:
            return
        db.refresh(entry)
        self._reset_flags()
        self._fill(db, entry)
        unconfirmed = bool(changed) and entry.last_reviewed_on is None
        self.flash_ok = v.restored_message(bool(changed), entry.version, self.status_label, unconfirmed)
