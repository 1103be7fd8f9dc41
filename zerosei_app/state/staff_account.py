"""/staff/account: the logged-in person's own account (password change)."""

from __future__ import annotations

from sqlmodel import Session

from zerosei_app.auth.accounts import AccountError, change_password
from zerosei_app.auth.guard import StaffContext
from zerosei_app.auth.tokens import client_hash
from zerosei_app.domain import clock
from zerosei_app.domain.password_policy import MIN_LENGTH
from zerosei_app.domain.staff_forms import PasswordChangeInput
from zerosei_app.domain.validation import parse
from zerosei_app.state.staff_base import DbRun, StaffState, staff_event
from zerosei_app.view import staff_messages as m


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
    async def change(self, run: DbRun, ctx: StaffContext, form: dict):
        data, errors = parse(PasswordChangeInput, form if isinstance(form, dict) else {})
        if data is None:
            self.pw_error = " ".join(dict.fromkeys(errors.values()))
            return
        who, now = client_hash(self.router.session.client_ip), clock.now()

        def work(db: Session) -> str:
            """Three argon2 operations at most: in a worker thread, never in the event loop."""
            try:
                change_password(db, ctx.user_id, data.current, data.password, now, ctx.session_id, who)
            except AccountError as exc:
                db.rollback()  # the counted attempt is already committed by change_password
                return str(exc)
            db.commit()
            return ""

        problem = await run(work)
        if problem:
            self.pw_error = problem
            return
        self.pw_error = ""
        self.pw_key += 1
        self.flash_ok = m.PASSWORD_CHANGED
