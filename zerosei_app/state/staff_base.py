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

import contextlib
import inspect
import logging
import typing
from collections.abc import Awaitable, Callable
from datetime import date
from typing import Any, TypeVar

import reflex as rx
from sqlalchemy.exc import OperationalError, SQLAlchemyError
from sqlalchemy.exc import TimeoutError as PoolTimeout
from sqlmodel import Session

from zerosei_app.auth.guard import Denied, StaffContext, require_regione, require_user
from zerosei_app.auth.login import attempt_login
from zerosei_app.auth.sessions import ABSOLUTE_LIFETIME, revoke_token
from zerosei_app.auth.tokens import client_hash
from zerosei_app.db import Busy, get_engine, off_loop
from zerosei_app.domain import clock
from zerosei_app.domain.csv_common import MAX_BYTES
from zerosei_app.domain.staff_forms import LoginInput
from zerosei_app.domain.validation import InputError, parse
from zerosei_app.settings import get_settings
from zerosei_app.view import staff_messages as m

log = logging.getLogger("zerosei.staff")
T = TypeVar("T")

COOKIE_NAME = "zerosei_staff"
LOGIN_PATH = "/staff/login"


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


Begin = Callable[["StaffState", Session, tuple, dict], StaffContext]


def staff_event(fn: Callable | None = None, *, regione: bool = False, loader: bool = False, quiet: bool = False):
    """Decorator for every staff handler (see the module docstring).

    loader: a page's on_load (a missing session redirects to the login page).
    quiet: keeps the messages on screen (e.g. a keystroke handler).

    Nothing blocking runs in the event loop: a plain handler `fn(self, db, ctx, ...)` runs whole in
    the blocking-work threads (db.off_loop) with its own database session, closed before the
    answer goes out. A generator handler runs step by step there; at each `yield` whatever is not
    committed is rolled back, so no connection is held while the browser is answered. An async
    handler `fn(self, run, ctx, ...)` gets `run(work)` instead of a session: `await run(work)` runs
    `work(db)` in those threads with a session of its own (never one held across an `await`).
    """

    def decorate(fn: Callable) -> Any:
        sig = inspect.signature(fn)
        begin = _gate(sig, regione=regione, loader=loader, quiet=quiet)
        if inspect.isgeneratorfunction(fn):
            handler = _generator_handler(fn, begin, loader)
        elif inspect.iscoroutinefunction(fn):
            handler = _async_handler(fn, begin, loader)
        else:
            handler = _plain_handler(fn, begin, loader)
        return rx.event(_as_browser_handler(handler, fn, sig))

    return decorate(fn) if fn is not None else decorate


def _gate(sig: inspect.Signature, *, regione: bool, loader: bool, quiet: bool) -> Begin:
    """The checks every call of a staff handler passes first, in this order: the arguments fit the handler,
    the session is valid (and, with `regione`, of the Regione's role)."""

    def begin(self: StaffState, db: Session, args, kwargs) -> StaffContext:
        """In a worker thread: the session check, then the read transaction ends (connection freed)."""
        _check_args(sig, args, kwargs)
        if not quiet:
            self.flash_ok = ""
            self.flash_error = ""
        if loader:
            self.page_error = ""
        ctx = require_user(db, self.session_token, clock.now())
        if regione:
            require_regione(ctx)
        db.commit()
        self._user_id = ctx.user_id
        self.user_name, self.user_role, self.user_email = ctx.name, ctx.role, ctx.email
        self.session_expired = False
        return ctx

    return begin


def _check_args(sig: inspect.Signature, args, kwargs) -> None:
    """A call whose arguments do not fit the handler is refused before anything else."""
    try:
        sig.bind(None, None, None, *args, **kwargs)
    except TypeError:
        raise InputError({"": m.INVALID_REQUEST}) from None


