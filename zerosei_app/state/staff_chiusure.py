"""Temporary closures from the staff pages (the centre page and the entry editor share this): the
handlers' work once the caller has checked the session and the centre (or entry) permission."""

from __future__ import annotations

from typing import Any

from sqlmodel import Session

from zerosei_app.commands.chiusure import ChiusuraError
from zerosei_app.commands.chiusure import add as add_chiusura
from zerosei_app.commands.chiusure import remove as remove_chiusura
from zerosei_app.domain import clock
from zerosei_app.domain.chiusure import ChiusuraInput
from zerosei_app.domain.staff_forms import Id
from zerosei_app.domain.validation import parse, require
from zerosei_app.queries.chiusure import entry_titles, of_centro
from zerosei_app.state.staff_write import commit_or_say, said
from zerosei_app.view import staff_messages as m
from zerosei_app.view.staff_chiusure import added_message, chiusura_row

BLANK_CHIUSURA = {"starts_on": "", "ends_on": "", "reason": "", "entry_id": ""}


def fill(state: Any, db: Session, centro_id: int, entry_id: int | None = None) -> None:
    """The closures not over yet (of the centre and its entries, or of one entry) and the entry picker."""
    today = clock.today()
    titles = entry_titles(db, centro_id)
    state.chiusura_entries = [[str(i), title] for i, title in titles.items()] if entry_id is None else []
    state.chiusure = [chiusura_row(c, titles, today) for c in of_centro(db, centro_id, today, entry_id)]


def reset_form(state: Any) -> None:
    state.chiusura_values, state.chiusura_errors = dict(BLANK_CHIUSURA), {}
    state.chiusura_form_key += 1


def add(state: Any, db: Session, user_id: int | None, centro_id: int, form: Any, entry_id: int | None = None) -> None:
    """`entry_id`: the entry editor's entry (whatever the form says); None: the form's choice."""
    raw = {k: str(v)[:300] for k, v in (form if isinstance(form, dict) else {}).items() if k in BLANK_CHIUSURA}
    chosen = entry_id if entry_id is not None else (raw.get("entry_id") or 0)
    data, errors = parse(ChiusuraInput, {**raw, "entry_id": chosen})
    if data is None:
        state.chiusura_values, state.chiusura_errors = {**BLANK_CHIUSURA, **raw}, errors
        state.chiusura_form_key += 1
        state.flash_error = m.CHIUSURA_NOT_SAVED
        return
    done, row = commit_or_say(
        state,
        db,
        lambda: add_chiusura(db, centro_id, data, user_id, clock.now(), clock.today()),
        {ChiusuraError: said},
    )
    if not done:
        state.chiusura_values = {**BLANK_CHIUSURA, **raw}
        state.chiusura_form_key += 1
        return
    reset_form(state)
    fill(state, db, centro_id, entry_id)
    state.flash_ok = added_message(row)


def remove(state: Any, db: Session, user_id: int | None, centro_id: int, chiusura_id: Any, entry_id: int | None = None):
    ref = require(Id, {"id": chiusura_id})
    done, _ = commit_or_say(
        state,
        db,
        lambda: remove_chiusura(db, centro_id, ref.id, user_id, clock.now(), entry_id),
        {ChiusuraError: said},
    )
    fill(state, db, centro_id, entry_id)
    if done:
        state.flash_ok = m.CHIUSURA_REMOVED
