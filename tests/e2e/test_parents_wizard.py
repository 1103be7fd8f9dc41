"""A parent on a phone (390×844): from "where do I live" to a path, the link reopened elsewhere, Back through the steps."""

import pytest
from playwright.sync_api import Page, expect

from tests.e2e.conftest import screenshot
from zerosei_app.domain import clock
from zerosei_app.domain.months import YearMonth

pytestmark = pytest.mark.e2e

BORN = YearMonth.of(clock.today()).plus(-18)  # 1 year and 6 months today
DUE = YearMonth.of(clock.today()).plus(4)
MONTHS_IT = [
    "gennaio",
    "febbraio",
    "marzo",
    "aprile",
    "maggio",
    "giugno",
    "luglio",
    "agosto",
    "settembre",
    "ottobre",
    "novembre",
    "dicembre",
]


def settled(page: Page) -> None:
    """Let the combobox's input send its whole text (120 ms after the last key). On a busy machine a pause
    mid-typing sends a partial text first, whose list can already show the option: a key or a tap then
    races the whole text's search, which starts a fresh list (no active option, nothing picked)."""
    page.wait_for_timeout(400)


def path_summary(page: Page) -> dict:
    """What a parent reads on the path page, to compare two openings of the same link."""
    page.locator(".path-head h1").wait_for()
    return {
        "h1": page.locator(".path-head h1").inner_text(),
        "ages": page.locator(".ages li").all_inner_texts(),
        "centri": page.locator(".centri .card-title").all_inner_texts(),
        "entries": page.locator(".entry-title").all_inner_texts(),
        "counts": page.locator(".counts").inner_text(),
    }


def test_wizard_to_path_then_the_link_elsewhere_and_back(app_url, browser, phone):
    page = phone.new_page()
    page.goto(app_url)
    screenshot(page, "parents-01-home")
    page.get_by_role("link", name="Inizia").click()

    # Step 1: the combobox over the domain search.
    page.wait_for_url("**/inizia/comune**")
    expect(page.get_by_text("Passo 1 di 3")).to_be_visible()
    combo = page.get_by_role("combobox", name="Comune o CAP")
    combo.click()
    combo.press_sequentially("sant amb", delay=40)
    option = page.get_by_role("option", name="Sant'Ambrogio di Torino")
    expect(option).to_be_visible()
    settled(page)
    expect(combo).to_have_attribute("aria-expanded", "true")
    expect(page.locator("#comune-stato")).to_contain_text("comuni trovati")
    screenshot(page, "parents-02-comune-results")
    option.click()
    expect(combo).to_have_value("Sant'Ambrogio di Torino")
    expect(page.get_by_text("Hai scelto:")).to_be_visible()
    page.get_by_role("button", name="Continua").click()

    # Step 2: birth month, then a second child who is expected.
    page.wait_for_url("**/inizia/figli?comune=001255")
    expect(page.get_by_text("Passo 2 di 3")).to_be_visible()
    page.locator("#figlio-0-mese").select_option(f"{BORN.month:02d}")
    page.locator("#figlio-0-anno").select_option(str(BORN.year))
    page.get_by_role("button", name="Aggiungi un altro figlio").click()
    expect(page.get_by_role("group", name="Figlio o figlia 2")).to_be_visible()
    page.get_by_text("Aspetto un bambino").nth(1).click()
    expect(page.locator("#figlio-1-anno option", has_text=str(DUE.year)).first).to_be_attached()
    page.locator("#figlio-1-mese").select_option(f"{DUE.month:02d}")
    page.locator("#figlio-1-anno").select_option(str(DUE.year))
    screenshot(page, "parents-03-figli")
    page.get_by_role("button", name="Continua").click()

    # Step 3: a topic (optional).
    page.wait_for_url("**/inizia/temi**")
    expect(page.get_by_text("Passo 3 di 3")).to_be_visible()
    page.get_by_text("Gioco e socialità").click()
    expect(page.get_by_role("checkbox", name="Gioco e socialità")).to_be_checked()
    page.wait_for_function("location.search.includes('temi=gioco-socialita')")  # replaced in place
    screenshot(page, "parents-04-temi")
    page.get_by_role("button", name="Mostra il percorso").click()

    # The path.
    page.wait_for_url("**/percorso?**")
    assert f"nascita={BORN}" in page.url and f"attesa={DUE}" in page.url and "temi=gioco-socialita" in page.url
    first = path_summary(page)
    assert first["h1"] == "Il tuo percorso a Sant'Ambrogio di Torino"
    assert first["ages"] == [
        "1 anno e 6 mesi",
        f"in attesa, nascita prevista per {MONTHS_IT[DUE.month - 1]} {DUE.year}",
    ]
    assert first["entries"], "the path lists services"
    expect(page.get_by_role("heading", name="Per chi ha 1 anno e 6 mesi")).to_be_visible()
    # One trust label; the test Cartas are confirmed by their centres (tests/confirmed_cartas.py).
    expect(page.locator(".verified").first).to_contain_text("Verificato dal centro il")
    expect(page).to_have_title("Percorso ZeroSei a Sant'Ambrogio di Torino")
    screenshot(page, "parents-05-percorso")
    link = page.url

    # The same link in a brand-new browser context shows the same path.
    other = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True, locale="it-IT")
    try:
        fresh = other.new_page()
        fresh.goto(link)
        assert path_summary(fresh) == first
        screenshot(fresh, "parents-06-percorso-new-context")
        assert other.cookies() == []  # no cookies for parents
    finally:
        other.close()

    # Back (the phone's back button) walks the steps, each rebuilt from its URL with its answers.
    page.go_back()
    page.wait_for_url("**/inizia/temi**")
    expect(page.get_by_role("checkbox", name="Gioco e socialità")).to_be_checked()
    page.go_back()
    page.wait_for_url(f"**/inizia/figli?comune=001255&nascita={BORN}&attesa={DUE}**")
    expect(page.get_by_role("heading", name="Il tuo bambino o la tua bambina")).to_be_visible()
    expect(page.locator("#figlio-0-mese")).to_have_value(f"{BORN.month:02d}")
    expect(page.locator("#figlio-0-anno")).to_have_value(str(BORN.year))
    expect(page.locator("#figlio-1-anno")).to_have_value(str(DUE.year))
    page.go_back()
    page.wait_for_url("**/inizia/comune?comune=001255**")
    expect(page.get_by_role("heading", name="Dove vivi?")).to_be_visible()
    expect(page.get_by_role("combobox", name="Comune o CAP")).to_have_value("Sant'Ambrogio di Torino")
    page.go_forward()
    page.wait_for_url("**/inizia/figli?comune=001255**")
    expect(page.locator("p.context").get_by_text("Sant'Ambrogio di Torino (TO)")).to_be_visible()  # step 2's own line
    assert phone.cookies() == []


