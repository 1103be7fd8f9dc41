"""The path printed (page.pdf(), A4): contacts first, at most 2 pages for one child in the comune with
the most services (Torino, a 14-month-old)."""

from __future__ import annotations

import io
from pathlib import Path

import httpx
import pytest

from zerosei_app.domain import clock
from zerosei_app.domain.months import YearMonth
from zerosei_app.domain.text import fold

pytestmark = pytest.mark.e2e

ROOT = Path(__file__).resolve().parents[2]


def test_a_path_prints_contacts_first_on_at_most_two_pages(app_url, desktop):
    from pypdf import PdfReader

    born = YearMonth.of(clock.today()).plus(-14)
    query = f"comune=001272&nascita={born}"
    api = httpx.get(f"{app_url}/api/v1/percorso?{query}").json()
    centro = api["centri"][0]
    page = desktop.new_page()
    page.goto(f"{app_url}/percorso?{query}")
    page.wait_for_selector(".centro", timeout=30000)
    page.wait_for_load_state("networkidle")
    pdf = page.pdf(format="A4", print_background=True)
    (ROOT / "test-artifacts").mkdir(exist_ok=True)
    (ROOT / "test-artifacts/percorso-torino-14-mesi.pdf").write_bytes(pdf)
    pages = [fold(p.extract_text() or "") for p in PdfReader(io.BytesIO(pdf)).pages]
    print(f"path printed: {len(pages)} A4 pages ({len(api['figli'][0]['adesso'])} services now)")
    assert len(pages) <= 2, f"{len(pages)} pages"
    first = pages[0]
    # Whom to call comes first: the centre's name and its first contact on page 1, before the services.
    name = " ".join(fold(centro["nome"]).split()[:3])
    assert name in first and fold(centro["contatti"][0]["testo"])[:12] in first
    assert first.index(name) < first.index(fold("Adesso")) if fold("Adesso") in first else True
