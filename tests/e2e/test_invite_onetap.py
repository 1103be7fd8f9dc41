"""In a real browser on a 390 px phone: the invitation's set-up page (role and centre, one use only)
and a reminder's one-tap page (opening changes nothing; «Confermo» confirms), with axe-core 0 violations."""

from __future__ import annotations

import re

import pytest
from sqlmodel import Session, select

from tests.e2e.axe import describe, run_axe
from tests.e2e.conftest import screenshot
from tests.e2e.test_frame_a11y import settle
from zerosei_app.auth.accounts import create_account
from zerosei_app.commands.review_cycle import send_reminders
from zerosei_app.db import make_engine
from zerosei_app.domain import clock
from zerosei_app.mail.invitations import invite
from zerosei_app.models import CardEntry, Centro, EntryStatus, MailOutbox

pytestmark = pytest.mark.e2e
CENTRO = 4


def _fits(page) -> None:
    assert page.evaluate("document.documentElement.scrollWidth") <= 390


def test_invitation_link_sets_a_password_once(app_url, phone, served_database_url):
    engine = make_engine(served_database_url)
    with Session(engine) as db:
        _user, url = invite(
            db,
            email="invitata.e2e@example.org",
            name="Invitata Prova",
            role="operatore",
            centro_ids=[CENTRO],
            actor_id=None,
            now=clock.now(),
            base_url=app_url,
        )
        db.commit()
        centro = db.get(Centro, CENTRO).name
    engine.dispose()
    page = phone.new_page()
    page.goto(url)
    page.wait_for_selector("#setup-role", timeout=60_000)
    settle(page)
    assert "operatrice/operatore di centro" in page.inner_text("#setup-role")
    assert centro in page.inner_text("#setup-centri")
    violations = run_axe(page)
    screenshot(page, "invite-setup-phone")
    assert violations == [], describe(violations)
    _fits(page)
    page.fill("#setup-password", "girasoli sul balcone di casa")
    page.fill("#setup-password2", "girasoli sul balcone di casa")
    page.get_by_role("button", name="Salva la password ed entra").click()
    page.wait_for_url(re.compile(r"/staff\?benvenuto=1"), timeout=30_000)
    used = phone.new_page()
    used.goto(url)
    used.get_by_text("è già stato usato").wait_for(timeout=30_000)
    violations = run_axe(used)
    screenshot(used, "invite-used-phone")
    assert violations == [], describe(violations)


def test_one_tap_page_confirms_only_on_the_button(app_url, phone, served_database_url):
    engine = make_engine(served_database_url)
    today = clock.today()
    with Session(engine) as db:
        create_account(
            db,
            email="op.onetap@example.org",
            name="Operatrice Onetap",
            role="operatore",
            centro_ids=[CENTRO],
            actor_id=None,
            now=clock.now(),
            password="ciliegie rosse in primavera",
        )
        entry = CardEntry(
            centro_id=CENTRO,
            title="Laboratorio e2e <conferma>",
            category="gioco-socialita",
            status=EntryStatus.PUBLISHED,
        )
        db.add(entry)
        db.commit()
        entry_id = entry.id
        send_reminders(db, today, app_url)
        # Read before the commit: once the app has sent it, the outbox no longer keeps the text.
        body = next(
            m.body_text
            for m in db.exec(select(MailOutbox).where(MailOutbox.kind == "promemoria")).all()
            if "op.onetap@example.org" in m.to_addrs
        )
        db.commit()
    url = re.search(r"http\S+/staff/conferma\?t=\S+", body).group(0)
    page = phone.new_page()
    page.goto(url)
    page.get_by_role("heading", level=1).wait_for()
    assert "Laboratorio e2e <conferma>" in page.inner_text("main")
    violations = run_axe(page)
    screenshot(page, "onetap-phone")
    assert violations == [], describe(violations)
    _fits(page)
    with Session(engine) as db:
        assert db.get(CardEntry, entry_id).last_reviewed_on is None  # opening changed nothing
    page.get_by_role("button", name=re.compile("Confermo")).click()
    page.get_by_text("Grazie, confermato").wait_for()
    violations = run_axe(page)
    screenshot(page, "onetap-done-phone")
    assert violations == [], describe(violations)
    _fits(page)
    with Session(engine) as db:
        assert db.get(CardEntry, entry_id).last_reviewed_on == today
    engine.dispose()


def test_invita_on_the_accounts_page_writes_an_eml_without_smtp(app_url, phone, served_database_url):
    """The served app has no ZEROSEI_SMTP_HOST: the page says so, and the invitation becomes a file."""
    import time
    from pathlib import Path

    from tests.e2e.test_staff_browser import login

    engine = make_engine(served_database_url)
    with Session(engine) as db:
        create_account(
            db,
            email="regione.invita@example.org",
            name="Regione Invita",
            role="regione",
            centro_ids=[],
            actor_id=None,
            now=clock.now(),
            password="ciliegie rosse in primavera",
        )
        db.commit()
    engine.dispose()
    page = phone.new_page()
    login(page, app_url, "regione.invita@example.org", "ciliegie rosse in primavera", then="/staff/utenti")
    page.wait_for_selector("#mail-note", timeout=30_000)
    assert "ZEROSEI_SMTP_HOST" in page.inner_text("#mail-note")
    page.fill("#f-name", "Persona File")
    page.fill("#f-email", "persona.file@example.org")
    page.select_option("#f-role", "regione")
    page.get_by_role("button", name="Invita", exact=True).click()
    page.get_by_text("salvato come file .eml").first.wait_for(timeout=30_000)
    outbox = Path(served_database_url.removeprefix("sqlite:///")).parent / "outbox"
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        if any(b"persona.file@example.org" in f.read_bytes() for f in outbox.glob("*.eml")):
            break
        time.sleep(0.5)
    else:
        raise AssertionError(f"no .eml for the invitation in {outbox}")
