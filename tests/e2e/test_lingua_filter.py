"""'Servizi nella mia lingua' on the path page: the link holds it, and an empty answer is said plainly."""

from __future__ import annotations

import re

from playwright.sync_api import expect

from tests.e2e.conftest import screenshot
from zerosei_app.domain import clock
from zerosei_app.domain.months import YearMonth

BORN = YearMonth.of(clock.today()).plus(-18)


def test_asking_for_a_language_no_centre_states(app_url, phone):
    page = phone.new_page()
    page.goto(f"{app_url}/percorso?comune=001255&nascita={BORN}")
    expect(page.locator(".app .path-head h1")).to_be_visible()
    services = page.locator(".app h4.entry-title").count()
    assert services > 3
    page.get_by_text("Servizi nella mia lingua").click()
    arabic = page.locator(".lingua-choice[lang='ar']")
    expect(arabic).to_have_text("العربية")
    arabic.click()
    expect(page).to_have_url(re.compile(r"[?&]lingua=ar(&|$)"))
    status = page.locator(".app .lingua-status")
    expect(status).to_contain_text("Nessun centro ha ancora indicato servizi in arabo: ecco tutti i servizi.")
    # Nothing is assumed: the whole path stays.
    assert page.locator(".app h4.entry-title").count() == services
    expect(page.locator(".lingua-choice.current")).to_have_attribute("aria-current", "true")
    screenshot(page, "lingua-01-none-stated")
    page.get_by_role("link", name="Mostra tutti i servizi").click()
    expect(page).not_to_have_url(re.compile(r"lingua="))
    expect(page.locator(".app .lingua-status")).to_have_count(0)
