"""The public-service frame and accessibility on a phone (390×844): axe-core (WCAG 2.1 A/AA) reports no
violation on any page a parent or staff member uses; 404 in the link's language; the accessibility
declaration from the footer; staff pages without sideways scrolling; "Confermata dal centro" in the editor."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest
from sqlmodel import Session, select

from tests.e2e.axe import AXE_JS, describe, run_axe
from tests.e2e.conftest import screenshot
from zerosei_app.auth.accounts import create_account
from zerosei_app.db import make_engine
from zerosei_app.domain import clock
from zerosei_app.models import CardEntry, StaffUser

pytestmark = pytest.mark.e2e

PASSWORD = "girasole azzurro 2026"
REGIONE = "axe.regione@e2e.example"
OPERATORE = "axe.operatore@e2e.example"
TORINO = "001272"
PARENT_PAGES = {
    "home": "/",
    "passo-1-comune": "/inizia/comune",
    "passo-2-figli": f"/inizia/figli?comune={TORINO}",
    "passo-3-temi": f"/inizia/temi?comune={TORINO}&nascita=2025-06",
    "percorso": f"/percorso?comune={TORINO}&nascita=2025-06&attesa=2027-03",
    "informazioni": "/informazioni",
    "accessibilita": "/accessibilita",
    "404": "/pagina-che-non-esiste",
    "404-en": "/pagina-che-non-esiste?lang=en",
}
# Filled with the first entry of centre 1 once the accounts exist.
STAFF_PAGES = {
    "staff-home": "/staff",
    "staff-voci": "/staff/voci?centro=1",
    "staff-voce": "/staff/voce?id={entry}",
    "staff-importa": "/staff/importa?centro=1",
    "staff-tappe": "/staff/tappe?id=buono_vesta",
    "staff-centro": "/staff/centro?id=1",  # with "Chiusure temporanee"
    "staff-utenti": "/staff/utenti",
    "staff-regione-centri": "/staff/regione/centri",  # the Regione's view
    "staff-regione-centri-ordine": "/staff/regione/centri?ordine=da_confermare",
    "staff-regione-enti": "/staff/regione/enti?solo=dedotti",
    "staff-recapiti": "/staff/recapiti",
}


@pytest.fixture(scope="module")
def staff_accounts(served_database_url):
    engine = make_engine(served_database_url)
    with Session(engine) as db:
        for email, role, centri in ((REGIONE, "regione", []), (OPERATORE, "operatore", [1])):
            if db.exec(select(StaffUser).where(StaffUser.email == email)).first() is None:
                create_account(
                    db,
                    email=email,
                    name="Axe " + role,
                    role=role,
                    centro_ids=centri,
                    actor_id=None,
                    now=clock.now(),
                    password=PASSWORD,
                )
        db.commit()
        entry = db.exec(select(CardEntry.id).where(CardEntry.centro_id == 1).order_by(CardEntry.id)).first()
    yield {"engine": engine, "entry": entry}
    engine.dispose()


def settle(page, ms: int = 400) -> None:
    """Wait until the page stops changing (the state has arrived and rendered)."""
    page.wait_for_function(
        """(ms) => new Promise(done => {
            let last = document.body.innerHTML.length, still = 0;
            const t = setInterval(() => {
                const now = document.body.innerHTML.length;
                still = (now === last) ? still + 100 : 0; last = now;
                if (still >= ms) { clearInterval(t); done(true); }
            }, 100);
        })""",
        arg=ms,
        timeout=30_000,
    )


def open_parent_page(page, url: str) -> None:
    page.goto(url)
    page.wait_for_selector('.app[data-ready="true"] main h1', timeout=30_000)
    settle(page)


def login(page, app_url: str, email: str) -> None:
    page.goto(f"{app_url}/staff/login")
    page.wait_for_selector("#login-email")
    page.fill("#login-email", email)
    page.fill("#login-password", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_selector("#da-fare", timeout=30_000)


def test_axe_core_is_installed_pinned():
    assert AXE_JS.exists(), "run `make install-test` (it installs axe-core into .tools)"


@pytest.mark.parametrize("name", list(PARENT_PAGES))
def test_parents_pages_have_no_axe_violations(app_url, phone, name):
    page = phone.new_page()
    open_parent_page(page, app_url + PARENT_PAGES[name])
    violations = run_axe(page)
    screenshot(page, f"axe-{name}")
    assert violations == [], describe(violations)


@pytest.mark.parametrize("name", list(STAFF_PAGES))
def test_staff_pages_have_no_axe_violations_and_fit_a_phone(app_url, phone, staff_accounts, name):
    page = phone.new_page()
    login(page, app_url, REGIONE)
    page.goto(app_url + STAFF_PAGES[name].format(entry=staff_accounts["entry"]))
    page.wait_for_selector("main h1", timeout=30_000)
    settle(page, 800)
    violations = run_axe(page)
    screenshot(page, f"axe-{name}")
    assert violations == [], describe(violations)
    # No sideways scrolling on a 390 px phone (the entry list was 738 px wide).
    assert page.evaluate("document.documentElement.scrollWidth") <= 390


def test_404_speaks_the_link_language_and_leads_home(app_url, phone):
    page = phone.new_page()
    response = page.goto(f"{app_url}/non-esiste/affatto")
    assert response.status == 404
    page.wait_for_selector('.app[data-ready="true"] main h1', timeout=30_000)
    assert page.locator("main h1").inner_text() == "Pagina non trovata"
    assert page.locator("main a", has_text="Torna alla pagina iniziale").get_attribute("href") == "/"
    assert "Pagina non trovata" in page.title()

    page.goto(f"{app_url}/non-esiste?lang=en")
    page.wait_for_function("document.querySelector('main h1')?.innerText === 'Page not found'", timeout=30_000)
    # The text follows the state's language at its next render; <html lang> follows by the script
    # that comes with the same update, which may run a moment later on a busy machine.
    page.wait_for_function("document.documentElement.lang === 'en'", timeout=10_000)
    home = page.locator("main a", has_text="Back to the home page")
    assert home.get_attribute("href") == "/?lang=en"
    screenshot(page, "frame-404-en")
    home.click()
    page.wait_for_url(f"{app_url}/?lang=en", timeout=30_000)


def test_404_follows_the_language_of_the_page_before(app_url, phone):
    page = phone.new_page()
    page.goto(f"{app_url}/non-esiste", referer=f"{app_url}/informazioni?lang=en")
    page.wait_for_function("document.querySelector('main h1')?.innerText === 'Page not found'", timeout=30_000)
    # Inside the app: a broken link followed from an English page.
    page = phone.new_page()
    open_parent_page(page, f"{app_url}/informazioni?lang=en")
    page.evaluate("window.history.pushState({}, '', '/sparita'); window.dispatchEvent(new PopStateEvent('popstate'))")
    page.wait_for_function("document.querySelector('main h1')?.innerText === 'Page not found'", timeout=30_000)


def test_accessibility_declaration_from_the_footer_loads_nothing_from_elsewhere(app_url, phone):
    page = phone.new_page()
    open_parent_page(page, app_url + "/")
    foot = page.locator("footer")
    assert "Regione Piemonte" in foot.inner_text() and "Titolare del trattamento" in foot.inner_text()
    assert foot.get_by_role("link", name="Dati aperti (API)").count() == 0  # moved to /informazioni
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    foot.get_by_role("link", name="Dichiarazione di accessibilità").click()
    page.wait_for_selector("#stato-conformita", timeout=30_000)
    settle(page)
    body = page.locator("main").inner_text()
    assert "parzialmente conforme" in body and "Difensore civico per il digitale" in body
    mail = page.locator("main a[href^='mailto:']")
    assert mail.get_attribute("href").startswith("mailto:dpo@regione.piemonte.it?subject=")
    assert page.locator("main a", has_text="https://form.agid.gov.it/").count() == 1
    here = urlsplit(app_url).netloc
    assert [u for u in requests if urlsplit(u).netloc not in (here, "")] == []
    screenshot(page, "frame-accessibilita")


def test_informazioni_names_the_controller_and_keeps_the_open_data(app_url, phone):
    page = phone.new_page()
    open_parent_page(page, app_url + "/informazioni")
    privacy = page.locator("section", has=page.locator("#privacy"))
    assert "Titolare del trattamento dei dati: Regione Piemonte" in privacy.inner_text()
    assert privacy.locator("a[href='mailto:dpo@regione.piemonte.it']").count() == 1
    assert page.locator("#dati-aperti").count() == 1 and page.locator("a[href='/api/v1/centri']").count() == 1
    screenshot(page, "frame-informazioni")


def test_confermata_dal_centro_in_the_editor_on_a_phone(app_url, phone, staff_accounts):
    engine = staff_accounts["engine"]
    with Session(engine) as db:
        # An example as an earlier release seeded it (the seed writes none now: issue 16).
        entry = db.exec(select(CardEntry).where(CardEntry.centro_id == 1).order_by(CardEntry.id.desc())).first()
        entry.is_example, entry.last_reviewed_on = True, None
        db.add(entry)
        db.commit()
        entry_id = entry.id
    page = phone.new_page()
    login(page, app_url, OPERATORE)
    screenshot(page, "staff-todo-home")
    assert page.locator("#da-fare").is_visible()
    page.goto(f"{app_url}/staff/voce?id={entry_id}")
    page.wait_for_selector("#f-confermata", timeout=30_000)
    settle(page, 800)
    page.check("#f-confermata")
    page.click("#save-btn")
    page.get_by_text("tolta l'etichetta «Esempio»").first.wait_for(timeout=30_000)
    screenshot(page, "staff-confermata")
    with Session(engine) as db:
        saved = db.get(CardEntry, entry_id)
        assert saved.is_example is False and saved.last_reviewed_on == clock.today()


def test_a_refused_file_is_said_in_italian(app_url, phone, staff_accounts):
    page = phone.new_page()
    login(page, app_url, OPERATORE)
    page.goto(f"{app_url}/staff/importa?centro=1")
    page.wait_for_selector("input[type=file][aria-label='File CSV da importare']", state="attached", timeout=30_000)
    settle(page, 800)
    page.set_input_files(
        "input[type=file]", files=[{"name": "carta.pdf", "mimeType": "application/pdf", "buffer": b"%PDF-1.4"}]
    )
    page.get_by_text("File non accettato: scegli un solo file CSV").wait_for(timeout=30_000)
