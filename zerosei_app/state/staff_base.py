"""The base of every staff state: the session cookie and the one gate every staff handler goes through.

`@staff_event` wraps a handler `fn(self, db, ctx, *args)`:
1. opens a database session and rebuilds the user from the cookie's token (auth/guard.py),
   on every event: nothing about the user is trusted from an earlier event;
2. with `regione=True`, also requires the Regione's role;
3. turns refusals and failures into a clear Italian message and rolls back, so a refused
   or failed call changes nothing and never looks successful.
Handlers then check the centre or row they touch with guard.require_centro/entry/report.
"""

from __future__ import annotations

import asyncio
import inspect
import logging
import typing
from collections.abc import Callable
from datetime import date
from typing import Any

import reflex as rx
from sqlalchemy.exc import OperationalError, SQLAlchemyError
from sqlmodel import Session

from zerosei_app.auth.guard import Denied, StaffContext, require_regione, require_user
from zerosei_app.auth.login import attempt_login
from zerosei_app.auth.sessions import ABSOLUTE_LIFETIME, revoke_token
from zerosei_app.auth.tokens import client_hash
from zerosei_app.db import get_engine
from zerosei_app.domain import clock
from zerosei_app.domain.staff_forms import LoginInput
from zerosei_app.domain.validation import InputError, parse
from zerosei_app.settings import get_settings

log = logging.getLogger("zerosei.staff")

COOKIE_NAME = "zerosei_staff"
LOGIN_PATH = "/staff/login"
DB_BUSY = (
    "Non è stato possibile completare l'operazione: il database è occupato o non raggiungibile. "
    "Niente è stato salvato: riprova tra qualche secondo."
)
UNEXPECTED = "Si è verificato un errore imprevisto: l'operazione non è stata eseguita. Riprova; se succede ancora, avvisa l'ufficio regionale."


def open_db() -> Session:
    """Every staff database session starts here (tests point it at their own database)."""
    return Session(get_engine())


def today() -> date:
    """Today in Italy (a review done at 00:30 counts for that day)."""
    return clock.today()


def safe_next(path: str | None) -> str:
    """Only staff pages of this site (no open redirect to another host)."""
    if not path or not isinstance(path, str) or not path.startswith("/staff") or path.startswith("//") or "\\" in path:
        return "/staff"
    return path[:500]


def staff_event(fn: Callable | None = None, *, regione: bool = False, loader: bool = False, quiet: bool = False):
    """Decorator for every staff handler (see the module docstring).

    loader: a page's on_load (a missing session redirects to the login page).
    quiet: keeps the messages on screen (e.g. a keystroke handler).
    """

    def decorate(fn: Callable) -> Any:
        sig = inspect.signature(fn)
        params = [p for name, p in sig.parameters.items() if name not in ("db", "ctx")]
        hints = {k: v for k, v in typing.get_type_hints(fn).items() if k not in ("db", "ctx", "return")}

        def check_args(args, kwargs) -> None:
            """A call whose arguments do not fit the handler is refused before anything else."""
            try:
                sig.bind(None, None, None, *args, **kwargs)
            except TypeError:
                raise InputError({"": "richiesta non valida"}) from None

        def start(self: StaffState, db: Session, args, kwargs) -> StaffContext:
            check_args(args, kwargs)
            if not quiet:
                self.flash_ok = ""
                self.flash_error = ""
            if loader:
                self.page_error = ""
            ctx = require_user(db, self.session_token, clock.now())
            if regione:
                require_regione(ctx)
            self.user_name, self.user_role, self.user_email = ctx.name, ctx.role, ctx.email
            self.session_expired = False
            return ctx

        if inspect.isgeneratorfunction(fn):

            def handler(self, *args, **kwargs):
                with open_db() as db:
                    try:
                        ctx = start(self, db, args, kwargs)
                        yield from fn(self, db, ctx, *args, **kwargs)
                    except Exception as exc:  # noqa: BLE001 - every failure becomes a message
                        db.rollback()
                        yield self._failed(exc, loader)
        elif inspect.iscoroutinefunction(fn):

            async def handler(self, *args, **kwargs):
                with open_db() as db:
                    try:
                        ctx = start(self, db, args, kwargs)
                        return await fn(self, db, ctx, *args, **kwargs)
                    except Exception as exc:  # noqa: BLE001
                        db.rollback()
                        return self._failed(exc, loader)
        else:

            def handler(self, *args, **kwargs):
                with open_db() as db:
                    try:
                        ctx = start(self, db, args, kwargs)
                        return fn(self, db, ctx, *args, **kwargs)
                    except Exception as exc:  # noqa: BLE001
                        db.rollback()
                        return self._failed(exc, loader)

        handler.__name__ = fn.__name__
        handler.__qualname__ = fn.__qualname__
        handler.__doc__ = fn.__doc__
        handler.__module__ = fn.__module__
        handler.__signature__ = sig.replace(parameters=params)
        handler.__annotations__ = hints
        handler._staff_guarded = True  # the authorization tests list every handler and check this
        return rx.event(handler)

    return decorate(fn) if fn is not None else decorate


