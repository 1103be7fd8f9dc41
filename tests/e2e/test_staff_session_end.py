"""Over the real websocket: after "Esci" nothing of the user stays in the tab's server-side state
(a reconnect with the same tab token used to receive reports, forms, the accounts list and the
last one-time set-up link in its hydrate), and parallel password guesses get at most 5 checks."""

from __future__ import annotations

import re
import threading
import uuid

import pytest
from sqlalchemy import text
from sqlmodel import Session, select

from tests.e2e.ws_client import Tab, handler_name
from zerosei_app.auth.accounts import create_account
from zerosei_app.auth.sessions import create_session
from zerosei_app.auth.throttle import MAX_FAILURES
from zerosei_app.db import make_engine
from zerosei_app.domain import clock
from zerosei_app.models import CardEntry
from zerosei_app.state.staff_account import StaffAccountState
from zerosei_app.state.staff_accounts import StaffAccountsState
from zerosei_app.state.staff_base import StaffState

pytestmark = pytest.mark.e2e

PASSWORD = "girasole azzurro 2026"


@pytest.fixture
def regione(served_database_url):
    engine = make_engine(served_database_url)
    email = f"regione-fine-{uuid.uuid4().hex[:6]}@example.org"
    with Session(engine) as db:
        user, _ = create_account(
            db,
            email=email,
            name="Ufficio Fine Sessione",
            role="regione",
            centro_ids=[],
            actor_id=None,
            now=clock.now(),
            password=PASSWORD,
        )
        token = create_session(db, user.id, clock.now())
        entry = db.exec(select(CardEntry).where(CardEntry.centro_id == 1).order_by(CardEntry.id)).first()
        db.commit()
        yield {"token": token, "email": email, "entry_id": entry.id, "entry_title": entry.title, "engine": engine}
    with engine.begin() as conn:
        conn.execute(text("DELETE FROM login_attempt WHERE email = :e"), {"e": email})
    engine.dispose()


def _reconnect_hydrate(app_url: str, tab_token: str) -> str:
    """A new websocket with the same tab token, on the login page, without the cookie."""
    again = Tab(app_url, token=tab_token)
    try:
        again.hydrate("/staff/login")
        return again.settle()
    finally:
        again.close()


def test_after_logout_a_reconnect_with_the_same_tab_token_gets_nothing(app_url, regione):
    tab = Tab(app_url)
    tab.hydrate("/staff/utenti", cookie=regione["token"])
    tab.settle()
    invited = f"invitata-{uuid.uuid4().hex[:6]}@example.org"
    tab.emit(
        handler_name(StaffAccountsState, "invite"),
        {"form": {"email": invited, "name": "Invitata", "role": "regione"}},
        "/staff/utenti",
    )
    answer = tab.settle()
    link = re.search(r"/staff/attiva\?token=([A-Za-z0-9_\-]+)", answer)
    assert link, answer[-800:]  # the link reaches the page once…
    setup_token = link.group(1)
    tab.hydrate("/staff/voce", {"id": regione["entry_id"]}, cookie=regione["token"])
    tab.settle()
    tab.close()

    before = _reconnect_hydrate(app_url, tab.token)
    # …but is kept nowhere on the server; the rest is still there until the user logs out.
    assert setup_token not in before
    assert invited in before and regione["entry_title"] in before and regione["email"] in before

    tab = Tab(app_url, token=tab.token)
    tab.hydrate("/staff", cookie=regione["token"])
    tab.settle()
    tab.emit(handler_name(StaffState, "logout"), {}, "/staff")
    assert "/staff/login?uscito=1" in tab.settle()
    tab.close()

    after = _reconnect_hydrate(app_url, tab.token)
    for secret in (invited, regione["entry_title"], regione["email"], "Ufficio Fine Sessione", setup_token):
        assert secret not in after, secret
    assert regione["token"] not in after


