"""Link previews: /percorso is served with the path's own title and Open Graph tags, escaped, no birth months."""

from datetime import date

import pytest
from fastapi.testclient import TestClient

from zerosei_app.api.app import api
from zerosei_app.web import share_meta

SHELL = (
    '<!DOCTYPE html><html lang="it"><head><meta charSet="utf-8"/><title>Il tuo percorso ZeroSei</title>'
    '<meta content="Trova i servizi" name="description"/><meta content="/og-zerosei.png" property="og:image"/>'
    '</head><body><div id="root"></div></body></html>'
)


@pytest.fixture
def shell(tmp_path, monkeypatch):
    path = tmp_path / "percorso.html"
    path.write_text(SHELL, encoding="utf-8")
    monkeypatch.setattr(share_meta.TEMPLATE, "candidates", lambda: [path])
    return path


@pytest.fixture
def client():
    with TestClient(api, raise_server_exceptions=False) as c:
        yield c


def test_inject_escapes_and_replaces_once():
    meta = share_meta.PageMeta(
        'A "b" <c> & d', "desc <x>", "en", "https://a.it/percorso?comune=001255&lang=en", "https://a.it/og.png"
    )
    page = share_meta.inject(SHELL, meta)
    assert "<title>A &quot;b&quot; &lt;c&gt; &amp; d</title>" in page
    assert page.count("<title>") == 1 and '<html lang="it"' in page  # as React renders it (hydration)
    assert '<meta content="desc &lt;x&gt;" name="description"/>' in page
    assert 'content="https://a.it/percorso?comune=001255&amp;lang=en"' in page
    assert '<meta content="https://a.it/og.png" property="og:image"/>' in page
    assert "<x>" not in page and "<c>" not in page


def test_page_meta_describes_the_path_without_months():
    meta = share_meta.page_meta("comune=001255&nascita=2025-05&temi=zzz", "https://z.it", date(2026, 11, 25))
    assert meta.title == "Percorso ZeroSei a Sant'Ambrogio di Torino"
    assert meta.url == "https://z.it/percorso?comune=001255&nascita=2025-05"  # canonical, valid parts only
    assert "2025" not in meta.title + meta.description


def test_the_preview_url_drops_months_the_page_sets_aside():
    meta = share_meta.page_meta(
        "comune=001272&nascita=2025-05,2015-05,2027-05&attesa=2030-01", "https://z.it", date(2026, 11, 25)
    )
    assert meta.url == "https://z.it/percorso?comune=001272&nascita=2025-05"


@pytest.mark.parametrize("path", ["/percorso", "/percorso/"])
def test_served_percorso_has_its_preview_tags(client, shell, path):
    r = client.get(path, params={"comune": "001255", "nascita": "2025-05", "lang": "en"})
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/html")
    assert "<title>ZeroSei path in Sant&#x27;Ambrogio di Torino</title>" in r.text
    assert (
        'property="og:title"' in r.text
        and 'content="en_GB"' in r.text
        and '<div id="zs-preview" lang="en" dir="ltr">' in r.text
    )
    assert "2025-05" not in r.text.split("og:url")[0]  # months only in the link itself
    assert r.headers["referrer-policy"] == "same-origin"


def test_markup_in_the_link_is_never_echoed_raw(client, shell):
    r = client.get("/percorso?comune=%3Cscript%3Ealert(1)%3C/script%3E&nascita=%22%3E%3Cimg%20src=x%3E")
    assert r.status_code == 200
    assert "<script>alert" not in r.text and "<img src=x>" not in r.text
    assert "<title>Il tuo percorso ZeroSei</title>" in r.text


def test_without_a_compiled_page_the_request_passes_through(client, monkeypatch, tmp_path):
    monkeypatch.setattr(share_meta.TEMPLATE, "candidates", lambda: [tmp_path / "missing.html"])
    r = client.get("/percorso?comune=001255")
    assert r.status_code == 404  # the API app alone has no /percorso: Reflex's static files serve it


def test_other_paths_and_methods_are_untouched(client, shell):
    assert client.get("/api/v1/comuni", params={"q": "torino"}).status_code == 200
    assert client.post("/percorso").status_code in (404, 405)


def test_served_percorso_carries_a_readable_copy_of_the_path(client, shell):
    r = client.get("/percorso", params={"comune": "001255", "nascita": "2025-05"})
    body = r.text.split("<body>", 1)[1]
    assert body.startswith('<div id="zs-preview" lang="it" dir="ltr">')
    assert "<h1>Il tuo percorso a Sant&#x27;Ambrogio di Torino</h1>" in body
    assert 'class="pv-card pv-centro"' in body and 'class="pv-entry-title"' in body
    preview = body.split("</body>", 1)[0]
    assert "<main" not in preview and "<header" not in preview  # the app's landmarks stay the only ones


def test_no_readable_copy_for_a_link_without_a_path(client, shell):
    for query in ({"comune": "999999", "nascita": "2025-05"}, {"comune": "001255"}, {"nascita": "<script>"}):
        r = client.get("/percorso", params=query)
        assert r.status_code == 200 and "zs-preview" not in r.text and "<script>" not in r.text.split("<body>", 1)[1]
