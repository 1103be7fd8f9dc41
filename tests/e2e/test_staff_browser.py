"""Staff in a real browser (desktop): log in, create and publish an entry and find it on the parents' path,
two people editing the same entry, the keyboard alone, and a throttled login (on an account of its own)."""

from __future__ import annotations

import re
import uuid
from urllib.parse import quote

import httpx
import pytest
from sqlmodel import Session, select

from tests.e2e.conftest import screenshot
from zerosei_app.auth.accounts import create_account
from zerosei_app.db import make_engine
from zerosei_app.domain import clock
from zerosei_app.models import CardEntry, LoginAttempt, StaffSession, StaffUser

pytestmark = pytest.mark.e2e

PASSWORD = "girasole azzurro 2026"
TORINO = "001272"  # the comune of centre 1
ACCOUNTS = {
    "carla@e2e.example": ("Carla Operatrice", "operatore", [1]),
    "rita@e2e.example": ("Rita Regione", "regione", []),
    "tina@e2e.example": ("Tina Bloccata", "operatore", [1]),  # only test_throttled_login uses it
}
THROTTLED = "tina@e2e.example"


@pytest.fixture(scope="module")
def accounts(served_database_url):
    engine = make_engine(served_database_url)
    with Session(engine) as db:
        for email, (name, role, centri) in ACCOUNTS.items():
            if db.exec(select(StaffUser).where(StaffUser.email == email)).first() is None:
                create_account(
                    db,
                    email=email,
                    name=name,
                    role=role,
                    centro_ids=centri,
                    actor_id=None,
                    now=clock.now(),
                    password=PASSWORD,
                )
        db.commit()
    yield engine
    engine.dispose()


def login(page, app_url, email, password=PASSWORD, then: str = ""):
    page.goto(f"{app_url}/staff/login" + (f"?dopo={quote(then, safe='')}" if then else ""))
    page.wait_for_selector("#login-email")
    page.fill("#login-email", email)
    page.fill("#login-password", password)
    page.click("button[type=submit]")


def wait_hydrated(page, text: str):
    page.get_by_text(text, exact=False).first.wait_for(timeout=30_000)


def birth_month_for_age(months: int) -> str:
    today = clock.today()
    total = today.year * 12 + today.month - 1 - months
    return f"{total // 12:04d}-{total % 12 + 1:02d}"


def test_staff_pages_are_not_cached(app_url):
    r = httpx.get(f"{app_url}/staff/login/", timeout=10)
    assert r.headers["cache-control"] == "no-store" and r.headers["x-frame-options"] == "DENY"
    assert "no-store" not in httpx.get(app_url, timeout=10).headers.get("cache-control", "")


def test_anonymous_visitor_is_sent_to_the_login(app_url, desktop):
    page = desktop.new_page()
    page.goto(f"{app_url}/staff/voce?id=1")
    page.wait_for_url(re.compile(r".*/staff/login/?\?dopo=.*"), timeout=30_000)
    assert "Accesso per gli operatori" in page.inner_text("h1")


def test_login_create_publish_and_find_it_on_the_parents_path(app_url, desktop, accounts):
    page = desktop.new_page()
    login(page, app_url, "carla@e2e.example")
    wait_hydrated(page, "Il tuo centro")
    screenshot(page, "staff-01-home")

    page.get_by_role("link", name="Nuova voce").first.click()
    page.wait_for_selector("#f-title")
    wait_hydrated(page, "Nuova voce")
    title = f"Laboratorio di prova {uuid.uuid4().hex[:6]}"
    # A first try with mistakes: the inline messages say what to fix and nothing is saved.
    page.fill("#f-title", "")
    page.fill("#f-contact_email", "non-una-mail")
    page.click("#save-btn")
    page.wait_for_selector("#err-title")
    assert "E-mail" in page.inner_text("body") and page.locator("#err-contact_email").is_visible()
    # Focus goes to the list of what to fix, wherever the user clicked "save".
    page.wait_for_function("document.activeElement && document.activeElement.id === 'error-summary'")
    screenshot(page, "staff-02-new-entry-errors")

    page.fill("#f-title", title)
    page.fill("#f-summary", "Giochi e letture per bambini e genitori, il sabato mattina.")
    page.select_option("#f-category", "promozione-prevenzione-primaria")
    page.select_option("#f-age_min_months", "0")
    page.select_option("#f-age_max_months", "72")
    page.fill("#f-contact_email", "famiglie@comune.torino.it")
    page.check("#f-tema__gioco-socialita")
    page.click("#save-btn")
    page.wait_for_url(re.compile(r".*/staff/voce/?\?id=\d+.*"), timeout=30_000)
    wait_hydrated(page, "Voce creata come bozza")
    screenshot(page, "staff-03-created-draft")

    page.get_by_role("button", name="Pubblica").click()
    wait_hydrated(page, "Voce pubblicata")
    assert "Pubblicata" in page.inner_text("body")
    screenshot(page, "staff-04-published")

    # What the parents' path shows (the page, and the API it is built from).
    nascita = birth_month_for_age(14)
    api = httpx.get(f"{app_url}/api/v1/percorso", params={"comune": TORINO, "nascita": nascita}, timeout=20).json()
    titles = [v["titolo"] for f in api["figli"] for v in f["adesso"]]
    assert title in titles
    parent = desktop.new_page()
    parent.goto(f"{app_url}/percorso?comune={TORINO}&nascita={nascita}")
    card = parent.locator("article.entry", has_text=title)
    card.wait_for(timeout=30_000)
    card.scroll_into_view_if_needed()
    assert "Giochi e letture per bambini e genitori" in card.inner_text()
    screenshot(parent, "staff-05-parent-path")


