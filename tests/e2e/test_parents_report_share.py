"""'Segnala un errore' stores a report for staff; sharing copies the link; the path prints cleanly."""

import pytest
from playwright.sync_api import expect
from sqlalchemy import create_engine, text

from tests.e2e.conftest import screenshot
from zerosei_app.domain import clock
from zerosei_app.domain.months import YearMonth

pytestmark = pytest.mark.e2e

BORN = YearMonth.of(clock.today()).plus(-18)
PATH = f"/percorso?comune=001255&nascita={BORN}"


def test_report_an_error_on_an_entry(app_url, phone, served_database_url):
    page = phone.new_page()
    page.goto(app_url + PATH)
    entry = page.locator("article.entry").first
    title = entry.locator(".entry-title").inner_text()
    entry.locator("details.more > summary").click()  # "Segnala un errore" is behind "Leggi di più"
    entry.get_by_role("button", name="Segnala un errore").click()
    form = entry.locator("form.report-form")
    expect(form).to_be_visible()
    expect(form.get_by_role("radio").first).to_be_focused()  # focus moves into the form
    form.get_by_text("Contatti o orari sbagliati").click()
    form.get_by_label("Dettagli").fill("Il numero di telefono non risponde più")
    screenshot(page, "parents-13-report-form")
    form.get_by_role("button", name="Invia la segnalazione").click()
    done = entry.locator(".report-done")
    expect(done).to_contain_text("Grazie")
    expect(done).to_be_focused()
    screenshot(page, "parents-14-report-thanks")

    engine = create_engine(served_database_url)
    with engine.connect() as conn:
        rows = conn.execute(
            text(
                "SELECT r.status, r.kind, r.text, r.client_hash, e.title FROM error_report r "
                "JOIN card_entry e ON e.id = r.entry_id WHERE r.text = :t"
            ),
            {"t": "Il numero di telefono non risponde più"},
        ).all()
    engine.dispose()
    assert len(rows) == 1
    status, kind, _, client_hash, entry_title = rows[0]
    assert (status, kind, entry_title) == ("nuova", "contatti_orari", title)
    assert len(client_hash) == 64 and "127.0.0.1" not in client_hash


def test_report_on_a_centre_card_needs_words_for_other(app_url, phone):
    page = phone.new_page()
    page.goto(app_url + PATH + "&lang=en")
    card = page.locator(".centri article.card").first
    card.get_by_role("button", name="Report a mistake").click()
    card.get_by_text("Something else", exact=True).click()
    card.get_by_role("button", name="Send the report").click()
    expect(card.locator(".field-error")).to_have_text("Please say in a few words what is wrong.")
    card.get_by_role("button", name="Cancel").click()
    expect(card.get_by_role("button", name="Report a mistake")).to_be_focused()


def test_share_copies_the_link_and_confirms(app_url, browser):
    ctx = browser.new_context(
        viewport={"width": 1280, "height": 900}, locale="it-IT", permissions=["clipboard-read", "clipboard-write"]
    )
    try:
        page = ctx.new_page()
        page.goto(app_url + PATH)
        page.locator(".action-bar").get_by_role("button", name="Condividi").click()
        expect(page.locator(".toast")).to_contain_text("Link copiato")
        copied = page.evaluate("navigator.clipboard.readText()")
        assert copied.endswith(PATH) and copied.startswith("http")
        expect(page.get_by_role("img", name="Codice QR con il link a questo percorso")).to_be_visible()
    finally:
        ctx.close()


def test_print_is_a_clean_card(app_url, browser):
    ctx = browser.new_context(viewport={"width": 794, "height": 1123}, locale="it-IT")  # A4 at 96 dpi
    try:
        page = ctx.new_page()
        page.goto(app_url + PATH)
        page.locator(".path-head h1").wait_for()
        page.emulate_media(media="print")
        expect(page.locator("header.top")).to_be_hidden()
        expect(page.locator(".action-bar")).to_be_hidden()
        # Both filters (topics, "Servizi nella mia lingua"): nothing of them on paper without a filter set.
        filters = page.locator(".filters")
        expect(filters).to_have_count(2)
        for f in filters.all():
            expect(f).to_be_hidden()
        expect(page.locator(".lingua-filter")).to_be_hidden()
        expect(page.locator(".print-link")).to_contain_text(PATH)
        expect(page.locator(".qr-img")).to_be_visible()
        screenshot(page, "parents-15-print")
        pdf = page.pdf(format="A4")
        assert pdf[:4] == b"%PDF"
    finally:
        ctx.close()


def test_edit_goes_back_to_the_wizard_prefilled(app_url, phone):
    page = phone.new_page()
    page.goto(app_url + PATH + "&temi=sonno-pianto")
    page.locator(".action-bar").get_by_role("link", name="Modifica").click()
    page.wait_for_url(f"**/inizia/comune?comune=001255&nascita={BORN}&temi=sonno-pianto")
    expect(page.get_by_role("combobox")).to_have_value("Sant'Ambrogio di Torino")
    page.get_by_role("button", name="Continua").click()
    expect(page.locator("#figlio-0-anno")).to_have_value(str(BORN.year))
