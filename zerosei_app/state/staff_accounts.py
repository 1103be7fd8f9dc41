"""/staff/utenti (Regione): staff accounts — invite (one-time link), disable, re-enable, centres."""

from __future__ import annotations

import json

import reflex as rx
from sqlmodel import Session

from zerosei_app.auth.accounts import AccountError, set_active, set_memberships
from zerosei_app.auth.guard import StaffContext
from zerosei_app.domain import clock
from zerosei_app.domain.invite_csv import parse_invites
from zerosei_app.domain.staff_forms import Id, InviteInput, checked_ids
from zerosei_app.domain.validation import parse, require
from zerosei_app.mail import invitations
from zerosei_app.mail.outbox import failed_unsent, send_soon
from zerosei_app.queries.staff_accounts import accounts, centri_with_comune, get_user, memberships
from zerosei_app.settings import get_mail_settings
from zerosei_app.state.staff_base import StaffState, staff_event
from zerosei_app.state.staff_write import commit_or_say, said
from zerosei_app.view import staff_accounts as v
from zerosei_app.view import staff_messages as m
from zerosei_app.view.staff_accounts import UserRow


class StaffAccountsState(StaffState):
    users: list[UserRow] = []
    centri_options: list[list[str]] = []  # [id, "nome (comune)"]
    invite_errors: dict[str, str] = {}
    invite_key: int = 0
    # Whose one-time link is on screen. The link itself never enters the state (a reconnect with
    # this tab's token would get it back): it goes once to the page as a script (show_link_js).
    link_for: str = ""
    editing_id: int = 0
    editing_name: str = ""
    editing_centri: list[str] = []
    # Without ZEROSEI_SMTP_HOST messages are .eml files on the server: the page says so.
    mail_note: str = ""
    mail_problem: str = ""  # messages that could not be sent yet, with the last error
    bulk_errors: list[str] = []
    bulk_key: int = 0

    def _refresh(self, db: Session, ctx: StaffContext) -> None:
        centri = centri_with_comune(db)
        self.centri_options = v.centri_options(centri)
        self.users = v.user_rows(accounts(db), centri, ctx.user_id, clock.now())

    def _origin(self) -> str:
        return self.router.url.origin if self.router.url.origin.startswith("http") else ""

    @staff_event(loader=True, regione=True)
    def load(self, db: Session, ctx: StaffContext):
        self.link_for = ""
        self.editing_id = 0
        self.mail_note = v.mail_note(get_mail_settings())
        self.mail_problem = v.mail_problem(failed_unsent(db))
        self._refresh(db, ctx)

    @staff_event(regione=True)
    def invite(self, db: Session, ctx: StaffContext, form: dict):
        raw = form if isinstance(form, dict) else {}
        data, errors = parse(InviteInput, {**raw, "centri": checked_ids(raw, "centro__")})
        if data is None:
            self.invite_errors = errors
            self.flash_error = v.INVITE_INVALID
            return
        try:
            user, url = invitations.invite(
                db,
                email=data.email,
                name=data.name,
                role=data.role,
                centro_ids=data.centri,
                actor_id=ctx.user_id,
                now=clock.now(),
                base_url=self._origin(),
            )
            db.commit()
        except AccountError as exc:
            db.rollback()
            self.invite_errors = v.invite_errors(str(exc))
            self.flash_error = m.invite_not_created(exc)
            return
        self.invite_errors = {}
        self.invite_key += 1
        self.link_for = user.email
        self.flash_ok = v.invited_message(user.name, user.email, get_mail_settings())
        self._refresh(db, ctx)
        send_soon()  # after the commit, in the background: never the request's wait
        return show_link_js(url)

    @staff_event(regione=True)
    def invite_many(self, db: Session, ctx: StaffContext, form: dict):
        """Pasted CSV: every line checked first; then all accounts at once, or none."""
        raw = form if isinstance(form, dict) else {}
        text = raw.get("righe", "")
        plan = parse_invites(text if isinstance(text, str) else "")
        if plan.errors:
            self.bulk_errors = plan.errors
            self.flash_error = v.BULK_INVALID
            return
        now, names = clock.now(), []
        try:
            for row in plan.rows:
                user, _url = invitations.invite(
                    db,
                    email=row.email,
                    name=row.name,
                    role=row.role,
                    centro_ids=row.centri,
                    actor_id=ctx.user_id,
                    now=now,
                    base_url=self._origin(),
                )
                names.append(user.email)
            db.commit()
        except AccountError as exc:
            db.rollback()
            self.bulk_errors = [f"{row.email}: {exc}"]
            self.flash_error = v.BULK_INVALID
            return
        self.bulk_errors = []
        self.bulk_key += 1
        self.flash_ok = v.bulk_message(names, get_mail_settings())
        self._refresh(db, ctx)
        send_soon()

    @staff_event(regione=True)
    def new_link(self, db: Session, ctx: StaffContext, user_id: int):
        user = get_user(db, require(Id, {"id": user_id}).id)
        if user is None or not user.is_active:
            self.flash_error = v.NOT_FOUND_OR_DISABLED
            return
        url = invitations.resend(db, user, ctx.user_id, clock.now(), self._origin())
        db.commit()
        self.link_for = user.email
        self.flash_ok = v.new_link_message(user.email)
        self._refresh(db, ctx)
        send_soon()
        return show_link_js(url)

    @staff_event(regione=True)
    def set_user_active(self, db: Session, ctx: StaffContext, user_id: int, active: bool):
        ref = require(Id, {"id": user_id})
        done, user = commit_or_say(
            self, db, lambda: set_active(db, ref.id, bool(active), ctx.user_id, clock.now()), {AccountError: said}
        )
        if not done:
            return
        self.flash_ok = v.active_message(user.name, bool(active))
        self._refresh(db, ctx)

    @staff_event(regione=True)
    def edit_centri(self, db: Session, ctx: StaffContext, user_id: int):
        user = get_user(db, require(Id, {"id": user_id}).id)
        if user is None:
            self.flash_error = v.NOT_FOUND
            return
        self.editing_id, self.editing_name = user.id, user.name
        self.editing_centri = [str(i) for i in memberships(db, user.id)]

    @staff_event(regione=True)
    def close_edit(self, db: Session, ctx: StaffContext):
        self.editing_id = 0

    @staff_event(regione=True)
    def save_centri(self, db: Session, ctx: StaffContext, form: dict):
        if not self.editing_id:
            return
        centri = checked_ids(form if isinstance(form, dict) else {}, "centro__")
        done, user = commit_or_say(
            self,
            db,
            lambda: set_memberships(db, self.editing_id, centri, ctx.user_id, clock.now()),
            {AccountError: said},
        )
        if not done:
            return
        self.flash_ok = m.memberships_saved(user.name)
        self.editing_id = 0
        self._refresh(db, ctx)

    @staff_event(regione=True)
    def hide_link(self, db: Session, ctx: StaffContext):
        self.link_for = ""


LINK_BOX_ID = "setup-link"


def show_link_js(url: str):
    """Put the one-time link into the page's box once it is rendered (the panel appears with the
    same answer); the server keeps no copy."""
    box, text = json.dumps(LINK_BOX_ID), json.dumps(url)
    return rx.call_script(
        f"(function put(n){{var box=document.getElementById({box});"
        f"if(box){{box.textContent={text};}}else if(n>0){{setTimeout(function(){{put(n-1)}},50);}}}})(100)"
    )


# The copy button reads the box, not the state (where the link never is).
COPY_LINK_JS = (
    "(function(){var box=document.getElementById('" + LINK_BOX_ID + "');var text=box?box.textContent:'';"
    "if(navigator.clipboard&&window.isSecureContext){navigator.clipboard.writeText(text);return;}"
    "var r=document.createRange();r.selectNodeContents(box);var s=window.getSelection();"
    "s.removeAllRanges();s.addRange(r);document.execCommand('copy');})()"
)
