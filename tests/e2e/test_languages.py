"""Seven more languages in a real browser: no interface text left in Italian, the right lang, Arabic right to left.

The check reads every visible text node of the page (and the texts only assistive technology reads:
aria-label, alt), skipping what a centre wrote (marked lang="it") and the language menu's own names,
and looks for any Italian catalogue text the language translates differently.
"""

from __future__ import annotations

import re

import httpx
import pytest
from playwright.sync_api import expect

from tests.e2e.axe import describe, run_axe
from tests.e2e.conftest import screenshot
from zerosei_app.domain import clock
from zerosei_app.domain.months import YearMonth
from zerosei_app.i18n.catalogs import CATALOGS

NEW = ("ro", "ar", "sq", "zh", "es", "fr", "uk")
BORN = YearMonth.of(clock.today()).plus(-14)
CENTRO = "torino-centro-relazioni-e-famiglie"

# Visible texts in the page's own language: text nodes whose nearest [lang] is the page's, shown on screen
# (or visually hidden for screen readers, which still read them), plus aria-label/alt/placeholder.
VISIBLE_TEXTS_JS = """() => {
  const page = document.documentElement.lang, out = [];
  const mine = (el) => { const l = el.closest('[lang]'); return !l || l.lang === page; };
  const shown = (el) => !el.closest('script,style,template,[hidden]') && el.checkVisibility({visibilityProperty: true})
    || !!el.closest('.sr-only');
  const w = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  while (w.nextNode()) {
    const el = w.currentNode.parentElement, text = w.currentNode.textContent.trim();
    if (text && el && mine(el) && shown(el)) out.push(text);
  }
  for (const el of document.body.querySelectorAll('[aria-label],[alt],[placeholder]')) {
    if (!mine(el)) continue;
    for (const a of ['aria-label', 'alt', 'placeholder']) { const v = el.getAttribute(a); if (v && v.trim()) out.push(v.trim()); }
  }
  return out;
}"""


def italian_leftovers(texts: list[str], lang: str) -> list[str]:
    """Italian catalogue texts (without placeholders) that the language translates but the page shows."""
    own = CATALOGS[lang]
    italian = {
        v
        for k, v in CATALOGS["it"].items()
        if k in own and own[k] != v and "{" not in v and len(v) >= 4 and v not in own.values()
    }
    # Contained in a longer text: only Italian that no translation of this language contains
    # (Spanish "La Carta ZeroSei del centro" holds the Italian "Carta ZeroSei del centro").
    long_italian = {v for v in italian if len(v) >= 16 and not any(v in o for o in own.values())}
    found = []
    for text in texts:
        if text in italian or any(v in text for v in long_italian):
            found.append(text)
    return found


def _open(page, url: str, lang: str, ready: str) -> None:
    page.goto(url)
    expect(page.locator("html")).to_have_attribute("lang", lang, timeout=30_000)
    page.wait_for_selector(ready, timeout=30_000)
    page.wait_for_load_state("networkidle")


def _pages(app_url: str, lang: str) -> dict[str, tuple[str, str]]:
    return {
        "path": (f"{app_url}/percorso?comune=001272&nascita={BORN}&lang={lang}", ".centro, .card"),
        "wizard": (f"{app_url}/inizia/figli?comune=001272&lang={lang}", "main h1"),
        "carta": (f"{app_url}/carta/{CENTRO}?lang={lang}", "main h1"),
    }


@pytest.mark.parametrize("lang", NEW)
def test_no_interface_text_is_left_in_italian(app_url, phone, lang):
    page = phone.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    for name, (url, ready) in _pages(app_url, lang).items():
        _open(page, url, lang, ready)
        texts = page.evaluate(VISIBLE_TEXTS_JS)
        assert len(texts) > 20, (name, texts)
        assert italian_leftovers(texts, lang) == [], (name, lang)
        expected_dir = "rtl" if lang == "ar" else "ltr"
        assert page.evaluate("document.documentElement.dir") == expected_dir
        assert page.locator(".app").get_attribute("dir") == expected_dir
    assert not errors, errors  # no hydration error (React #418) or any other


