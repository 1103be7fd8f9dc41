"""Always someone to contact: a sample of comuni in a real browser at 390×844 (the whole list is
checked without a browser in tests/unit/test_contact_rule.py)."""

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import ARTIFACTS
from zerosei_app.domain import clock
from zerosei_app.domain.months import YearMonth

pytestmark = pytest.mark.e2e

BORN = YearMonth.of(clock.today()).plus(-48)
DUE = YearMonth.of(clock.today()).plus(4)
WORKING = ("tel:", "mailto:", "http://", "https://")


def _first_card_hrefs(page) -> list[str]:
    card = page.locator(".centri .card").first
    expect(card).to_be_visible()
    return card.locator(".contacts a").evaluate_all("els => els.map(e => e.getAttribute('href'))")


@pytest.mark.parametrize(
    ("codice", "name", "shot"),
    [
        ("103031", "Formazza", "contacts-01-formazza"),
        ("001272", "Torino", "contacts-02-torino"),
        ("001255", "Sant'Ambrogio di Torino", "contacts-03-sant-ambrogio"),
        ("001082", "Chivasso", "contacts-04-chivasso-ente"),
        ("006113", "Murisengo", "contacts-05-murisengo"),
    ],
)
def test_first_centre_card_ends_with_a_working_contact(app_url, phone, codice, name, shot):
    page = phone.new_page()
    page.goto(f"{app_url}/percorso?comune={codice}&nascita={BORN}&attesa={DUE}")
    expect(page.locator(".path-head h1")).to_contain_text(name)
    hrefs = _first_card_hrefs(page)
    assert hrefs and all(h.startswith(WORKING) for h in hrefs), hrefs
    # What the parent sees at 390×844 when the page is scrolled to the centres.
    page.locator(".centri").scroll_into_view_if_needed()
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{shot}.png"))


def test_formazza_names_the_nearest_centre_and_whose_contacts(app_url, phone):
    page = phone.new_page()
    page.goto(f"{app_url}/percorso?comune=103031&nascita={BORN}&attesa={DUE}")
    card = page.locator(".centri .card").first
    expect(card.locator("h3")).to_contain_text("Il centro più vicino tra quelli registrati · a circa")
    expect(page.locator(".centri h2")).to_have_text("A chi rivolgerti")
    expect(card).to_contain_text("contatta il Comune di Formazza")
    expect(card.locator(".contacts")).to_contain_text("PEC (posta certificata)")
    expect(card.locator(".contact-owner").first).to_have_text("Comune di Formazza")
    assert "Il tuo Centro per le famiglie" not in card.inner_text()
    # The static copy for slow phones says the same (it is in the first answer, hidden once the app runs).
    html = page.request.get(f"{app_url}/percorso?comune=103031&nascita={BORN}&lang=en").text()
    assert "The nearest centre among those registered" in html and "PEC (certified mail)" in html
