"""The Carta in a real browser: directory, map, centre pages, print edition (page.pdf()), no other
origin contacted, axe-core clean, not-found in the page's language, old slugs redirect."""

from __future__ import annotations

import io
import re
from pathlib import Path
from urllib.parse import urlsplit

import httpx
import pytest
from sqlalchemy import create_engine, text

from tests.e2e.conftest import screenshot
from zerosei_app.domain.text import fold

pytestmark = pytest.mark.e2e

ROOT = Path(__file__).resolve().parents[2]
AXE_JS = ROOT / ".tools/node_modules/axe-core/axe.min.js"
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


def _centri(app_url) -> list[dict]:
    return httpx.get(f"{app_url}/api/v1/centri").json()


def _wait_ready(page, selector: str) -> None:
    page.wait_for_selector(selector, timeout=30000)
    page.wait_for_load_state("networkidle")


def _axe(page) -> list[dict]:
    if not AXE_JS.exists():
        pytest.skip("axe-core is not installed in .tools (npm install --prefix .tools axe-core)")
    page.add_script_tag(path=str(AXE_JS))
    result = page.evaluate(
        "async (tags) => await axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})",
        AXE_TAGS,
    )
    return [(v["id"], [n["html"][:160] for n in v["nodes"][:3]]) for v in result["violations"]]


def test_directory_lists_every_centre_and_draws_the_map(app_url, phone):
    centri = _centri(app_url)
    page = phone.new_page()
    page.goto(f"{app_url}/carta")
    _wait_ready(page, ".dir-centro")
    assert page.locator(".dir-centro").count() == len(centri)
    names = page.locator(".dir-name").all_inner_texts()
    assert sorted(names) == sorted(c["nome"] for c in centri)
    assert page.locator(".map-marker").count() == len(centri)
    hrefs = {page.locator(".map-marker").nth(i).get_attribute("href") for i in range(len(centri))}
    assert hrefs == {f"/carta/{c['slug']}" for c in centri}
    svg = httpx.get(f"{app_url}/carta/mappa.svg")
    assert svg.headers["content-type"].startswith("image/svg+xml")
    assert len(set(re.findall(r'data-istat="(\d{6})"', svg.text))) == 1180
    alt = page.locator(".map-img").get_attribute("alt")
    assert "1180" in alt.replace(".", "")
    page.locator(".map-img").scroll_into_view_if_needed()
    page.wait_for_function(
        "document.querySelector('.map-img').complete && document.querySelector('.map-img').naturalWidth > 0"
    )
    screenshot(page, "carta-directory-390")
    # Keyboard: a marker is a link like any other.
    first = page.locator(".map-marker").first
    target = first.get_attribute("href")
    first.focus()
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(re.escape(target) + "$"), timeout=30000)
    page.wait_for_selector(".carta-entry")


def test_find_a_centre_by_cap_with_the_keyboard(app_url, phone):
    page = phone.new_page()
    page.goto(f"{app_url}/carta")
    _wait_ready(page, ".dir-centro")
    field = page.locator("#carta-cerca")
    field.click()
    field.type("10024")
    page.wait_for_selector("#carta-cerca-elenco:not([hidden]) [role=option]")
    field.press("ArrowDown")
    field.press("Enter")
    page.wait_for_selector(".carta-found a")
    assert "Moncalieri" in page.inner_text("#carta-trovati")


def test_centre_page_shows_its_entries_by_area(app_url, phone):
    centro = next(c for c in _centri(app_url) if c["slug"] == "torino-centro-relazioni-e-famiglie")
    voci = httpx.get(f"{app_url}/api/v1/voci", params={"centro": centro["id"]}).json()
    page = phone.new_page()
    page.goto(f"{app_url}/carta/{centro['slug']}")
    _wait_ready(page, ".carta-entry")
    assert page.inner_text("h1") == centro["nome"]
    assert page.locator(".carta-entry").count() == len(voci)
    titles = page.locator(".carta-entry .entry-title").all_inner_texts()
    assert sorted(titles) == sorted(v["titolo"] for v in voci)
    assert page.locator(".area-title").count() >= 3
    assert page.locator("img.qr-img").get_attribute("src").startswith("data:image/svg+xml")
    screenshot(page, "carta-centro-390")


def test_unknown_slug_is_not_found_in_the_page_language(app_url, phone):
    page = phone.new_page()
    page.goto(f"{app_url}/carta/nessun-centro-cosi?lang=en")
    page.wait_for_selector("#carta-non-trovata")
    assert page.inner_text("h1") == "Centre not found"
    page.wait_for_function("document.documentElement.lang === 'en'", timeout=10000)
    page.goto(f"{app_url}/carta/nessun-centro-cosi")
    page.wait_for_selector("#carta-non-trovata")
    assert page.inner_text("h1") == "Centro non trovato"
    assert page.get_by_role("link", name="Vai alla pagina iniziale").count() == 1


def test_renamed_centre_old_slug_redirects(app_url, served_database_url, phone):
    engine = create_engine(served_database_url)
    with engine.begin() as conn:
        centro_id, slug = conn.execute(text("SELECT id, slug FROM centro WHERE codice_istat = '005005'")).one()
        conn.execute(
            text(
                "INSERT INTO centro_slug_history (slug, centro_id, created_at) VALUES ('asti-prima', :id, '2026-01-01')"
            ),
            {"id": centro_id},
        )
    engine.dispose()
    page = phone.new_page()
    page.goto(f"{app_url}/carta/asti-prima")
    page.wait_for_url(re.compile(rf"/carta/{re.escape(slug)}$"), timeout=30000)
    page.wait_for_selector(".carta-entry")


