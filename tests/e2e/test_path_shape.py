"""Issue 8, the path's shape on a phone: Formazza with a 4-year-old and a pregnancy fits in 6 screens."""

from collections import Counter
from datetime import date

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import screenshot
from zerosei_app.domain.months import YearMonth

pytestmark = pytest.mark.e2e

TODAY = YearMonth.of(date.today())
FORMAZZA = "103031"  # ISTAT code (zerosei_app/data/comuni_piemonte.csv)
PATH = f"/percorso?comune={FORMAZZA}&nascita={TODAY.plus(-48)}&attesa={TODAY.plus(4)}"
MAX_HEIGHT = 5100  # 6 screens of 844 px, with the situational group collapsed


def test_formazza_fits_six_screens_once_each(app_url, phone):
    page = phone.new_page()
    page.goto(app_url + PATH)
    expect(page.locator(".entry-title").first).to_be_visible()
    height = page.evaluate("document.documentElement.scrollHeight")
    screenshot(page, "path-shape-formazza-390")
    print(f"\nFormazza (4 anni + gravidanza) at 390x844: page height {height} px")
    assert height <= MAX_HEIGHT, f"page is {height} px tall"

    titles = page.locator(".entry-title").all_inner_texts()
    twice = [t for t, n in Counter(titles).items() if n > 1]
    assert titles and not twice, f"shown twice: {twice}"

    # Each centre's contact buttons once: every tel:/mailto: link on the page is unique.
    hrefs = page.locator("main a[href^='tel:'], main a[href^='mailto:']").evaluate_all(
        "els => els.map(e => e.getAttribute('href'))"
    )
    repeated = [h for h, n in Counter(hrefs).items() if n > 1]
    assert not repeated, f"contact buttons repeated: {repeated}"