def _open_same_entry(page, app_url, email, entry_id):
    login(page, app_url, email, then=f"/staff/voce?id={entry_id}")
    page.wait_for_url(re.compile(rf".*/staff/voce/?\?id={entry_id}"), timeout=30_000)
    page.wait_for_selector("#f-title")
    wait_hydrated(page, "Modifica:")


def test_two_people_edit_the_same_entry(app_url, browser, desktop, accounts):
    with Session(accounts) as db:
        entry_id = db.exec(select(CardEntry.id).where(CardEntry.centro_id == 1).order_by(CardEntry.id)).first()
    carla = desktop.new_page()
    other = browser.new_context(viewport={"width": 1280, "height": 900}, locale="it-IT")
    rita = other.new_page()
    try:
        _open_same_entry(carla, app_url, "carla@e2e.example", entry_id)
        _open_same_entry(rita, app_url, "rita@e2e.example", entry_id)

        carla.fill("#f-title", "Accoglienza (versione di Carla)")
        carla.click("#save-btn")
        carla.get_by_text("Modifiche salvate").wait_for(timeout=30_000)

        mine = "Testo che Rita ha scritto con cura e non vuole perdere."
        rita.fill("#f-summary", mine)
        rita.click("#save-btn")
        rita.get_by_text("Qualcun altro ha salvato questa voce").wait_for(timeout=30_000)
        body = rita.inner_text("body")
        assert "Carla Operatrice" in body and "Non salvato" in body
        assert rita.input_value("#f-summary") == mine  # her text is still in the form
        screenshot(rita, "staff-06-conflict")

        rita.get_by_role("button", name="Salva comunque le mie modifiche").click()
        rita.get_by_text("Salvate le tue modifiche").wait_for(timeout=30_000)
        with Session(accounts) as db:
            entry = db.get(CardEntry, entry_id)
            assert entry.summary == mine and entry.title == "Accoglienza (versione di Carla)"
        screenshot(rita, "staff-07-history")
    finally:
        other.close()


def test_the_editor_works_with_the_keyboard_alone(app_url, desktop, accounts):
    page = desktop.new_page()
    page.goto(f"{app_url}/staff/login")
    page.wait_for_selector("#login-email")
    page.keyboard.press("Tab")  # skip link first
    focused = page.evaluate("document.activeElement.textContent")
    page.locator("#login-email").focus()
    page.keyboard.type("carla@e2e.example")
    page.keyboard.press("Tab")
    page.keyboard.type(PASSWORD)
    page.keyboard.press("Enter")
    wait_hydrated(page, "Il tuo centro")
    assert focused is not None

    # Reach "Voci della Carta" by tabbing, open it with Enter.
    for _ in range(40):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.textContent") == "Voci della Carta":
            break
    else:
        pytest.fail("'Voci della Carta' is not reachable with Tab")
    page.keyboard.press("Enter")
    wait_hydrated(page, "Voci della Carta:")
    # Tab to the first entry link in the table and open it.
    for _ in range(60):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.closest('table') !== null"):
            break
    page.keyboard.press("Enter")
    page.wait_for_selector("#f-title")
    wait_hydrated(page, "Modifica:")
    for _ in range(30):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.id") == "f-title":
            break
    else:
        pytest.fail("the title field is not reachable with Tab")
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline != "none", "focus must be visible"
    page.keyboard.press("End")
    page.keyboard.type(" (tastiera)")
    page.keyboard.press("Enter")  # implicit submission saves
    page.get_by_text("Modifiche salvate").wait_for(timeout=30_000)
    screenshot(page, "staff-08-keyboard")