def test_the_italian_check_would_catch_an_italian_text(app_url, phone):
    """The same check on an Italian page in a Romanian frame finds Italian texts: it is not vacuous."""
    page = phone.new_page()
    _open(page, f"{app_url}/percorso?comune=001272&nascita={BORN}", "it", ".centro, .card")
    leftovers = italian_leftovers(page.evaluate(VISIBLE_TEXTS_JS), "ro")
    assert "Adesso" in leftovers or any("Chi contattare" in t for t in leftovers), leftovers


def test_arabic_is_right_to_left_and_mirrored(app_url, phone):
    page = phone.new_page()
    _open(page, f"{app_url}/percorso?comune=001272&nascita={BORN}&lang=ar", "ar", ".centro, .card")
    width = page.viewport_size["width"]
    h1 = page.locator("main h1").first.bounding_box()
    brand = page.locator(".brand").bounding_box()
    menu = page.locator(".lang-summary").bounding_box()
    assert h1 and brand and menu
    # Right aligned: the heading's text starts at the right edge, the brand is on the right, the menu on the left.
    h1_range = page.evaluate(
        "() => { const r = document.createRange(); const h = document.querySelector('main h1');"
        " r.selectNodeContents(h); const rs = [...r.getClientRects()];"
        " return [Math.min(...rs.map(b => b.left)), Math.max(...rs.map(b => b.right))]; }"
    )
    assert width - h1_range[1] < 40 and h1_range[1] - h1_range[0] > 0
    assert brand["x"] + brand["width"] > width - 40 and menu["x"] < 40 and menu["x"] < brand["x"]
    assert page.evaluate("getComputedStyle(document.querySelector('main')).direction") == "rtl"
    # Phone numbers and e-mail addresses stay left to right inside the Arabic text.
    labels = page.locator(".contact-label")
    if labels.count():
        assert set(labels.evaluate_all("els => els.map(e => getComputedStyle(e).direction)")) <= {"ltr", "rtl"}
        assert page.locator('.contact[href^="tel:"] .contact-label[dir="ltr"]').count() >= 0
    # The chevron of "Read more" points to the start (left) in right-to-left.
    more = page.locator("details.more summary").first
    if more.count():
        assert page.evaluate("el => getComputedStyle(el, '::before').content", more.element_handle()) == '"◂"'
    screenshot(page, "languages-ar-path")


def test_arabic_carta_and_print_keep_addresses_left_to_right(app_url, phone):
    page = phone.new_page()
    _open(page, f"{app_url}/carta/{CENTRO}?lang=ar", "ar", "main h1")
    assert page.locator("main h1").get_attribute("lang") == "it"  # a centre's name: written in Italian
    expect(page.locator(".examples-note").first).to_be_visible()  # "the centres wrote these in Italian"
    for direction in page.locator(".contact-label").evaluate_all(
        "els => els.filter(e => /^[+0-9 ]+$|@|https?:/.test(e.textContent)).map(e => getComputedStyle(e).direction)"
    ):
        assert direction == "ltr"
    screenshot(page, "languages-ar-carta")
    _open(page, f"{app_url}/carta/stampa?provincia=TO&lang=ar", "ar", "main h1")
    assert page.evaluate("getComputedStyle(document.querySelector('main')).direction") == "rtl"
    expect(page.locator(".cover .examples-note, .examples-note").first).to_be_visible()  # said once, on the cover
    assert page.locator(".print-url").first.get_attribute("dir") == "ltr"
    page.emulate_media(media="print")
    screenshot(page, "languages-ar-print")
    page.emulate_media(media="screen")
    # The map keeps geography: west on the left, whatever the reading direction.
    _open(page, f"{app_url}/carta?lang=ar", "ar", "main h1")
    box = page.locator(".map-box")
    expect(box).to_be_attached()
    assert box.evaluate("el => getComputedStyle(el).direction") == "ltr"


