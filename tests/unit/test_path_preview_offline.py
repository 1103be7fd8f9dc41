"""The static copy says the day it was served: the service worker's saved copy shows it with no network."""

import re
from datetime import date

from zerosei_app.web.path_preview import render

TODAY = date(2026, 12, 6)
LINK = "comune=001255&nascita=2025-06"


def test_the_copy_carries_its_day_in_the_readers_language():
    it = render(LINK, TODAY)
    assert "Sei offline: percorso mostrato come salvato il 6 dicembre 2026." in it
    en = render(LINK + "&lang=en", TODAY)
    assert "You are offline: path shown as saved on" in en and "December 6, 2026" in en and "salvato il" not in en


def test_the_offline_line_and_its_script_sit_inside_the_copy():
    html = render(LINK, TODAY)
    # One balanced copy: the line, then the script, then the copy's own closing tag.
    assert html.startswith('<div id="zs-preview"') and html.endswith("</script></div>")
    assert html.count("<div") == html.count("</div>")
    assert re.search(r'<p class="pv-saved" role="status">[^<]+<a class="pv-refresh" href="">Aggiorna</a></p>', html)


def test_no_copy_no_line():
    assert render("comune=999999", TODAY) == ""


def test_the_copy_says_what_the_language_filter_found():
    html = render(LINK + "&lingua=ar", TODAY)
    assert "Nessun centro ha ancora indicato servizi in arabo: ecco tutti i servizi." in html
    assert "lingua-status" not in render(LINK, TODAY)
