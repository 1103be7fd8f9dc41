"""/staff/login and /staff/attiva (one-time setup link → choose a password)."""

from __future__ import annotations

import reflex as rx
from sqlalchemy.exc import OperationalError
from sqlalchemy.exc import TimeoutError as PoolTimeout

from zerosei_app.auth.accounts import (
    AccountError,
    complete_setup,
    memberships,
    setup_link_expired,
    user_for_setup_token,
)
from zerosei_app.auth.sessions import create_session, find_session
from zerosei_app.db import Busy, off_loop
from zerosei_app.domain import clock
from zerosei_app.domain.password_policy import MIN_LENGTH
from zerosei_app.domain.staff_forms import NewPasswordInput
from zerosei_app.domain.validation import parse
from zerosei_app.mail.invitations import centri_names
from zerosei_app.mail.messages import ROLE_LABELS
from zerosei_app.state import staff_base
from zerosei_app.state.staff_base import StaffState, _login, safe_next
from zerosei_app.view import staff_messages as m


class StaffLoginState(StaffState):
    login_error: str = ""
    login_notice: str = ""

    @rx.event
    async def load(self):
        """Public page: only looks whether this browser already has a live session."""
        self.login_error = ""
        params = self.router.url.query_parameters
        self.login_notice = m.LOGGED_OUT if params.get("uscito") else ""
        token = self.session_token
        if not token:
            return None

        def live() -> bool:
            with staff_base.open_db() as db:
                return find_session(db, token, clock.now()) is not None

        try:
            if await off_loop(live):
                return rx.redirect(safe_next(params.get("dopo")))
        except (OperationalError, PoolTimeout, Busy):
            return None
        return None

    @rx.event
    async def login(self, form: dict):
        self.busy = True
        self.login_error = ""
        yield
        token, message, user_id = await _login(form, self.router.session.client_ip)
        self.busy = False
        if token is None:
            self.login_error = message
            return
        await self._forget(keep=type(self))  # nothing of an earlier session of this tab stays
        self.session_token = token
        self._user_id = user_id or 0
        yield rx.redirect(safe_next(self.router.url.query_parameters.get("dopo")))


class StaffSetupState(StaffState):
    setup_ok: bool = False
    setup_name: str = ""
    setup_email: str = ""
    setup_error: str = ""
    # What the invitation is for: the role and the centres (the page says it before the password).
    setup_role: str = ""
    setup_centri: list[str] = []
    setup_expired: bool = False
    min_length: int = MIN_LENGTH

    def _token(self) -> str:
        return self.router.url.query_parameters.get("token", "")[:200]

    @rx.event
    async def load(self):
        self.setup_error = ""
        token = self._token()

        def find() -> tuple[str, str, str, list[str], bool] | None:
            with staff_base.open_db() as db:
                now = clock.now()
                user = user_for_setup_token(db, token, now)
                if user is None:
                    return ("", "", "", [], setup_link_expired(db, token, now))
                role = ROLE_LABELS.get(user.role, user.role)
                return (user.name, user.email, role, centri_names(db, memberships(db, user.id)), False)

        try:
            found = await off_loop(find)
        except (OperationalError, PoolTimeout, Busy):
            found, self.setup_error = None, m.DB_BUSY
        self.setup_ok = bool(found and found[1])
        self.setup_name, self.setup_email, self.setup_role, self.setup_centri, self.setup_expired = found or (
            "",
            "",
            "",
            [],
            False,
        )

    @rx.event
    async def complete(self, form: dict):
        """The token comes from the page's own URL, never from the form."""
        data, errors = parse(NewPasswordInput, form if isinstance(form, dict) else {})
        if data is None:
            self.setup_error = " ".join(errors.values())
            return None
        now = clock.now()
        token_in_url = self._token()

        def work():  # argon2: off the event loop, with a session of its own
            with staff_base.open_db() as db:
                try:
                    user = complete_setup(db, token_in_url, data.password, now)
                    session_token = create_session(db, user.id, now)
                    db.commit()
                    return session_token
                except BaseException:
                    db.rollback()
                    raise

        try:
            token = await off_loop(work)
        except AccountError as exc:
            self.setup_error = str(exc)
            return None
        except (OperationalError, PoolTimeout, Busy):
            self.setup_error = m.DB_BUSY
            return None
        await self._forget(keep=type(self))  # nothing of an earlier session of this tab stays
        self.session_token = token
        self.setup_error = ""
        return rx.redirect("/staff?benvenuto=1")