@pytest.mark.parametrize("lang", ["ar", "zh"])
def test_axe_finds_no_violations(app_url, phone, lang):
    page = phone.new_page()
    for name, (url, ready) in _pages(app_url, lang).items():
        _open(page, url, lang, ready)
        violations = run_axe(page)
        assert violations == [], f"{name} ({lang}):\n{describe(violations)}"
        screenshot(page, f"languages-{lang}-{name}")


def test_language_menu_is_compact_keyboard_usable_and_keeps_the_link(app_url, phone):
    page = phone.new_page()
    _open(page, f"{app_url}/inizia/figli?comune=001272", "it", "main h1")
    summary = page.locator(".lang-summary")
    box = summary.bounding_box()
    assert box and box["height"] <= 60 and box["x"] + box["width"] <= 390  # one button, not nine links
    expect(page.locator(".lang-list")).to_be_hidden()
    summary.focus()
    page.keyboard.press("Enter")
    links = page.locator(".lang-link")
    expect(links.first).to_be_visible()
    assert links.all_inner_texts() == [
        "Italiano",
        "English",
        "Română",
        "العربية",
        "Shqip",
        "中文",
        "Español",
        "Français",
        "Українська",
    ]
    for link in links.all():
        b = link.bounding_box()
        assert b and b["x"] >= 0 and b["x"] + b["width"] <= 390 and b["height"] >= 44
    screenshot(page, "languages-menu-open")
    page.keyboard.press("Tab")  # into the menu
    for _ in range(3):  # Italiano, English, Română → العربية
        page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.lang") == "ar"
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"lang=ar"))
    assert "comune=001272" in page.url  # the link holds the choice, and the answers
    expect(page.locator("html")).to_have_attribute("dir", "rtl", timeout=30_000)
    expect(page.locator("main h1")).not_to_have_text(CATALOGS["it"]["ui.wiz.figli.title"])
    # Nothing remembers the choice (Reflex keeps its own colour-mode entry in localStorage).
    assert page.evaluate("document.cookie") == ""
    stored = page.evaluate("Object.entries(localStorage).concat(Object.entries(sessionStorage))")
    assert not [kv for kv in stored if "lang" in kv[0].lower() or kv[1] in ("ar", '"ar"')], stored


def test_information_page_shows_each_language_review_status(app_url, phone):
    page = phone.new_page()
    _open(page, f"{app_url}/informazioni?lang=fr", "fr", "#lingue")
    section = page.locator("section:has(#lingue)")
    expect(section).to_contain_text("traduction à relire")
    expect(section).to_contain_text("langue de référence")
    expect(section.locator('[lang="uk"]')).to_have_text("Українська")


def test_the_language_script_is_served_from_our_origin(app_url):
    html = httpx.get(f"{app_url}/percorso?comune=001272&nascita={BORN}&lang=zh", timeout=20).text
    src = re.search(r"/i18n/ui\.'\+l\+'\.js\?v=([0-9a-f]+)", html)
    assert src, "the boot script names the language script"
    r = httpx.get(f"{app_url}/i18n/ui.zh.js?v={src.group(1)}", timeout=20)
    assert r.status_code == 200 and "中文" in r.text and "immutable" in r.headers["cache-control"]


@pytest.mark.parametrize("lang", ["ar", "uk"])
def test_links_between_pages_keep_the_language(app_url, phone, lang):
    page = phone.new_page()
    _open(page, f"{app_url}/?lang={lang}", lang, "main h1")
    hrefs = page.locator("main a[href^='/'], footer a[href^='/'], .brand").evaluate_all(
        "els => els.map(e => e.getAttribute('href'))"
    )
    assert hrefs and all(f"lang={lang}" in h for h in hrefs), hrefs
    page.locator("main a.btn-primary").first.click()
    page.wait_for_url(re.compile(rf"/inizia/comune\?lang={lang}"))
    expect(page.locator("html")).to_have_attribute("lang", lang)
