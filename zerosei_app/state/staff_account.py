"""/staff/account: the logged-in person's own account (password change)."""

from __future__ import annotations

import asyncio

from sqlmodel import Session

from zerosei_app.auth.accounts import AccountError, change_password
from zerosei_app.auth.guard import StaffContext
from zerosei_app.auth.tokens import client_hash
from zerosei_app.domain import clock
from zerosei_app.domain.password_policy import MIN_LENGTH
from zerosei_app.domain.staff_forms import PasswordChangeInput
from zerosei_app.domain.validation import parse
from zerosei_app.state.staff_base import StaffState, staff_event


class StaffAccountState(StaffState):
    email: str = ""
    pw_error: str = ""
    pw_key: int = 0
    min_length: int = MIN_LENGTH

    @staff_event(loader=True)
    def load(self, db: Session, ctx: StaffContext):
        self.email = ctx.email
        self.pw_error = ""

    @staff_event
    async def change(self, db: Session, ctx: StaffContext, form: dict):
        data, errors = parse(PasswordChangeInput, form if isinstance(form, dict) else {})
        if data is None:
            self.pw_error = " ".join(dict.fromkeys(errors.values()))
            return
        try:
            # Three argon2 operations: off the event loop, so other users are not kept waiting.
            await asyncio.to_thread(
                change_password,
                db,
                ctx.user_id,
                data.current,
                data.password,
                clock.now(),
                ctx.session_id,
                client_hash(self.router.session.client_ip),
            )
            db.commit()
        except AccountError as exc:
            db.commit()  # keeps the failed attempt (nothing else was changed before the refusal)
            self.pw_error = str(exc)
            return
        self.pw_error = ""
        self.pw_key += 1
        self.flash_ok = "Password cambiata. Le altre sessioni aperte con il tuo account sono state chiuse."