def test_every_step_can_be_reloaded(app_url, phone):
    page = phone.new_page()
    q = f"comune=001255&nascita={BORN}&temi=sonno-pianto"
    page.goto(f"{app_url}/inizia/comune?{q}")
    expect(page.get_by_role("combobox")).to_have_value("Sant'Ambrogio di Torino")
    page.goto(f"{app_url}/inizia/figli?{q}")
    expect(page.locator("#figlio-0-mese")).to_have_value(f"{BORN.month:02d}")
    expect(page.locator("#figlio-0-anno")).to_have_value(str(BORN.year))
    page.reload()
    expect(page.locator("#figlio-0-anno")).to_have_value(str(BORN.year))
    page.goto(f"{app_url}/inizia/temi?{q}")
    expect(page.get_by_role("checkbox", name="Sonno e pianto")).to_be_checked()


def test_inline_validation_on_the_children_step(app_url, phone):
    page = phone.new_page()
    page.goto(f"{app_url}/inizia/figli?comune=001255")
    page.get_by_role("button", name="Continua").click()
    expect(page.locator(".field-error")).to_contain_text("almeno un bambino")
    future = YearMonth.of(clock.today()).plus(2)
    if future.year == clock.today().year:  # a future birth month is refused at once
        page.locator("#figlio-0-mese").select_option(f"{future.month:02d}")
        page.locator("#figlio-0-anno").select_option(str(future.year))
        expect(page.locator(".field-error")).to_contain_text("nel futuro")
    if clock.today().month > 1:  # January six years ago is past 72 months: refused with its reason
        page.locator("#figlio-0-mese").select_option("01")
        page.locator("#figlio-0-anno").select_option(str(clock.today().year - 6))
        expect(page.locator(".field-error")).to_contain_text("6 anni")
    screenshot(page, "parents-07-figli-errors")


