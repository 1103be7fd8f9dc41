"""A centre's Carta page carries its content as plain HTML (web/carta_preview.py), for use with no network."""

import re
from datetime import date

from zerosei_app.web.carta_preview import _ROUTE, preview_for

TODAY = date(2026, 12, 6)


def test_the_copy_has_the_centre_its_contacts_and_entries(db):
    html = preview_for("asti", "it", TODAY)
    assert html.startswith('<div id="zs-preview" lang="it">') and html.endswith("</script></div>")
    assert html.count("<div") == html.count("</div>")
    assert re.search(r'<h1 lang="it">[^<]*Asti[^<]*</h1>', html)
    assert re.search(r'href="(tel|mailto|https?):', html)  # a working contact
    assert html.count('<article class="pv-entry">') >= 10
    assert "Sei offline: pagina del centro mostrata come salvata il 6 dicembre 2026." in html
    en = preview_for("asti", "en", TODAY)
    assert 'lang="en"' in en and "You are offline: centre page shown as saved on" in en


def test_unknown_slugs_and_other_pages_get_no_copy(db):
    assert preview_for("nessun-centro-cosi", "it", TODAY) == ""
    assert _ROUTE.match("/carta/asti") and _ROUTE.match("/carta/asti/")
    assert not _ROUTE.match("/carta") and not _ROUTE.match("/carta/asti/x")
