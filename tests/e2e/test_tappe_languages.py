"""The tappe in the reader's language, in a real browser: translated, marked with the page's language, and no
Italian interface or tappa text left on the open group (the source's title stays Italian, marked lang="it")."""

from __future__ import annotations

import pytest

from tests.e2e.conftest import screenshot
from tests.e2e.test_languages import BORN, VISIBLE_TEXTS_JS, _open, italian_leftovers
from zerosei_app.i18n.catalogs import CATALOGS


@pytest.mark.parametrize("lang", ["ar", "zh"])
def test_the_open_tappe_read_in_the_page_language(app_url, phone, lang):
    page = phone.new_page()
    _open(page, f"{app_url}/percorso?comune=001272&nascita={BORN}&lang={lang}", lang, ".centro, .card")
    page.locator("#tappe > summary").click()
    first = page.locator("#tappe .tappa").first
    first.locator("summary").click()
    title = first.locator(".tappa-title")
    assert title.get_attribute("lang") == lang
    shown = title.inner_text().replace("\u2066", "").replace("\u2069", "")  # isolates around Latin words (ar)
    assert shown in {v for k, v in CATALOGS[lang].items() if k.startswith("tappa.")}
    assert first.locator(".src a").get_attribute("lang") == "it"
    assert first.locator(".tappa-it-note").count() == 0  # the seeded text is the one translated
    assert italian_leftovers(page.evaluate(VISIBLE_TEXTS_JS), lang) == []
    page.locator("#tappe").evaluate("el => el.scrollIntoView({block: 'start'})")
    page.screenshot(path=str(screenshot(page, f"tappe-{lang}-path").with_name(f"tappe-{lang}-viewport.png")))