def test_keyboard_only(app_url, browser):
    """No mouse, no touch: Tab, typing, arrows and Enter get a parent to the path."""
    ctx = browser.new_context(viewport={"width": 390, "height": 844}, locale="it-IT")
    try:
        page = ctx.new_page()
        page.goto(app_url)
        page.get_by_role("link", name="Inizia").wait_for()
        kb = page.keyboard
        kb.press("Tab")  # the skip link comes first
        assert page.evaluate("document.activeElement.textContent") == "Vai al contenuto"
        focus_by_tab(page, "Inizia")
        kb.press("Enter")
        page.wait_for_url("**/inizia/comune**")
        focus_by_tab(page, "comune-input", by="id")
        kb.type("chivaso", delay=40)  # a typo: the domain search still finds it
        expect(page.get_by_role("option", name="Chivasso")).to_be_visible()
        settled(page)
        kb.press("ArrowDown")
        expect(page.get_by_role("combobox")).to_have_attribute("aria-activedescendant", "comune-opzione-0")
        kb.press("Enter")
        expect(page.get_by_role("combobox")).to_have_value("Chivasso")
        kb.press("Enter")  # with the list closed, Enter continues
        page.wait_for_url("**/inizia/figli?comune=001082")
        focus_by_tab(page, "figlio-0-mese", by="id")
        kb.type(MONTHS_IT[BORN.month - 1], delay=30)  # a closed native select picks by typing its label
        expect(page.locator("#figlio-0-mese")).to_have_value(f"{BORN.month:02d}")
        focus_by_tab(page, "figlio-0-anno", by="id")
        kb.type(str(BORN.year), delay=30)
        expect(page.locator("#figlio-0-anno")).to_have_value(str(BORN.year))
        focus_by_tab(page, "Continua")
        kb.press("Enter")
        page.wait_for_url("**/inizia/temi**")
        focus_by_tab(page, "temi-lettura-linguaggio", by="id")
        kb.press("Space")
        expect(page.get_by_role("checkbox", name="Lettura e linguaggio")).to_be_checked()
        focus_by_tab(page, "Mostra il percorso")
        kb.press("Enter")
        page.wait_for_url("**/percorso?**")
        expect(page.get_by_role("heading", level=1)).to_have_text("Il tuo percorso a Chivasso")
        screenshot(page, "parents-08-keyboard-percorso")
    finally:
        ctx.close()


def focus_by_tab(page: Page, target: str, by: str = "text", limit: int = 60) -> None:
    """Press Tab until the focused element is `target` (its text, or its id): what a keyboard user does."""
    for _ in range(limit):
        found = page.evaluate(
            "([t, by]) => { const e = document.activeElement; if (!e) return false;"
            " return by === 'id' ? e.id === t : (e.innerText || e.value || '').trim() === t; }",
            [target, by],
        )
        if found:
            return
        page.keyboard.press("Tab")
    raise AssertionError(f"Tab never reached {target!r}")


def pick_chivasso(page, app_url):
    """Step 1 by touch: type, tap the option."""
    page.goto(f"{app_url}/inizia/comune")
    combo = page.get_by_role("combobox", name="Comune o CAP")
    combo.tap()
    combo.press_sequentially("chivasso", delay=30)
    expect(page.get_by_role("option", name="Chivasso")).to_be_visible()
    settled(page)
    page.get_by_role("option", name="Chivasso").tap()


def test_switching_language_mid_step_keeps_the_answers(app_url, phone):
    page = phone.new_page()
    pick_chivasso(page, app_url)
    page.wait_for_function("location.search.includes('comune=001082')")  # in this step's URL at once
    nav = page.get_by_role("navigation", name="Lingua")
    nav.locator("summary").click()  # the language menu
    nav.get_by_role("link", name="English").click()
    page.wait_for_url("**lang=en**")
    expect(page.get_by_role("combobox", name="Town (comune) or postcode")).to_have_value("Chivasso")

    page.goto(f"{app_url}/inizia/figli?comune=001082")
    page.locator("#figlio-0-mese").select_option(f"{BORN.month:02d}")
    page.locator("#figlio-0-anno").select_option(str(BORN.year))
    page.wait_for_function(f"location.search.includes('nascita={BORN}')")
    nav = page.get_by_role("navigation", name="Lingua")
    nav.locator("summary").click()  # the language menu
    nav.get_by_role("link", name="English").click()
    page.wait_for_url("**lang=en**")
    expect(page.get_by_role("heading", name="Your child")).to_be_visible()
    expect(page.locator("#figlio-0-mese")).to_have_value(f"{BORN.month:02d}")
    expect(page.locator("#figlio-0-anno")).to_have_value(str(BORN.year))


def test_back_then_continua_keeps_the_later_answers(app_url, phone):
    page = phone.new_page()
    pick_chivasso(page, app_url)
    page.get_by_role("button", name="Continua").tap()
    page.wait_for_url("**/inizia/figli?comune=001082**")
    page.locator("#figlio-0-mese").select_option(f"{BORN.month:02d}")
    page.locator("#figlio-0-anno").select_option(str(BORN.year))
    page.wait_for_function(f"location.search.includes('nascita={BORN}')")
    page.go_back()  # the phone's Back, to fix the comune
    page.wait_for_url("**/inizia/comune?comune=001082**")
    page.get_by_role("button", name="Continua").tap()
    page.wait_for_url(f"**/inizia/figli?comune=001082&nascita={BORN}**")
    expect(page.locator("#figlio-0-anno")).to_have_value(str(BORN.year))
