"""/staff/utenti (Regione): staff accounts — invite (one-time link), disable, re-enable, centres."""

from __future__ import annotations

import dataclasses
import json

import reflex as rx
from sqlmodel import Session, col, select

from zerosei_app.auth.accounts import (
    AccountError,
    create_account,
    issue_setup_token,
    memberships,
    set_active,
    set_memberships,
    setup_url,
)
from zerosei_app.auth.guard import StaffContext
from zerosei_app.domain import clock
from zerosei_app.domain.clock import aware, when
from zerosei_app.domain.staff_forms import Id, InviteInput, checked_ids
from zerosei_app.domain.staff_labels import ROLE_LABELS
from zerosei_app.domain.validation import parse, require
from zerosei_app.models import Centro, Comune, StaffUser
from zerosei_app.state.staff_base import StaffState, staff_event


@dataclasses.dataclass
class UserRow:
    id: int
    email: str
    name: str
    role_label: str
    centri: str
    active: bool
    status: str
    is_me: bool


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

    def _refresh(self, db: Session, ctx: StaffContext) -> None:
        rows = db.exec(
            select(Centro, Comune.nome)
            .join(Comune, col(Comune.codice_istat) == col(Centro.codice_istat))
            .order_by(col(Comune.nome))
        ).all()
        names = {c.id: f"{c.nome} ({comune})" for c, comune in rows}
        self.centri_options = [
            [str(c.id), f"{comune} – {c.nome}" + ("" if c.is_active else " (chiuso)")] for c, comune in rows
        ]
        now = clock.now()
        out = []
        for u in db.exec(select(StaffUser).order_by(col(StaffUser.is_active).desc(), col(StaffUser.name))).all():
            if not u.is_active:
                status = "Disattivato"
            elif u.password_hash:
                status = "Attivo"
            elif u.setup_expires_at and aware(u.setup_expires_at) > now:
                status = f"In attesa di attivazione (link valido fino al {when(u.setup_expires_at)})"
            else:
                status = "In attesa di attivazione (link scaduto: creane uno nuovo)"
            ids = memberships(db, u.id)
            centri = (
                "tutti i centri"
                if u.role == "regione"
                else "; ".join(names.get(i, str(i)) for i in ids) or "nessun centro"
            )
            out.append(
                UserRow(
                    u.id,
                    u.email,
                    u.name,
                    ROLE_LABELS.get(u.role, u.role),
                    centri,
                    u.is_active,
                    status,
                    u.id == ctx.user_id,
                )
            )
        self.users = out

    def _origin(self) -> str:
        return self.router.url.origin if self.router.url.origin.startswith("http") else ""

    @staff_event(loader=True, regione=True)
    def load(self, db: Session, ctx: StaffContext):
        self.link_for = ""
        self.editing_id = 0
        self._refresh(db, ctx)

    @staff_event(regione=True)
    def invite(self, db: Session, ctx: StaffContext, form: dict):
        raw = form if isinstance(form, dict) else {}
        data, errors = parse(InviteInput, {**raw, "centri": checked_ids(raw, "centro__")})
        if data is None:
            self.invite_errors = errors
            self.flash_error = "Invito non creato: controlla i campi evidenziati."
            return
        try:
            user, token = create_account(
                db,
                email=data.email,
                name=data.name,
                role=data.role,
                centro_ids=data.centri,
                actor_id=ctx.user_id,
                now=clock.now(),
            )
            db.commit()
        except AccountError as exc:
            db.rollback()
            self.invite_errors = {"email": str(exc)} if "e-mail" in str(exc) else {"": str(exc)}
            self.flash_error = f"Invito non creato: {exc}"
            return
        self.invite_errors = {}
        self.invite_key += 1
        self.link_for = user.email
        self.flash_ok = f"Account creato per {user.name}. Copia il link qui sotto e mandalo solo a {user.email}: vale 72 ore e una sola volta."
        self._refresh(db, ctx)
        return show_link_js(setup_url(token, self._origin()))

    @staff_event(regione=True)
    def new_link(self, db: Session, ctx: StaffContext, user_id: int):
        user = db.get(StaffUser, require(Id, {"id": user_id}).id)
        if user is None or not user.is_active:
            self.flash_error = "Account non trovato o disattivato: riattivalo prima."
            return
        token = issue_setup_token(db, user, ctx.user_id, clock.now())
        db.commit()
        self.link_for = user.email
        self.flash_ok = f"Nuovo link per {user.email}: il precedente non vale più. La password attuale resta valida finché non viene usato."
        self._refresh(db, ctx)
        return show_link_js(setup_url(token, self._origin()))

    @staff_event(regione=True)
    def set_user_active(self, db: Session, ctx: StaffContext, user_id: int, active: bool):
        ref = require(Id, {"id": user_id})
        try:
            user = set_active(db, ref.id, bool(active), ctx.user_id, clock.now())
            db.commit()
        except AccountError as exc:
            db.rollback()
            self.flash_error = str(exc)
            return
        self.flash_ok = f"Account di {user.name} " + (
            "riattivato." if active else "disattivato: non può più accedere e le sue sessioni sono state chiuse."
        )
        self._refresh(db, ctx)

    @staff_event(regione=True)
    def edit_centri(self, db: Session, ctx: StaffContext, user_id: int):
        user = db.get(StaffUser, require(Id, {"id": user_id}).id)
        if user is None:
            self.flash_error = "Account non trovato."
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
        try:
            user = set_memberships(
                db,
                self.editing_id,
                checked_ids(form if isinstance(form, dict) else {}, "centro__"),
                ctx.user_id,
                clock.now(),
            )
            db.commit()
        except AccountError as exc:
            db.rollback()
            self.flash_error = str(exc)
            return
        self.flash_ok = f"Centri di {user.name} aggiornati."
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