def test_ten_parallel_wrong_password_changes_get_at_most_five_checks(app_url, regione):
    tabs = [Tab(app_url) for _ in range(10)]
    for tab in tabs:
        tab.set_cookie(regione["token"])
    starts = [len(t.updates) for t in tabs]
    go = threading.Barrier(len(tabs))

    def guess(i: int) -> None:
        go.wait()
        new = "una nuova password lunga"
        tabs[i].emit(
            handler_name(StaffAccountState, "change"),
            {"form": {"current": f"indovino {i}", "password": new, "password2": new}},
            "/staff/account",
        )

    threads = [threading.Thread(target=guess, args=(i,)) for i in range(len(tabs))]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    answers = []
    for tab, start in zip(tabs, starts, strict=True):
        tab.wait_for(("non è corretta", "Troppi tentativi"), 60, start)
        answers.append(tab.settle())
        tab.close()
    checked = sum("non è corretta" in a for a in answers)
    locked = sum("Troppi tentativi" in a for a in answers)
    assert checked <= MAX_FAILURES and checked + locked == len(tabs), answers


def test_ten_parallel_wrong_logins_get_at_most_five_checks(app_url, regione):
    from zerosei_app.models import LoginAttempt
    from zerosei_app.state.staff_login import StaffLoginState

    tabs = [Tab(app_url) for _ in range(10)]
    starts = [len(t.updates) for t in tabs]
    go = threading.Barrier(len(tabs))

    def guess(i: int) -> None:
        go.wait()
        tabs[i].emit(
            handler_name(StaffLoginState, "login"),
            {"form": {"email": regione["email"], "password": f"indovino {i}"}},
            "/staff/login",
        )

    threads = [threading.Thread(target=guess, args=(i,)) for i in range(len(tabs))]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    answers = []
    for tab, start in zip(tabs, starts, strict=True):
        tab.wait_for(("non corretti", "Troppi tentativi"), 60, start)
        answers.append(tab.settle())
        tab.close()
    checked = sum("non corretti" in a for a in answers)
    locked = sum("Troppi tentativi" in a for a in answers)
    assert checked <= MAX_FAILURES and checked + locked == len(tabs), answers
    with Session(regione["engine"]) as db:
        tries = db.exec(select(LoginAttempt).where(LoginAttempt.email == regione["email"])).all()
    assert len(tries) <= len(tabs)


def test_the_one_time_link_is_shown_once_and_copies(app_url, browser, regione):
    """In a real browser: the invite shows the link, "Copia il link" copies it, and a reload shows it
    no more (the server never kept it)."""
    from tests.e2e.conftest import screenshot
    from tests.e2e.test_staff_browser import login

    ctx = browser.new_context(viewport={"width": 390, "height": 844}, locale="it-IT")
    ctx.grant_permissions(["clipboard-read", "clipboard-write"], origin=app_url)
    page = ctx.new_page()
    try:
        login(page, app_url, regione["email"], PASSWORD, then="/staff/utenti")
        page.wait_for_url("**/staff/utenti*", timeout=30_000)
        page.wait_for_selector("#f-email", timeout=30_000)
        invited = f"copia-{uuid.uuid4().hex[:6]}@example.org"
        page.fill("#f-email", invited)
        page.fill("#f-name", "Persona Copia")
        page.select_option("#f-role", "regione")
        page.get_by_role("button", name="Invita", exact=True).click()
        page.wait_for_function(
            "(document.getElementById('setup-link')||{}).textContent?.includes('/staff/attiva?token=')", timeout=30_000
        )
        link = page.inner_text("#setup-link")
        page.get_by_role("button", name="Copia il link").click()
        page.wait_for_function("navigator.clipboard.readText().then(t => t.length > 0)", timeout=10_000)
        assert page.evaluate("navigator.clipboard.readText()") == link
        screenshot(page, "staff-one-time-link")
        page.reload()
        page.wait_for_selector("#f-email", timeout=30_000)
        page.wait_for_timeout(500)
        assert link not in page.content() and page.locator("#setup-link").count() == 0
    finally:
        ctx.close()