class StaffState(rx.State):
    """Shared by every staff page: who is logged in, the page's messages, the re-login panel."""

    session_token: str = rx.Cookie(
        "",
        name=COOKIE_NAME,
        path="/staff",  # never sent to, nor readable by, the parents' pages
        same_site="strict",
        secure=(get_settings().public_url or "").startswith("https://") or None,
        max_age=int(ABSOLUTE_LIFETIME.total_seconds()),
    )
    user_name: str = ""
    user_email: str = ""  # prefills the re-login dialog
    user_role: str = ""
    flash_ok: str = ""
    flash_error: str = ""
    # The page could not be shown (not allowed, not found): the layout shows this instead.
    page_error: str = ""
    # A save was refused because the session ended: the layout offers to log in again in place.
    session_expired: bool = False
    relogin_error: str = ""
    busy: bool = False

    @rx.var
    def is_regione(self) -> bool:
        return self.user_role == "regione"

    def _failed(self, exc: Exception, loader: bool):
        """Turn a refusal or failure into what the user sees; returns events (e.g. a redirect) or None."""
        self.busy = False
        if isinstance(exc, Denied):
            if exc.reason == "login":
                if loader:
                    here = self.router.url.path + (f"?{self.router.url.query}" if self.router.url.query else "")
                    return rx.redirect(f"{LOGIN_PATH}?dopo={_quote(safe_next(here))}")
                self.session_expired = True
            if loader:
                self.page_error = exc.message  # the page shows it instead of its content
            else:
                self.flash_error = exc.message
            return None
        if isinstance(exc, InputError):
            if loader:  # a malformed address (e.g. ?id=abc): nothing to show, not a half-filled page
                self.page_error = "Indirizzo non valido: questa pagina non esiste. Torna alla home e scegli da lì."
            else:
                self.flash_error = "Dati non validi: " + "; ".join(exc.fields.values())
            return None
        if isinstance(exc, OperationalError):
            log.warning("staff: database busy or unreachable: %s", exc)
            self.flash_error = DB_BUSY
            return None
        if isinstance(exc, SQLAlchemyError):
            log.exception("staff: database error")
            self.flash_error = DB_BUSY
            return None
        log.exception("staff: unexpected error")
        self.flash_error = UNEXPECTED
        return None

    @rx.event
    def dismiss(self):
        self.flash_ok = ""
        self.flash_error = ""

    @rx.event
    async def relogin(self, form: dict):
        """Log in again without leaving the page, so the text in the forms is kept."""
        token, message = await _login(form, self.router.session.client_ip)
        if token is None:
            self.relogin_error = message
            return
        self.session_token = token
        self.session_expired = False
        self.relogin_error = ""
        self.flash_error = ""
        self.flash_ok = "Accesso di nuovo effettuato: ora puoi salvare."
        # Back where the user was working (the dialog that had the focus is gone).
        return rx.call_script(
            "setTimeout(function(){(document.getElementById('save-btn')||document.getElementById('contenuto'))?.focus()},0)"
        )

    @rx.event
    def logout(self):
        with open_db() as db:
            try:
                revoke_token(db, self.session_token, clock.now())
                db.commit()
            except SQLAlchemyError:
                log.exception("staff: logout could not revoke the session")
        self.session_token = ""
        self.user_name = self.user_role = self.user_email = ""
        return [rx.remove_cookie(COOKIE_NAME, {"path": "/staff"}), rx.redirect(f"{LOGIN_PATH}?uscito=1")]


def _quote(path: str) -> str:
    from urllib.parse import quote

    return quote(path, safe="")


async def _login(form: Any, client_ip: str) -> tuple[str | None, str]:
    """Shared by the login page and the re-login panel. Hashing runs off the event loop."""
    data, _errors = parse(LoginInput, form if isinstance(form, dict) else {})
    if data is None:
        return None, "Scrivi e-mail e password."
    who = client_hash(client_ip)

    def work():
        with open_db() as db:
            return attempt_login(db, data.email, data.password, who, clock.now())

    try:
        outcome = await asyncio.to_thread(work)
    except OperationalError:
        return None, DB_BUSY
    return (outcome.token, "") if outcome.ok else (None, outcome.message)


__all__ = ["COOKIE_NAME", "StaffState", "safe_next", "staff_event", "today"]