def test_no_page_under_carta_contacts_another_origin(app_url, phone):
    origin = urlsplit(app_url)
    seen: list[str] = []
    page = phone.new_page()
    page.on("request", lambda r: seen.append(r.url))
    slug = _centri(app_url)[0]["slug"]
    for path in ("/carta", f"/carta/{slug}", f"/carta/{slug}?lang=en", "/carta/stampa", "/carta/nessuno"):
        page.goto(f"{app_url}{path}")
        page.wait_for_load_state("networkidle")
    page.goto(f"{app_url}/carta")
    _wait_ready(page, ".map-marker")
    page.locator(".map-marker").first.click()
    _wait_ready(page, ".carta-entry")
    foreign = [
        u
        for u in seen
        if not u.startswith("data:") and (urlsplit(u).hostname, urlsplit(u).port) != (origin.hostname, origin.port)
    ]
    assert seen and foreign == []


def test_axe_finds_no_violations(app_url, phone):
    page = phone.new_page()
    page.goto(f"{app_url}/carta")
    _wait_ready(page, ".dir-centro")
    assert _axe(page) == []
    page.goto(f"{app_url}/carta/{_centri(app_url)[0]['slug']}")
    _wait_ready(page, ".carta-entry")
    assert _axe(page) == []
    page.goto(f"{app_url}/carta/nessuno?lang=en")
    _wait_ready(page, "#carta-non-trovata")
    assert _axe(page) == []
    page.goto(f"{app_url}/carta/stampa?provincia=AT")
    _wait_ready(page, ".print-section")
    assert _axe(page) == []


def test_print_edition_fits_two_a4_pages_per_centre(app_url, desktop):
    from pypdf import PdfReader

    centri = _centri(app_url)
    page = desktop.new_page()
    page.goto(f"{app_url}/carta/stampa")
    _wait_ready(page, ".print-section")
    assert page.locator(".print-section").count() == len(centri)
    pdf = page.pdf(format="A4", print_background=True)
    (ROOT / "test-artifacts").mkdir(exist_ok=True)
    (ROOT / "test-artifacts/carta-stampa.pdf").write_bytes(pdf)
    pages = [fold(p.extract_text() or "") for p in PdfReader(io.BytesIO(pdf)).pages]
    # Issue 16: one common part before the centres (what every centre does, the public steps 0-6), at most 2 pages.
    common = [i for i, p in enumerate(pages) if p.startswith(("cosa fa ogni centro", "tappe per la famiglia"))]
    assert common and len(common) <= 2 and "mediazione familiare" in pages[common[0]], common
    assert len(pages) <= 2 * len(centri) + 2, f"{len(pages)} pages for {len(centri)} centres"
    # Every centre's section begins at the top of a page (after the cover and contents).
    starts = [p[:200] for p in pages[1:]]
    for c in centri:
        head = " ".join(fold(c["nome"]).split()[:4])
        assert any(head in s[:120] for s in starts), (c["nome"], [s[:80] for s in starts])
    print(f"print edition: {len(pages)} A4 pages for {len(centri)} centres")


def test_the_path_centre_card_leads_to_the_centre_carta(app_url, phone):
    from zerosei_app.domain import clock
    from zerosei_app.domain.months import YearMonth

    month = YearMonth.of(clock.today()).plus(-10)
    page = phone.new_page()
    page.goto(f"{app_url}/percorso?comune=005005&nascita={month}&lang=en")
    page.wait_for_selector(".centro .carta-link a")
    page.locator(".centro .carta-link a").first.click()
    asti = next(c["slug"] for c in _centri(app_url) if c["comune"]["codice_istat"] == "005005")
    page.wait_for_url(re.compile(rf"/carta/{re.escape(asti)}\?lang=en$"), timeout=30000)
    page.wait_for_selector(".carta-entry")


def test_find_by_comune_says_when_a_centre_is_only_the_nearest(app_url, phone):
    page = phone.new_page()
    page.goto(f"{app_url}/carta")
    _wait_ready(page, ".dir-centro")
    field = page.locator("#carta-cerca")
    field.click()
    field.type("crissolo")
    page.wait_for_selector("#carta-cerca-elenco:not([hidden]) [role=option]")
    field.press("Enter")
    page.wait_for_selector(".carta-found .found-kicker")
    found = page.inner_text("#carta-trovati")
    assert "Per Crissolo (CN):" in found and "Il centro più vicino tra quelli registrati · a circa " in found
    assert "Centri che servono" not in found
    page.locator("#carta-trovati").scroll_into_view_if_needed()
    screenshot(page, "carta-cerca-crissolo-390")
    field.fill("")
    field.type("andezeno")
    page.wait_for_selector("#carta-cerca-elenco:not([hidden]) [role=option]")
    field.press("Enter")
    page.wait_for_function("document.querySelector('#carta-trovati').innerText.includes('Andezeno')")
    found = page.inner_text("#carta-trovati")
    assert "Chi gestisce i servizi sociali del tuo comune" in found and "011.942.44.34" in found
    screenshot(page, "carta-cerca-andezeno-390")