def _generator_handler(fn: Callable, begin: Begin, loader: bool) -> Callable:
    """A generator handler, run step by step in the worker threads; nothing uncommitted is held at a `yield`."""

    async def handler(self, *args, **kwargs):
        db = gen = None

        def step():
            nonlocal db, gen
            try:
                if gen is None:
                    db = open_db()
                    gen = fn(self, db, begin(self, db, args, kwargs), *args, **kwargs)
                out = next(gen)
                if db.in_transaction():
                    db.rollback()  # handlers commit before they yield; nothing held meanwhile
                return "yield", out
            except StopIteration as stop:
                return "done", stop.value
            except Exception as exc:  # noqa: BLE001 - every failure becomes a message
                if db is not None:
                    db.rollback()
                return "failed", exc

        try:
            while True:
                try:
                    kind, value = await off_loop(step)
                except Busy as exc:
                    kind, value = "failed", exc
                if kind == "failed":
                    yield await self._refused(value, loader)
                    return
                if kind == "done":
                    if value is not None:
                        yield value
                    return
                yield value
        finally:
            with contextlib.suppress(Exception):
                if gen is not None:
                    gen.close()
                if db is not None:
                    db.close()

    return handler


def _async_handler(fn: Callable, begin: Begin, loader: bool) -> Callable:
    """An async handler: the gate in a worker thread, then `fn(self, run_db, ctx, ...)` in the event loop."""

    async def handler(self, *args, **kwargs):
        def auth():
            with open_db() as db:
                try:
                    return begin(self, db, args, kwargs), None
                except Exception as exc:  # noqa: BLE001
                    db.rollback()
                    return None, exc

        try:
            ctx, exc = await off_loop(auth)
            if exc is None:
                return await fn(self, run_db, ctx, *args, **kwargs)
        except Exception as failure:  # noqa: BLE001
            exc = failure
        return await self._refused(exc, loader)

    return handler


def _plain_handler(fn: Callable, begin: Begin, loader: bool) -> Callable:
    """A plain handler: the gate and `fn(self, db, ctx, ...)` whole in a worker thread, with one session."""

    async def handler(self, *args, **kwargs):
        def work():
            with open_db() as db:
                try:
                    return fn(self, db, begin(self, db, args, kwargs), *args, **kwargs), None
                except Exception as exc:  # noqa: BLE001
                    db.rollback()
                    return None, exc

        try:
            result, exc = await off_loop(work)
        except Busy as busy:
            result, exc = None, busy
        return result if exc is None else await self._refused(exc, loader)

    return handler


def _as_browser_handler(handler: Callable, fn: Callable, sig: inspect.Signature) -> Callable:
    """`handler` under `fn`'s name, with the signature the browser may call: db (or run) and ctx are
    supplied here, not by the browser."""
    hidden = set(list(sig.parameters)[1:3])
    handler.__name__ = fn.__name__
    handler.__qualname__ = fn.__qualname__
    handler.__doc__ = fn.__doc__
    handler.__module__ = fn.__module__
    handler.__signature__ = sig.replace(parameters=[p for name, p in sig.parameters.items() if name not in hidden])
    handler.__annotations__ = {k: v for k, v in typing.get_type_hints(fn).items() if k not in hidden and k != "return"}
    handler._staff_guarded = True  # the authorization tests list every handler and check this
    return handler


DbRun = Callable[[Callable[[Session], Any]], Awaitable[Any]]


