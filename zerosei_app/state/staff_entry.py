"""/staff/voce?id=<id> and /staff/voce/nuova?centro=<id>: create and edit one entry.

Nothing is lost: the form's inputs keep what the user typed until a save succeeds (they are
re-mounted with the stored values only after a successful save or an explicit reload); a
refused save (conflict, validation, lost session, busy database) says so and leaves the text.
"""

from __future__ import annotations

import dataclasses
from datetime import date
from typing import Any

import reflex as rx
from sqlmodel import Session, col, select

from zerosei_app.auth.guard import StaffContext, require_centro, require_entry
from zerosei_app.domain import clock
from zerosei_app.domain.clock import day, hhmm, when
from zerosei_app.domain.entry_form import (
    FIELDS,
    LABELS,
    EntryInput,
    confirmation_values,
    confirmed_by_centre,
    entry_to_form,
    same_content,
    validate_form,
)
from zerosei_app.domain.entry_status import ACTION_LABELS, DONE_MESSAGES, TransitionError, actions_for
from zerosei_app.domain.review import is_stale
from zerosei_app.domain.staff_forms import Id
from zerosei_app.domain.staff_labels import STATUS_LABELS, age_words, category_label, topic_label
from zerosei_app.domain.validation import require
from zerosei_app.models import CardEntry, Comune
from zerosei_app.queries import audit
from zerosei_app.queries.percorso import voce_fields
from zerosei_app.queries.staff_coverage import served
from zerosei_app.queries.staff_entries import (
    Conflict,
    EntryRuleError,
    change_status,
    content_of,
    create_entry,
    mark_reviewed,
    reference_errors,
    restore_version,
    save_entry,
)
from zerosei_app.schemas.percorso import VoceOut
from zerosei_app.state.staff_base import StaffState, staff_event, today
from zerosei_app.view.percorso_view import EntryView, entry_view

EMPTY_PREVIEW = EntryView(uid="anteprima", id=0, centro_id=0, titolo="", sintesi="", descrizione="")

AUDIT_ACTIONS = {
    "create": "Creata",
    "update": "Modificata",
    "publish": "Pubblicata",
    "unpublish": "Ritirata (bozza)",
    "archive": "Archiviata",
    "unarchive": "Ripristinata dall'archivio",
    "review": "Segnata come verificata",
    "confirm": "Confermata dal centro (non più esempio, verificata)",
    "restore": "Ripristinata una versione precedente",
    "import": "Aggiornata da file CSV",
}
EXTRA_LABELS = {"status": "Stato", "last_reviewed_on": "Verificata il", "is_example": "Esempio"}
UNLOAD_GUARD = "window.onbeforeunload = (e) => { e.preventDefault(); e.returnValue = ''; return ''; };"
UNLOAD_CLEAR = "window.onbeforeunload = null;"


# A refused save must be seen where the user is looking (often the bottom of a long form).
FOCUS_ERRORS = (
    "setTimeout(function(){var e=document.getElementById('error-summary');"
    "if(e){e.setAttribute('tabindex','-1');e.scrollIntoView({block:'start'});e.focus();}},0)"
)


FOCUS_CONFLICT = (
    "setTimeout(function(){var e=document.getElementById('conflitto');"
    "if(e){e.scrollIntoView({block:'start'});e.focus();}},0)"
)


@dataclasses.dataclass
class HistoryRow:
    id: int
    when: str
    who: str
    action: str
    changes: list[str]
    version: int
    can_restore: bool
    original: bool = False  # the text before the first recorded change (seeded or imported entries)


@dataclasses.dataclass
class ErrorLink:
    field_id: str
    text: str


@dataclasses.dataclass
class DiffRow:
    field: str
    saved: str
    mine: str


def _show(value: Any, field: str = "") -> str:
    if field == "topics" and isinstance(value, list):
        value = ", ".join(topic_label(t) for t in value)
    elif field == "category":
        value = category_label(value or "")
    elif field in ("age_min_months", "age_max_months") and isinstance(value, int):
        value = age_words(value)
    elif field == "status":
        value = STATUS_LABELS.get(value, value)
    elif isinstance(value, bool):
        value = "sì" if value else "no"
    elif isinstance(value, list):
        value = ", ".join(map(str, value))
    text = "" if value is None else str(value)
    return (text[:160] + "…") if len(text) > 160 else (text or "(vuoto)")


