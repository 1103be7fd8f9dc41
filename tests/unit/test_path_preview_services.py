"""The slow-phone static copy has the page's shape: each service once, situational ones in a closed <details>."""

import re
from collections import Counter
from datetime import date

from zerosei_app.web.path_preview import render

TODAY = date(2026, 11, 29)
FORMAZZA = "comune=103031&nascita=2022-11&attesa=2027-03"


def test_each_service_once_situational_closed_contacts_once():
    html = render(FORMAZZA, TODAY)
    titles = re.findall(r'<h4 class="pv-entry-title" lang="it">([^<]*)</h4>', html)
    assert titles and not [t for t, n in Counter(titles).items() if n > 1]
    assert '<details class="pv-situational">' in html and '<details class="pv-situational" open' not in html
    assert "Se ti serve anche…" in html
    hrefs = re.findall(r'href="((?:tel|mailto):[^"]*)"', html)
    assert hrefs and len(hrefs) == len(set(hrefs))  # the centre's buttons, once
    assert 'Contatti: <a href="#pv-centro-' in html
    assert html.count("Verificato dal centro il") == len(
        titles
    )  # one trust label per card (the test Cartas are confirmed)


def test_coming_months_are_compact_as_on_the_page():
    html = render("comune=103031&attesa=2027-03", TODAY)
    assert '<details class="pv-more"><summary>Leggi di più</summary>' in html