async def run_db(work: Callable[[Session], T]) -> T:
    """`work(db)` in the blocking-work threads with a session of its own; a failure rolls back."""

    def job():
        with open_db() as db:
            try:
                return work(db)
            except BaseException:
                db.rollback()
                raise

    return await off_loop(job)


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
    _user_id: int = 0  # whose data this tab's staff states hold (backend only)

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
                self.page_error = m.BAD_ADDRESS
            else:
                self.flash_error = m.invalid_data(list(exc.fields.values()))
            return None
        if isinstance(exc, (Busy, PoolTimeout)):
            # Every worker or connection is taken: say so at once rather than keep the user waiting.
            log.warning("staff: server busy: %r", exc)
            self.flash_error = m.SERVER_BUSY
            return None
        if isinstance(exc, OperationalError):
            log.warning("staff: database busy or unreachable: %s", exc)
            self.flash_error = m.DB_BUSY
            return None
        if isinstance(exc, SQLAlchemyError):
            log.error("staff: database error", exc_info=exc)
            self.flash_error = m.DB_BUSY
            return None
        log.error("staff: unexpected error", exc_info=exc)
        self.flash_error = m.UNEXPECTED
        return None

    async def _refused(self, exc: Exception, loader: bool):
        """In the event loop, after a handler failed or was refused. A session that ended (expired,
        revoked, account disabled) takes every staff page's data of this tab with it; only a
        handler's own page keeps its state, so the text in its form survives a re-login in place
        (by the same person: see relogin)."""
        events = self._failed(exc, loader)
        if isinstance(exc, Denied) and exc.reason == "login":
            await self._forget(keep=None if loader else type(self))
        return events

    async def _forget(self, keep: type | None = None) -> None:
        """Reset every staff state of this tab to its defaults (all of them with keep=None: the
        session cookie's var, the user's name, every page's lists, forms and texts)."""
        classes = _staff_classes()
        states = [await self.get_state(cls) for cls in classes if cls is not keep]
        if keep is None:
            base = await self.get_state(StaffState)
            base.reset()  # its own fields and, recursively, every staff page's state loaded above
            return
        for state in states:
            if not type(state).get_substates():
                state.reset()

    @rx.event
    def upload_refused(self, _rejections: list[dict]):
        """The browser refused a file before sending it (too large or not a CSV); nothing is read here."""
        self.flash_ok = ""
        self.flash_error = m.upload_refused(MAX_BYTES // 1_000_000)

    @rx.event
    def dismiss(self):
        self.flash_ok = ""
        self.flash_error = ""

    @rx.event
    async def relogin(self, form: dict):
        """Log in again without leaving the page, so the text in the forms is kept."""
        token, message, user_id = await _login(form, self.router.session.client_ip)
        if token is None:
            self.relogin_error = message
            return
        if user_id != self._user_id:
            # Someone else: none of the previous person's data, not even the kept form.
            await self._forget()
            self.session_token = token
            self._user_id = user_id or 0
            return rx.redirect("/staff")
        self.session_token = token
        self.session_expired = False
        self.relogin_error = ""
        self.flash_error = ""
        self.flash_ok = m.RELOGGED_IN
        # Back where the user was working (the dialog that had the focus is gone).
        return rx.call_script(
            "setTimeout(function(){(document.getElementById('save-btn')||document.getElementById('contenuto'))?.focus()},0)"
        )

    @rx.event
    async def logout(self):
        token = self.session_token

        def revoke():
            with open_db() as db:
                try:
                    revoke_token(db, token, clock.now())
                    db.commit()
                except SQLAlchemyError:
                    log.exception("staff: logout could not revoke the session")

        try:
            await off_loop(revoke)
        except Busy:
            log.warning("staff: logout could not revoke the session: server busy")
        # Nothing of this user stays in the tab's server-side state (a reconnect with the same
        # tab token would otherwise receive it all in its hydrate).
        await self._forget()
        return [rx.remove_cookie(COOKIE_NAME, {"path": "/staff"}), rx.redirect(f"{LOGIN_PATH}?uscito=1")]


def _quote(path: str) -> str:
    from urllib.parse import quote

    return quote(path, safe="")


def _staff_classes() -> list[type[StaffState]]:
    """Every staff page's state (the subclasses of StaffState, at any depth)."""
    out, todo = [], list(StaffState.get_substates())
    while todo:
        cls = todo.pop()
        out.append(cls)
        todo.extend(cls.get_substates())
    return sorted(out, key=lambda c: c.get_full_name())


async def _login(form: Any, client_ip: str) -> tuple[str | None, str, int | None]:
    """Shared by the login page and the re-login panel: (token, message, user id). Hashing runs
    off the event loop."""
    data, _errors = parse(LoginInput, form if isinstance(form, dict) else {})
    if data is None:
        return None, m.NEED_CREDENTIALS, None
    who = client_hash(client_ip)

    def work():
        with open_db() as db:
            return attempt_login(db, data.email, data.password, who, clock.now())

    try:
        outcome = await off_loop(work)
    except (Busy, PoolTimeout):
        return None, m.SERVER_BUSY, None
    except OperationalError:
        return None, m.DB_BUSY, None
    return (outcome.token, "", outcome.user_id) if outcome.ok else (None, outcome.message, None)


__all__ = ["COOKIE_NAME", "DbRun", "StaffState", "run_db", "safe_next", "staff_event", "today"]
