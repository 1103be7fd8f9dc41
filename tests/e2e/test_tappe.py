"""Issue 16 on a phone: the path's tappe and the regional functions, opened, with axe-core (WCAG 2.1 A/AA)."""

import pytest
from playwright.sync_api import expect

from tests.e2e.axe import describe, run_axe
from tests.e2e.conftest import ARTIFACTS, screenshot
from tests.e2e.test_frame_a11y import REGIONE, login, open_parent_page, staff_accounts  # noqa: F401 - a fixture
from tests.e2e.test_path_shape import PATH

pytestmark = pytest.mark.e2e


def test_tappe_and_functions_open_with_sources_and_no_axe_violations(app_url, phone):
    page = phone.new_page()
    open_parent_page(page, app_url + PATH)
    group = page.locator("details#tappe")
    expect(group).not_to_have_attribute("open", "")  # closed: the services come first on a phone
    group.locator("summary").first.click()
    first = group.locator("li.tappa").first
    first.locator("summary").click()
    expect(first.locator(".src a")).to_be_visible()
    expect(first.locator(".verified")).to_be_visible()
    page.locator(".funzioni-more > summary").click()
    expect(page.locator(".funzioni")).to_contain_text("Mediazione familiare")
    expect(page.locator(".funzioni")).to_contain_text("Al tuo centro puoi chiedere:")
    # A pregnancy and a 4-year-old: both children's steps, each under its own heading.
    expect(group.locator("h3", has_text="per la gravidanza").first).to_be_visible()
    expect(group).to_contain_text("Da verificare sul sito ufficiale")
    screenshot(page, "tappe-open-390")
    page.evaluate("document.querySelector('details#tappe').scrollIntoView()")
    page.screenshot(path=str(ARTIFACTS / "tappe-open-390-group.png"))
    page.locator(".funzioni").screenshot(path=str(ARTIFACTS / "tappe-open-390-funzioni.png"))
    violations = run_axe(page)
    assert not violations, describe(violations)


def test_a_centre_adds_its_details_to_a_function(app_url, phone, staff_accounts):  # noqa: F811
    page = phone.new_page()
    login(page, app_url, REGIONE)
    page.goto(f"{app_url}/staff/voci?centro=1")
    panel = page.locator("details.st-funzioni")
    panel.locator("summary").click()
    panel.get_by_role("link", name="Aggiungi i vostri dettagli: Mediazione familiare").click()
    expect(page.locator("#f-title")).to_have_value("Mediazione familiare", timeout=30_000)
    expect(page.locator("#f-summary")).to_contain_text("accordi")
    screenshot(page, "tappe-staff-funzione-390")