def save_message(changed: bool, confirmed: bool, was_example: bool, published: bool) -> str:
    """What a save did, in words: the text (`changed`), and the centre's confirmation when it was ticked."""
    if confirmed:
        text = "Modifiche salvate e voce confermata dal centro: " if changed else "Voce confermata dal centro: "
        text += (
            f"tolta l'etichetta «Esempio» e segnata come verificata oggi ({day(today())})."
            if was_example
            else f"segnata come verificata oggi ({day(today())})."
        )
        if published:
            text += " Le famiglie la vedono come verificata dal centro."
        return text
    return "Modifiche salvate." + (" Le famiglie vedono già la nuova versione." if published and changed else "")


class StaffEntryState(StaffState):
    entry_id: int = 0  # 0 while creating
    centro_id: int = 0
    centro_nome: str = ""
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
    _base_version: int = 0  # the version the form started from (kept on the server)
    _pending: dict[str, Any] = {}  # after a conflict: the fields this person changed, to apply anyway
    _base_values: dict[str, Any] = {}  # the stored values the form started from
    _intent: str = "save"
    _reviewed_iso: str = ""  # which submit button was used: "save" or "preview"

    # ---------------------------------------------------------------- loading

    def _fill(self, db: Session, entry: CardEntry, remount: bool = True) -> None:
        self.entry_id, self.centro_id = entry.id, entry.centro_id
        self.status, self.status_label = entry.status, STATUS_LABELS.get(entry.status, entry.status)
        self.version = entry.version
        self.actions = actions_for(entry.status)
        self.reviewed_on = day(entry.last_reviewed_on) if entry.last_reviewed_on else ""
        self.stale = entry.status != "archived" and is_stale(entry.last_reviewed_on, today())
        self.is_example = entry.is_example
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
        self._load_history(db, entry)

    def _load_history(self, db: Session, entry: CardEntry) -> None:
        rows = []
        labels = {**LABELS, **EXTRA_LABELS}
        records = audit.history(db, "card_entry", entry.id)
        codes = {r.after.get("location_comune") for r, _ in records if r.after} | {
            r.before.get("location_comune") for r, _ in records if r.before
        }
        names = {
            c.codice_istat: c.nome
            for c in db.exec(select(Comune).where(col(Comune.codice_istat).in_([c for c in codes if c])))
        }

        def show(value, key):
            return names.get(value, value) if key == "location_comune" and value else _show(value, key)

        for i, (rec, who) in enumerate(records):
            changes = (
                []
                if rec.action == "create"
                else [
                    f"{labels.get(k, k)}: {show((rec.before or {}).get(k), k)} → {show((rec.after or {}).get(k), k)}"
                    for k in audit.changed_fields(rec.before, rec.after)
                    if k in labels
                ]
            )
            rows.append(
                HistoryRow(
                    rec.id,
                    when(rec.created_at),
                    who,
                    AUDIT_ACTIONS.get(rec.action, rec.action),
                    changes,
                    int((rec.after or {}).get("version") or 0),
                    i > 0 and bool(rec.after),
                )
            )
        oldest = records[-1][0] if records else None
        if oldest is not None and oldest.action != "create" and oldest.before:
            rows.append(
                HistoryRow(
                    oldest.id,
                    when(entry.created_at),
                    "dati iniziali",
                    "Versione originale",
                    [],
                    int(oldest.before.get("version") or 1),
                    True,
                    original=True,
                )
            )
        self.history = rows

    def _set_preview(self, values: dict[str, Any], reviewed: date | None, example: bool) -> None:
        """Through the parents' own pipeline: CardEntry → VoceOut (as the API) → EntryView (as the page)."""
        entry = CardEntry(
            id=self.entry_id or 0,
            centro_id=self.centro_id or 0,
            **values,
            last_reviewed_on=reviewed,
            is_example=example,
            status="published",
        )
        self.preview = entry_view(VoceOut(**voce_fields(entry)), "anteprima", "it")
        self.preview_area = category_label(values.get("category") or "")
        self._reviewed_iso = reviewed.isoformat() if reviewed else ""

    def _comuni(self, db: Session, centro_id: int, current: str | None) -> None:
        options = [[m.codice_istat, f"{m.nome} ({m.sigla_provincia})"] for m, _ in served(db, centro_id)]
        if current and current not in {o[0] for o in options}:
            comune = db.get(Comune, current)
            options.insert(0, [current, f"{comune.nome} ({comune.sigla_provincia})" if comune else current])
        self.comuni_options = options

    def _reset_flags(self) -> None:
        self.conflict, self.conflict_diff, self._pending = False, [], {}
        self.saving, self.saved_note = False, ""

    @staff_event(loader=True)
    def load_entry(self, db: Session, ctx: StaffContext):
        ref = require(Id, {"id": self.router.url.query_parameters.get("id", "")})
        entry = require_entry(db, ctx, ref.id)
        self.centro_nome = require_centro(db, ctx, entry.centro_id).nome
        self._comuni(db, entry.centro_id, entry.location_comune)
        self._reset_flags()
        self._fill(db, entry)
        if self.router.url.query_parameters.get("creata"):
            self.flash_ok = "Voce creata come bozza: le famiglie non la vedono finché non la pubblichi."
        return rx.call_script(UNLOAD_CLEAR)

    @staff_event(loader=True)
    def load_new(self, db: Session, ctx: StaffContext):
        ref = require(Id, {"id": self.router.url.query_parameters.get("centro", "")})
        centro = require_centro(db, ctx, ref.id)
        self._reset_flags()
        self._comuni(db, centro.id, centro.codice_istat)
        self.entry_id, self.centro_id, self.centro_nome = 0, centro.id, centro.nome
        self.status, self.status_label, self.version, self._base_version = "draft", "Nuova (non ancora salvata)", 0, 0
        self.actions, self.history, self.reviewed_on, self.stale, self.is_example = [], [], "", False, False
        self.form = entry_to_form(
            {
                "age_min_months": -9,
                "age_max_months": 72,
                "cost_free": True,
                "languages": ["it"],
                "provider": centro.nome,
                "location": centro.indirizzo or "",
                "location_comune": centro.codice_istat,
                "contact_phone": centro.telefono or "",
                "contact_email": centro.email or "",
                "contact_url": centro.sito or "",
            }
        )
        self.form_key += 1
        self._set_errors({})
        self.dirty = False
        self.preview, self.preview_area = EMPTY_PREVIEW, ""
        return rx.call_script(UNLOAD_CLEAR)

    # ---------------------------------------------------------------- editing

    @staff_event(quiet=True)
    def mark_dirty(self, db: Session, ctx: StaffContext, _value: Any = None):
        if self.entry_id:
            require_entry(db, ctx, self.entry_id)
        else:
            require_centro(db, ctx, self.centro_id)
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
            n = len(errors)
            self.flash_error = f"Non salvato: {'un campo da correggere' if n == 1 else f'{n} campi da correggere'} (li trovi evidenziati qui sotto)."
            return None
        self._set_errors({})
        return data

    def _set_errors(self, errors: dict[str, str]) -> None:
        self.errors = errors
        self.error_links = [
            ErrorLink(f"f-{k}", f"{LABELS.get(k, 'Modulo')}: {m}") for k, m in errors.items() if k in FIELDS or k == ""
        ]

    @staff_event(quiet=True)
    def set_intent(self, db: Session, ctx: StaffContext, intent: str):
        """Sent by the form's buttons just before the form itself (events run in order)."""
        if self.entry_id:
            require_entry(db, ctx, self.entry_id)
        else:
            require_centro(db, ctx, self.centro_id)
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
            if not self.entry_id:
                centro = require_centro(db, ctx, self.centro_id)
                data = self._validated(db, form)
                if data is None:
                    yield rx.call_script(FOCUS_ERRORS)
                    return
                # Whoever writes a new entry has just checked it: it starts as reviewed today.
                entry = create_entry(db, centro.id, data, ctx.user_id, clock.now(), last_reviewed_on=today())
                db.commit()
                self.dirty = False
                yield rx.call_script(UNLOAD_CLEAR)
                yield rx.redirect(f"/staff/voce?id={entry.id}&creata=1", replace=True)
                return
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
            self.saved_note = (
                f"Salvato alle {hhmm(clock.now())} (versione {entry.version})."
                if changed
                else "Nessuna modifica da salvare."
            )
            self.flash_ok = save_message(changed and text_changed, confirm, was_example, entry.status == "published")
            yield rx.call_script(UNLOAD_CLEAR)
        finally:
            self.saving = False

    def _on_conflict(self, db: Session, c: Conflict, mine: EntryInput):
        db.rollback()
        current = db.get(CardEntry, self.entry_id)
        self.conflict = True
        self.conflict_by, self.conflict_at = c.by, (f"il {when(c.at)}" if c.at else "poco fa")
        mine_values = mine.as_values()
        base = self._base_values or {}
        # Only what this person changed is theirs to keep; the other fields stay as saved.
        changed = {k: v for k, v in mine_values.items() if not same_content({k: base.get(k)}, {k: v})}
        self.conflict_diff = [
            DiffRow(
                LABELS[k],
                _show(getattr(current, k), k),
                _show(mine_values[k], k) if k in changed else "(non modificato da te: resta quello salvato)",
            )
            for k in FIELDS
            if not same_content({k: getattr(current, k)}, {k: mine_values[k]})
        ]
        self._pending = changed
        self.flash_error = (
            f"Non salvato: {c.by} ha modificato questa voce mentre la stavi scrivendo. "
            "Il tuo testo è ancora nel modulo: puoi copiarlo, oppure scegliere qui sotto cosa fare."
        )
        # Refresh the read-only parts (status, history), never the inputs nor the version the form started from.
        self._fill(db, current, remount=False)
        return rx.call_script(FOCUS_CONFLICT)

    @staff_event
    def keep_mine(self, db: Session, ctx: StaffContext):
        """After a conflict: apply the fields this person changed on top of the current version (audited, restorable)."""
        entry = require_entry(db, ctx, self.entry_id)
        if not self.conflict:
            self.flash_error = "Non c'è niente da salvare: ricarica la pagina."
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
        self.flash_ok = (
            f"Salvate le tue modifiche sopra quelle di {self.conflict_by or 'un collega'} (ora è la versione {entry.version}). "
            "La versione precedente resta nello storico e si può ripristinare."
        )
        return rx.call_script(UNLOAD_CLEAR)

    @staff_event
    def reload_saved(self, db: Session, ctx: StaffContext):
        """Drop what is in the form and show the stored version."""
        entry = require_entry(db, ctx, self.entry_id)
        self._reset_flags()
        self._fill(db, entry)
        self.flash_ok = "Caricata la versione salvata."
        return rx.call_script(UNLOAD_CLEAR)

    def _preview(self, db: Session, ctx: StaffContext, form: dict) -> None:
        """Show the typed text as parents would see it, without saving."""
        if self.entry_id:
            require_entry(db, ctx, self.entry_id)
        else:
            require_centro(db, ctx, self.centro_id)
        data, errors = validate_form(form if isinstance(form, dict) else {})
        if data is None:
            self._set_errors(errors)
            self.preview_note = "Anteprima non aggiornata: correggi prima i campi evidenziati."
            return
        self._set_errors({})
        reviewed = date.fromisoformat(self._reviewed_iso) if self._reviewed_iso else None
        self._set_preview(data.as_values(), reviewed, self.is_example)
        self.preview_note = "Anteprima del testo nel modulo (non ancora salvato)."

    # ---------------------------------------------------------------- status, review, restore

    def _refuse_if_dirty(self) -> bool:
        if self.dirty:
            self.flash_error = "Hai modifiche non salvate nel modulo: salvale (o ricarica la versione salvata) prima di cambiare lo stato."
            return True
        return False

    @staff_event
    def change_status(self, db: Session, ctx: StaffContext, action: str):
        entry = require_entry(db, ctx, self.entry_id)
        if action not in ACTION_LABELS:
            self.flash_error = "Azione sconosciuta."
            return
        if self._refuse_if_dirty():
            return
        try:
            change_status(db, entry, self._base_version, action, ctx.user_id, clock.now())
            db.commit()
        except Conflict as c:
            db.rollback()
            self.flash_error = (
                f"Non fatto: {c.by} ha modificato la voce nel frattempo. Ricarica la versione salvata e riprova."
            )
            return
        except TransitionError as exc:
            self.flash_error = str(exc)
            return
        db.refresh(entry)
        self._fill(db, entry)
        self.flash_ok = DONE_MESSAGES[action]

    @staff_event
    def review(self, db: Session, ctx: StaffContext):
        entry = require_entry(db, ctx, self.entry_id)
        if self._refuse_if_dirty():
            return
        was_example = entry.is_example
        try:
            mark_reviewed(db, entry, self._base_version, ctx.user_id, today(), clock.now())
            db.commit()
        except Conflict as c:
            db.rollback()
            self.flash_error = (
                f"Non fatto: {c.by} ha modificato la voce nel frattempo. Ricarica la versione salvata e riprova."
            )
            return
        db.refresh(entry)
        self._fill(db, entry)
        self.flash_ok = f"Voce segnata come verificata oggi ({day(today())})." + (
            " Non è più un esempio: tolta l'etichetta «Esempio»." if was_example else ""
        )

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
        try:
            changed = restore_version(db, entry, self._base_version, ref.id, ctx.user_id, clock.now(), side)
            db.commit()
        except Conflict as c:
            db.rollback()
            self.flash_error = (
                f"Non fatto: {c.by} ha modificato la voce nel frattempo. Ricarica la versione salvata e riprova."
            )
            return
        except EntryRuleError as exc:
            db.rollback()
            self.flash_error = str(exc)
            return
        db.refresh(entry)
        self._reset_flags()
        self._fill(db, entry)
        self.flash_ok = (
            f"Versione ripristinata (ora è la versione {entry.version}); lo stato è rimasto «{self.status_label}»."
            if changed
            else "Il testo era già uguale a quella versione: niente da ripristinare."
        )
