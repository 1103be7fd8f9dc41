"""Issue 16 in a real browser: a centre's staff start a draft from a modello and publish it in at most
6 actions; the parents' path then shows it as confirmed by the centre, with the day. And a centre
whose Carta is empty still has a useful page (phone size)."""

from __future__ import annotations

import re

import httpx
import pytest
from babel.dates import format_date
from sqlmodel import Session, select

from tests.e2e.conftest import screenshot
from tests.e2e.test_staff_browser import TORINO, accounts, birth_month_for_age, login, wait_hydrated  # noqa: F401
from zerosei_app.db import make_engine
from zerosei_app.domain import clock
from zerosei_app.domain.templates import TEMPLATES
from zerosei_app.models import CardEntry, Centro

pytestmark = pytest.mark.e2e

# "Prevenzione degli incidenti domestici" (3–36 months): not among the test Cartas' entries of centre 1.
TEMPLATE_INDEX = next(i for i, m in enumerate(TEMPLATES) if m.title.startswith("Prevenzione degli incidenti"))


def test_a_draft_from_a_modello_is_published_in_at_most_six_actions(app_url, desktop, accounts):  # noqa: F811
    page = desktop.new_page()
    login(page, app_url, "carla@e2e.example")
    wait_hydrated(page, "Il tuo centro")
    actions = 0

    page.get_by_role("link", name="Nuova voce").first.click()
    actions += 1
    page.wait_for_selector("#modello")
    wait_hydrated(page, "Parti da un modello")
    page.select_option("#modello", str(TEMPLATE_INDEX))
    actions += 1
    page.wait_for_url(re.compile(rf".*/staff/voce/nuova/?\?centro=1&modello={TEMPLATE_INDEX}"), timeout=30_000)
    page.wait_for_function(
        "t => document.querySelector('#f-title') && document.querySelector('#f-title').value === t",
        arg=TEMPLATES[TEMPLATE_INDEX].title,
        timeout=30_000,
    )
    assert f"Bozza dal modello «{TEMPLATES[TEMPLATE_INDEX].title}»" in page.inner_text("body")
    screenshot(page, "modello-01-draft-from-modello")

    page.click("#save-btn")
    actions += 1
    page.wait_for_url(re.compile(r".*/staff/voce/?\?id=\d+.*"), timeout=30_000)
    wait_hydrated(page, "Voce creata come bozza")
    entry_id = int(re.search(r"id=(\d+)", page.url).group(1))

    page.get_by_role("button", name="Pubblica").click()
    actions += 1
    wait_hydrated(page, "Voce pubblicata")
    screenshot(page, "modello-02-published")
    assert actions <= 6

    # The path: the entry, as the centre's own, confirmed today.
    nascita = birth_month_for_age(14)
    api = httpx.get(f"{app_url}/api/v1/percorso", params={"comune": TORINO, "nascita": nascita}, timeout=20).json()
    mine = [v for f in api["figli"] for v in f["adesso"] if v["id"] == entry_id]
    assert mine and mine[0]["verificato_il"] == clock.today().isoformat() and not mine[0]["esempio"]
    parent = desktop.new_page()
    parent.goto(f"{app_url}/percorso?comune={TORINO}&nascita={nascita}")
    card = parent.locator("article.entry", has_text=TEMPLATES[TEMPLATE_INDEX].summary)
    card.wait_for(timeout=30_000)
    card.scroll_into_view_if_needed()
    day = format_date(clock.today(), format="long", locale="it")
    assert f"Verificato dal centro il {day}" in card.inner_text()
    screenshot(parent, "modello-03-parent-path")


def test_an_empty_carta_still_helps_and_shows_staff_the_way_in(app_url, phone, served_database_url):
    engine = make_engine(served_database_url)
    with Session(engine) as db:
        centro = db.exec(select(Centro).where(Centro.source_key == "leini-unione-net")).one()
        for e in db.exec(select(CardEntry).where(CardEntry.centro_id == centro.id)).all():
            e.status = "archived"
            db.add(e)
        db.commit()
        slug = centro.slug
    engine.dispose()
    page = phone.new_page()
    page.goto(f"{app_url}/carta/{slug}")
    page.locator("#carta-vuota").wait_for(timeout=30_000)
    body = page.inner_text("body")
    assert "Questo centro non ha ancora pubblicato la sua Carta." in body
    link = page.locator("#carta-operatori a")
    assert link.get_attribute("href").rstrip("/") == "/staff/login"
    screenshot(page, "modello-04-empty-carta-phone")


def test_the_modello_picker_on_a_phone(app_url, phone, accounts):  # noqa: F811
    page = phone.new_page()
    login(page, app_url, "carla@e2e.example", then=f"/staff/voce/nuova?centro=1&modello={TEMPLATE_INDEX}")
    page.wait_for_url(re.compile(r".*/staff/voce/nuova.*"), timeout=30_000)
    page.wait_for_function(
        "t => document.querySelector('#f-title') && document.querySelector('#f-title').value === t",
        arg=TEMPLATES[TEMPLATE_INDEX].title,
        timeout=30_000,
    )
    # Nothing sideways on a 390 px phone.
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    screenshot(page, "modello-05-picker-phone")
