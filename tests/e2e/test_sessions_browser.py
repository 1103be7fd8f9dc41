"""Dated sessions in a real browser: staff add a weekly session with the plain controls (and get a
clear message for a bad one), cancel a date; parents see "Prossimi appuntamenti" on the path and
can download the .ics."""

from __future__ import annotations

from datetime import timedelta

import httpx
import pytest
from icalendar import Calendar
from sqlmodel import Session, select

from tests.percorso_support import path_out
from zerosei_app.auth.accounts import create_account
from zerosei_app.db import make_engine
from zerosei_app.domain import clock
from zerosei_app.domain.link import parse_query_string
from zerosei_app.models import EntrySession, StaffUser

pytestmark = pytest.mark.e2e

PASSWORD = "girasole azzurro 2026"
EMAIL = "sara@e2e-sessioni.example"
TORINO = "001272"  # centre 1's comune


def _birth(months: int) -> str:
    today = clock.today()
    total = today.year * 12 + today.month - 1 - months
    return f"{total // 12:04d}-{total % 12 + 1:02d}"


PATH = f"comune={TORINO}&nascita={_birth(14)}"


@pytest.fixture(scope="module")
def setup(served_database_url):
    engine = make_engine(served_database_url)
    with Session(engine) as db:
        if db.exec(select(StaffUser).where(StaffUser.email == EMAIL)).first() is None:
            create_account(
                db,
                email=EMAIL,
                name="Sara Operatrice",
                role="operatore",
                centro_ids=[1],
                actor_id=None,
                now=clock.now(),
                password=PASSWORD,
            )
            db.commit()
        path = path_out(db, parse_query_string(PATH).query, clock.today())
        entry_id = next(v.id for f in path.figli for v in f.adesso if v.centro_id == 1)
    yield engine, entry_id
    engine.dispose()


def _count(engine) -> int:
    with Session(engine) as db:
        return len(db.exec(select(EntrySession)).all())


def test_staff_add_cancel_and_parents_see_it(app_url, desktop, phone, setup):
    engine, entry_id = setup
    page = desktop.new_page()
    page.goto(f"{app_url}/staff/login?dopo=%2Fstaff%2Fvoce%3Fid%3D{entry_id}")
    page.fill("#login-email", EMAIL)
    page.fill("#login-password", PASSWORD)
    page.click("button[type=submit]")
    page.get_by_text("Appuntamenti con data e ora").wait_for(timeout=30_000)
    page.get_by_text("Nessun appuntamento con data per questa voce.").wait_for(timeout=30_000)

    first = clock.today() + timedelta(days=1)
    page.select_option("#f-sess_repeat", "weekly")
    page.locator(f"#f-wd_{first.weekday()}").wait_for(timeout=10_000)
    page.fill("#f-sess_day", first.isoformat())
    # Bad: the end before the start. Said next to the control; nothing saved.
    page.fill("#f-sess_start", "11:30")
    page.fill("#f-sess_end", "09:30")
    page.check(f"#f-wd_{first.weekday()}")
    page.fill("#f-sess_until", (first + timedelta(days=35)).isoformat())
    page.click("#sess-add")
    page.get_by_text("L'ora di fine deve venire dopo l'ora di inizio.").wait_for(timeout=10_000)
    assert _count(engine) == 0

    page.fill("#f-sess_start", "09:30")
    page.fill("#f-sess_end", "11:30")
    page.click("#sess-add")
    page.get_by_text("Ogni settimana il", exact=False).first.wait_for(timeout=10_000)
    assert _count(engine) == 1
    dates = page.locator(".st-occurrences li")
    assert dates.count() >= 5
    second = dates.nth(1).inner_text().split("\n")[0].split(" Annulla")[0]
    dates.nth(1).get_by_role("button").click()
    page.get_by_text("annullato", exact=False).first.wait_for(timeout=10_000)
    page.locator("#appuntamenti").screenshot(path="test-artifacts/sessions-staff-panel.png")
    assert second not in page.locator(".st-occurrences").inner_text()

    parent = phone.new_page()
    parent.goto(f"{app_url}/percorso?{PATH}")
    parent.get_by_text("Prossimi appuntamenti").wait_for(timeout=30_000)
    section = parent.locator("#appuntamenti")
    section.scroll_into_view_if_needed()
    section.screenshot(path="test-artifacts/sessions-path-phone.png")
    assert section.locator("li").count() >= 4
    webcal = section.get_by_text("Iscriviti al calendario del percorso").get_attribute("href")
    assert webcal.startswith("webcal://") and "/percorso.ics?" in webcal
    ics = section.get_by_text("Aggiungi al calendario").first.get_attribute("href")
    body = httpx.get(app_url + ics, timeout=10).content
    assert len(Calendar.from_ical(body).walk("VEVENT")) == 1
    feed = httpx.get(app_url + "/percorso.ics?" + webcal.split("?", 1)[1], timeout=10)
    assert feed.status_code == 200 and len(Calendar.from_ical(feed.content).walk("VEVENT")) >= 1