def test_csv_upload_dry_run_then_commit(app_url, desktop, accounts, tmp_path):
    """The real upload path (react-dropzone → /_upload → the guarded handler), Excel's dialect with a BOM."""
    header = "Titolo;In breve;Area;Età da (mesi);Età fino a (mesi);Dove\r\n"
    bad = tmp_path / "voci-con-errori.csv"
    bad.write_bytes(
        (
            "\ufeff" + header + "Corso CSV uno;x;Prevenzione;0;12;Sala\r\nCorso CSV due;;Astrologia;0;99;Sala\r\n"
        ).encode()
    )
    good = tmp_path / "voci.csv"
    good.write_bytes(
        (
            "\ufeff" + header + "Corso CSV uno;x;Prevenzione;0;12;Sala\r\nCorso CSV due;y;Prevenzione;0;24;Sala\r\n"
        ).encode()
    )
    page = desktop.new_page()
    console_errors = []
    page.on("console", lambda m: console_errors.append(m.text) if m.type == "error" else None)
    login(page, app_url, "carla@e2e.example", then="/staff/importa?centro=1")
    page.wait_for_url(re.compile(r".*/staff/importa.*"), timeout=30_000)
    wait_hydrated(page, "Importa voci da un file CSV")
    page.locator("input[type=file]").set_input_files(str(bad))
    page.get_by_text("Anteprima dell'importazione").wait_for(timeout=30_000)
    assert "1 da correggere" in page.inner_text("body")
    assert page.get_by_role("button", name="Conferma l'importazione").is_disabled()
    screenshot(page, "staff-10-import-errors")
    page.get_by_role("button", name="Annulla e scegli un altro file").click()
    page.locator("input[type=file]").set_input_files(str(good))
    page.get_by_text("2 da aggiungere").wait_for(timeout=30_000)
    page.get_by_role("button", name="Conferma l'importazione").click()
    page.get_by_text("Importazione completata").first.wait_for(timeout=30_000)
    assert page.evaluate(
        "[...document.querySelectorAll('input[type=file]')].every(i => i.value === '')"
    )  # ready for the same file again
    assert not [e for e in console_errors if "is not a function" in e], console_errors
    with Session(accounts) as db:
        rows = db.exec(select(CardEntry).where(CardEntry.title.in_(["Corso CSV uno", "Corso CSV due"]))).all()
        assert len(rows) == 2 and {r.status for r in rows} == {"draft"} and {r.centro_id for r in rows} == {1}


def test_a_paste_too_long_for_the_box_is_refused_saying_to_upload_the_file(app_url, desktop, accounts):
    """A paste travels in one websocket message, which the server bounds (ZEROSEI_WS_MAX_MESSAGE_BYTES):
    the box takes what fits, says how much, and a longer text gets a message, not a dead socket."""
    from zerosei_app.view.staff_import_common import paste_limit

    limit = paste_limit()
    page = desktop.new_page()
    login(page, app_url, "carla@e2e.example", then="/staff/importa?centro=1")
    page.wait_for_url(re.compile(r".*/staff/importa.*"), timeout=30_000)
    wait_hydrated(page, "Importa voci da un file CSV")
    page.get_by_text("Oppure incolla il testo del file").click()
    box = page.locator("#paste-csv")
    assert box.get_attribute("maxlength") == str(limit + 1)
    assert f"Fino a {limit:,} caratteri".replace(",", ".") in page.inner_text("body")
    row = "Corso incollato;x;Prevenzione;0;12;Sala\n"
    box.fill(("Titolo;In breve;Area;Età da (mesi);Età fino a (mesi);Dove\n" + row * limit)[: limit + 1])
    page.get_by_role("button", name="Controlla").click()
    page.get_by_text("Il testo incollato è troppo lungo").wait_for(timeout=30_000)
    box.fill("Titolo;In breve;Area;Età da (mesi);Età fino a (mesi);Dove\n" + row)
    page.get_by_role("button", name="Controlla").click()  # the same socket still answers
    page.get_by_text("1 da aggiungere").wait_for(timeout=30_000)


