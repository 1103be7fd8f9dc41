"""On a phone (390×844): staff close their centre for a while and families see it on the path; confirming an
entry shows what is confirmed first; the Regione's view sorts by column; "Apri" on /staff/recapiti opens
the chosen ente gestore."""

from __future__ import annotations

from datetime import timedelta

import pytest
from playwright.sync_api import expect
from sqlmodel import Session, select

from tests.e2e.conftest import ARTIFACTS
from tests.e2e.test_frame_a11y import OPERATORE, REGIONE, login, settle, staff_accounts  # noqa: F401
from zerosei_app.domain import clock
from zerosei_app.models import AuditRecord, CardEntry, Chiusura, EntryStatus

pytestmark = pytest.mark.e2e

TORINO = "001272"  # served by centre 1


def _shot(page, name: str) -> None:
    """What the phone's screen shows (not the whole page)."""
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"))


def test_a_closure_reaches_the_familys_path(app_url, phone, staff_accounts):  # noqa: F811
    page = phone.new_page()
    login(page, app_url, OPERATORE)
    page.goto(f"{app_url}/staff/centro?id=1")
    page.wait_for_selector("#chiusure-titolo", timeout=30_000)
    settle(page, 600)
    start, end = clock.today(), clock.today() + timedelta(days=6)
    page.fill("#f-starts_on", start.isoformat())
    page.fill("#f-ends_on", end.isoformat())
    page.fill("#f-reason", "ferie di prova")
    page.get_by_role("button", name="Aggiungi la chiusura").click()
    expect(page.get_by_text("Chiusura salvata").first).to_be_visible(timeout=15_000)
    page.locator("#chiusure-titolo").scroll_into_view_if_needed()
    _shot(page, "closure-staff-phone")
    try:
        parent = phone.new_page()
        parent.goto(f"{app_url}/percorso?comune={TORINO}&nascita=2025-06")
        closure = parent.locator(".centri .card .closure").first
        expect(closure).to_contain_text("Centro chiuso dal", timeout=30_000)
        expect(closure).to_contain_text("ferie di prova")
        closure.scroll_into_view_if_needed()
        _shot(parent, "closure-path-phone")
    finally:
        with Session(staff_accounts["engine"]) as db:
            for row in db.exec(select(Chiusura)).all():
                db.delete(row)
            db.commit()


def test_confirming_shows_what_is_confirmed_first(app_url, phone, staff_accounts):  # noqa: F811
    with Session(staff_accounts["engine"]) as db:
        entry = db.exec(
            select(CardEntry)
            .where(CardEntry.centro_id == 1, CardEntry.status == EntryStatus.PUBLISHED)
            .order_by(CardEntry.id)
        ).first()
        entry_id, title = entry.id, entry.title
    page = phone.new_page()
    login(page, app_url, OPERATORE)
    page.goto(f"{app_url}/staff/voce?id={entry_id}")
    page.wait_for_selector("#entry-form", timeout=30_000)
    settle(page, 600)
    page.get_by_role("button", name="Conferma i dati…").click()
    panel = page.locator("#conferma-dati")
    expect(panel).to_be_visible(timeout=15_000)
    expect(panel).to_contain_text(title)
    _shot(page, "confirm-panel-phone")
    page.locator("#confermo-btn").click()
    expect(page.get_by_text("segnata come verificata oggi").first).to_be_visible(timeout=15_000)
    expect(page.locator(".st-confirmed")).to_contain_text("Confermata dal centro il")
    with Session(staff_accounts["engine"]) as db:
        assert db.get(CardEntry, entry_id).last_reviewed_on == clock.today()
        assert db.exec(
            select(AuditRecord).where(AuditRecord.entity_id == entry_id, AuditRecord.action == "review")
        ).first()


def test_the_regione_sorts_its_view_and_opens_an_ente(app_url, phone, staff_accounts):  # noqa: F811
    page = phone.new_page()
    login(page, app_url, REGIONE)
    page.goto(f"{app_url}/staff/regione/centri")
    page.wait_for_selector("main h1", timeout=30_000)
    settle(page, 600)
    _shot(page, "regione-view-phone")
    page.get_by_role("navigation", name="Ordina i centri").get_by_role("link", name="Da confermare").click()
    expect(page).to_have_url(f"{app_url}/staff/regione/centri?ordine=da_confermare", timeout=15_000)
    expect(page.locator("th[aria-sort=ascending]")).to_contain_text("Da confermare")
    expect(page.locator(".st-sortnav strong")).to_have_text("Da confermare")
    assert page.evaluate("document.documentElement.scrollWidth") <= 390

    page.goto(f"{app_url}/staff/recapiti")
    page.wait_for_selector("#rc-ente", timeout=30_000)
    settle(page, 600)
    option = page.locator("#rc-ente option").nth(1)
    value, name = option.get_attribute("value"), option.inner_text()
    page.select_option("#rc-ente", value)
    page.get_by_role("button", name="Apri").click()
    expect(page).to_have_url(f"{app_url}/staff/recapiti?ente={value}", timeout=15_000)
    expect(page.get_by_role("heading", name=f"Recapiti: {name}")).to_be_visible(timeout=15_000)

    page.goto(f"{app_url}/staff/regione/enti?solo=dedotti")
    page.wait_for_selector(".st-ente-row", timeout=30_000)
    settle(page, 600)
    _shot(page, "regione-enti-phone")


def test_on_a_phone_the_first_entry_comes_before_the_filters(app_url, phone, staff_accounts):  # noqa: F811
    page = phone.new_page()
    login(page, app_url, OPERATORE)
    page.goto(f"{app_url}/staff/voci?centro=1")
    first = page.locator("table.st-stack tbody tr").first
    first.wait_for(timeout=30_000)
    settle(page, 600)
    _shot(page, "entries-list-phone")
    assert first.bounding_box()["y"] < 844, "the first entry is on the first screen"
    assert not page.locator("#flt-area").is_visible()  # folded under "Altri filtri"
    page.get_by_text("Altri filtri").click()
    expect(page.locator("#flt-area")).to_be_visible()
