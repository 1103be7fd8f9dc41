"""'Segnala un errore' on an entry or a centre card: one small form open at a time."""

import reflex as rx
from pydantic import ValidationError
from sqlalchemy.exc import OperationalError
from sqlalchemy.exc import TimeoutError as PoolTimeout

from zerosei_app.commands import reports
from zerosei_app.db import Busy, off_loop, session_scope
from zerosei_app.settings import get_settings
from zerosei_app.state.ui import UiState
from zerosei_app.view.page_words import report_busy, report_outcome, report_validation_message

MAX_DONE = 50


class ReportState(UiState):
    open_uid: str = ""  # the card whose form is open
    error: str = ""
    done: dict[str, str] = {}  # card uid -> the message shown after sending
    _centro_id: int = 0
    _entry_id: int | None = None

    @rx.event
    def open(self, uid: str, centro_id: int, entry_id: int):
        """entry_id 0 means the centre card itself."""
        if not isinstance(uid, str) or len(uid) > 40:
            return None
        self.open_uid, self.error = uid, ""
        self._centro_id = centro_id if isinstance(centro_id, int) else 0
        self._entry_id = entry_id if isinstance(entry_id, int) and entry_id > 0 else None
        return rx.call_script(f"document.getElementById('segnala-{_safe(uid)}-tipo-0')?.focus()")

    @rx.event
    def close(self):
        uid = self.open_uid
        self.open_uid, self.error = "", ""
        return rx.call_script(f"document.getElementById('segnala-{_safe(uid)}-apri')?.focus()")

    @rx.event
    async def submit(self, form_data: dict):
        uid = self.open_uid
        if not uid or not isinstance(form_data, dict):
            return None
        try:
            data = reports.ReportIn(
                centro_id=self._centro_id,
                entry_id=self._entry_id,
                kind=str(form_data.get("tipo", "")),
                text=str(form_data.get("testo", ""))[: reports.MAX_TEXT + 1],
            )
        except ValidationError as exc:
            self.error = report_validation_message(exc, reports.MAX_TEXT, self.lang)
            return rx.call_script(f"document.getElementById('segnala-{_safe(uid)}-errore')?.focus()")
        client_ip = self.router.session.client_ip

        def save() -> reports.ReportOutcome:  # a write may wait for SQLite's lock: never in the event loop
            with session_scope() as db:
                return reports.create_report(db, data, client_ip=client_ip, secret_key=get_settings().secret_key)

        try:
            outcome = await off_loop(save, lane="public")
        except (Busy, PoolTimeout, OperationalError):
            # Not sent: the form stays open with the parent's text, to retry in a moment.
            self.error = report_busy(self.lang)
            return rx.call_script(f"document.getElementById('segnala-{_safe(uid)}-errore')?.focus()")
        if outcome.status == reports.THROTTLED:
            # Not sent: the form stays open with the parent's text, to retry later or copy it.
            self.error = report_outcome(outcome.status, self.lang)
            return rx.call_script(f"document.getElementById('segnala-{_safe(uid)}-errore')?.focus()")
        done = {**self.done, uid: report_outcome(outcome.status, self.lang)}
        self.done = dict(list(done.items())[-MAX_DONE:])  # a page never has that many cards open at once
        self.open_uid, self.error = "", ""
        return rx.call_script(f"document.getElementById('segnala-{_safe(uid)}-esito')?.focus()")


def _safe(uid: str) -> str:
    """uids are made by us ("f1-a-12", "c3"); anything else never reaches a script."""
    return uid if uid.replace("-", "").isalnum() and uid.isascii() else ""