def test_session_ends_while_editing_and_nothing_is_lost(app_url, desktop, accounts):
    """The session is revoked under an open editor: saving asks to log in again in place, the text stays, then it saves."""
    with Session(accounts) as db:
        entry_id = db.exec(select(CardEntry.id).where(CardEntry.centro_id == 1).order_by(CardEntry.id.desc())).first()
    page = desktop.new_page()
    _open_same_entry(page, app_url, "carla@e2e.example", entry_id)
    mine = f"Testo scritto prima che la sessione scadesse {uuid.uuid4().hex[:6]}."
    page.fill("#f-summary", mine)
    # The keystroke's own event (mark_dirty) must be done before the session ends, or it is the one
    # that meets the ended session and opens the dialog before "Salva" is pressed.
    page.get_by_text("Modifiche non salvate").wait_for(timeout=30_000)
    with Session(accounts) as db:
        user = db.exec(select(StaffUser).where(StaffUser.email == "carla@e2e.example")).one()
        for s in db.exec(select(StaffSession).where(StaffSession.user_id == user.id)).all():
            s.revoked_at = clock.now()
            db.add(s)
        db.commit()
    page.click("#save-btn")
    page.get_by_role("dialog", name="Accedi di nuovo").wait_for(timeout=30_000)
    assert page.evaluate("document.activeElement.id") == "relogin-password"
    assert page.input_value("#relogin-email") == "carla@e2e.example"  # prefilled
    # The page behind is inert: Tab never leaves the dialog for the page's links or fields.
    for _ in range(8):
        page.keyboard.press("Tab")
        outside = page.evaluate(
            "(() => { const a = document.activeElement; return a !== document.body && !a.closest('.st-relogin') ? (a.id || a.textContent) : ''; })()"
        )
        assert outside == "", f"focus escaped the dialog to {outside!r}"
    screenshot(page, "staff-09a-relogin")
    with Session(accounts) as db:
        assert db.get(CardEntry, entry_id).summary != mine  # nothing was saved while logged out
    page.fill("#relogin-email", "carla@e2e.example")
    page.fill("#relogin-password", PASSWORD)
    page.locator("#relogin-password").press("Enter")
    page.get_by_role("dialog", name="Accedi di nuovo").wait_for(state="detached", timeout=30_000)
    assert page.input_value("#f-summary") == mine  # still in the form
    page.click("#save-btn")
    page.get_by_text("Modifiche salvate").wait_for(timeout=30_000)
    with Session(accounts) as db:
        assert db.get(CardEntry, entry_id).summary == mine


def _attempts(engine, email) -> int:
    with Session(engine) as db:
        return len(db.exec(select(LoginAttempt).where(LoginAttempt.email == email)).all())


def test_throttled_login(app_url, desktop, accounts):
    """Order-free: an account of its own takes the 5 failures, which lock only that account from this address
    (the address itself locks at 10), so the other tests' logins from 127.0.0.1 are not affected."""
    email = THROTTLED
    page = desktop.new_page()
    page.goto(f"{app_url}/staff/login")
    page.wait_for_selector("#login-email")
    wait_hydrated(page, "Accesso per gli operatori")
    page.fill("#login-email", email)
    for i in range(5):
        before = _attempts(accounts, email)
        page.fill("#login-password", f"sbagliata {i}")
        page.click("button[type=submit]")
        for _ in range(100):  # each try is recorded before the answer is shown
            if _attempts(accounts, email) > before:
                break
            page.wait_for_timeout(100)
    page.get_by_text("Troppi tentativi").wait_for(timeout=30_000)
    assert "15 minuti" in page.inner_text("#login-error")
    # While locked, even the right password is refused. A fresh page has no message yet, so the
    # message appearing is the answer to this try (a redirect would have been the other answer).
    page = desktop.new_page()
    page.goto(f"{app_url}/staff/login")
    wait_hydrated(page, "Accesso per gli operatori")
    page.fill("#login-email", email)
    page.fill("#login-password", PASSWORD)
    page.click("button[type=submit]")
    page.locator("#login-error").get_by_text("Troppi tentativi").wait_for(timeout=30_000)
    assert "/staff/login" in page.url
    screenshot(page, "staff-09-throttled")
