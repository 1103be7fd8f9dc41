"""The Regione corrects a comune's contacts in the staff area; the family's path shows them at once."""

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import ARTIFACTS
from tests.e2e.test_staff_browser import accounts, login  # noqa: F401  (the fixture is used by name)
from zerosei_app.domain import clock
from zerosei_app.domain.months import YearMonth

pytestmark = pytest.mark.e2e

BORN = YearMonth.of(clock.today()).plus(-20)


def test_regione_corrects_crodo_and_families_see_it(app_url, browser, accounts):  # noqa: F811
    staff = browser.new_context(viewport={"width": 390, "height": 844})
    page = staff.new_page()
    login(page, app_url, "rita@e2e.example", then="/staff/recapiti?comune=103026")
    expect(page.get_by_role("heading", name="Recapiti: Comune di Crodo")).to_be_visible(timeout=30_000)
    page.fill("#f-website", "javascript:alert(1)")
    page.get_by_role("button", name="Salva i recapiti").click()
    expect(page.locator("#err-website")).to_contain_text("Indirizzo web non valido")
    page.fill("#f-website", "www.comune.crodo.vb.it/servizi-sociali")
    page.fill("#f-phone", "0324 618811")
    page.get_by_role("button", name="Salva i recapiti").click()
    expect(page.get_by_text("Recapiti salvati")).to_be_visible()
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "contacts-06-staff-recapiti.png"), full_page=True)
    staff.close()

    parent = browser.new_context(viewport={"width": 390, "height": 844}).new_page()
    parent.goto(f"{app_url}/percorso?comune=103026&nascita={BORN}")
    card = parent.locator(".centri .card").first
    expect(card.locator(".contacts a").first).to_have_attribute("href", "tel:0324618811")
    expect(card.locator(".contacts")).to_contain_text("servizi-sociali")
    parent.context.close()


def test_centre_staff_read_the_research_notes_families_never_see(app_url, browser, accounts):  # noqa: F811
    page = browser.new_context(viewport={"width": 390, "height": 844}).new_page()
    login(page, app_url, "carla@e2e.example", then="/staff/centro?id=1")
    notes = page.locator("details", has_text="Note interne della Regione")
    expect(notes).to_be_visible(timeout=30_000)
    notes.locator("summary").click()
    expect(notes).to_contain_text("Ricerca 2026-11-29")
    page.context.close()
    parent = browser.new_context(viewport={"width": 390, "height": 844}).new_page()
    parent.goto(f"{app_url}/percorso?comune=001272&nascita={BORN}")
    expect(parent.locator(".centri .card").first).to_contain_text("Centro Relazioni e Famiglie")
    assert "Ricerca 2026-11-29" not in parent.content()
    parent.context.close()
