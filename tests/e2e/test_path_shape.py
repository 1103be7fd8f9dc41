"""Issue 8, the path's shape on a phone: Formazza with a 4-year-old and a pregnancy fits in 6 screens."""

from collections import Counter

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import ARTIFACTS, screenshot
from zerosei_app.domain import clock
from zerosei_app.domain.months import YearMonth

pytestmark = pytest.mark.e2e

TODAY = YearMonth.of(clock.today())
FORMAZZA = "103031"  # ISTAT code (zerosei_app/data/comuni_piemonte.csv)
PATH = f"/percorso?comune={FORMAZZA}&nascita={TODAY.plus(-48)}&attesa={TODAY.plus(4)}"
MAX_HEIGHT = 5100  # 6 screens of 844 px, with the situational group collapsed


def test_formazza_fits_six_screens_once_each(app_url, phone):
    page = phone.new_page()
    page.goto(app_url + PATH)
    expect(page.locator(".entry-title").first).to_be_visible()
    height = page.evaluate("document.documentElement.scrollHeight")
    screenshot(page, "path-shape-formazza-390")
    for n in range(0, height, 844):  # screen by screen, to look at
        page.screenshot(
            path=str(ARTIFACTS / f"path-shape-formazza-390-{n // 844 + 1}.png"),
            full_page=True,
            clip={"x": 0, "y": n, "width": 390, "height": min(844, height - n)},
        )
    print(f"\nFormazza (4 anni + gravidanza) at 390x844: page height {height} px")
    assert height <= MAX_HEIGHT, f"page is {height} px tall"

    titles = [t.strip() for t in page.locator(".entry-title").all_text_contents()]  # collapsed ones too
    twice = [t for t, n in Counter(titles).items() if n > 1]
    assert titles and not twice, f"shown twice: {twice}"

    # Each centre's contact buttons once: every tel:/mailto: link on the page is unique.
    hrefs = page.locator("main a[href^='tel:'], main a[href^='mailto:']").evaluate_all(
        "els => els.map(e => e.getAttribute('href'))"
    )
    repeated = [h for h, n in Counter(hrefs).items() if n > 1]
    assert not repeated, f"contact buttons repeated: {repeated}"


def test_the_first_card_for_a_14_month_old_fits_the_age(app_url, phone):
    page = phone.new_page()
    page.goto(f"{app_url}/percorso?comune=001272&nascita={TODAY.plus(-14)}")  # Torino
    first = page.locator("#adesso ~ .entry-list .entry-title").first
    expect(first).to_be_visible()
    assert first.inner_text() != "Consulenza legale su separazione e divorzio"
    situational = page.locator("details#se-ti-serve")
    expect(situational).not_to_have_attribute("open", "")
    assert "Consulenza legale su separazione e divorzio" in situational.locator(".entry-title").all_text_contents()


def test_keyboard_only_jump_bar_situational_group_and_details(app_url, phone):
    page = phone.new_page()
    page.goto(app_url + PATH)
    jump = page.locator("nav#salta")
    expect(jump.get_by_role("link")).to_have_count(3)  # Adesso, Nei prossimi mesi, the centre's contacts
    jump.get_by_role("link", name="Nei prossimi mesi").focus()
    page.keyboard.press("Enter")
    page.wait_for_url("**#prossimi")
    toggle = page.locator("#se-ti-serve > summary")
    toggle.focus()
    page.keyboard.press("Enter")
    expect(page.locator("details#se-ti-serve")).to_have_attribute("open", "")
    more = page.locator("article.entry details.more > summary").first
    more.focus()
    page.keyboard.press("Space")
    card = page.locator("article.entry").first
    expect(card.get_by_role("button", name="Segnala un errore")).to_be_visible()
    expect(card.locator(".facts")).to_be_visible()
    # "Contatti:" moves to the centre card.
    link = card.locator(".contact-at a")
    link.focus()
    page.keyboard.press("Enter")
    page.wait_for_url("**#centro-*-nome")
    screenshot(page, "path-shape-keyboard")


def test_print_and_the_static_copy_have_the_same_shape(app_url, browser):
    ctx = browser.new_context(viewport={"width": 794, "height": 1123}, locale="it-IT")  # A4 at 96 dpi
    try:
        page = ctx.new_page()
        page.goto(app_url + PATH)
        expect(page.locator(".entry-title").first).to_be_visible()
        page.emulate_media(media="print")
        expect(page.locator("nav#salta")).to_be_hidden()
        expect(page.locator("#adesso")).to_be_visible()
        expect(page.locator("#se-ti-serve .situational-title")).to_be_visible()
        screenshot(page, "path-shape-print")
        assert page.pdf(format="A4")[:4] == b"%PDF"
    finally:
        ctx.close()
    ctx = browser.new_context(viewport={"width": 390, "height": 844}, java_script_enabled=False, locale="it-IT")
    try:
        page = ctx.new_page()
        page.goto(app_url + PATH)
        preview = page.locator("#zs-preview")
        titles = [t.strip() for t in preview.locator(".pv-entry-title").all_text_contents()]
        twice = [t for t, n in Counter(titles).items() if n > 1]
        assert titles and not twice, twice
        expect(preview.locator("details.pv-situational")).not_to_have_attribute("open", "")
        hrefs = preview.locator("a[href^='tel:'], a[href^='mailto:']").evaluate_all(
            "els => els.map(e => e.getAttribute('href'))"
        )
        assert len(hrefs) == len(set(hrefs))
        screenshot(page, "path-shape-before-the-app")
    finally:
        ctx.close()
