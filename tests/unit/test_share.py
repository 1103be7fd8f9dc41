"""Sharing: absolute link, QR code, and a description without birth months."""

from datetime import date
from urllib.parse import unquote

from zerosei_app.domain.link import PathQuery
from zerosei_app.domain.months import YearMonth
from zerosei_app.view import share

TODAY = date(2026, 11, 25)


def test_base_url_prefers_the_configured_public_url():
    assert (
        share.base_url("https://zerosei.regione.piemonte.it/", "http://evil.example")
        == "https://zerosei.regione.piemonte.it"
    )
    assert share.base_url(None, "http://localhost:3101") == "http://localhost:3101"
    assert share.base_url(None, "javascript:alert(1)") == ""
    assert share.base_url("", 'http://x.org"><script>') == ""


def test_absolute():
    assert share.absolute("https://a.it", "/percorso?x=1") == "https://a.it/percorso?x=1"
    assert share.absolute("", "/percorso?x=1") == "/percorso?x=1"


def test_qr_is_an_inline_svg_of_the_link():
    uri = share.qr_data_uri("https://a.it/percorso?comune=001255&nascita=2025-05")
    assert uri.startswith("data:image/svg+xml")
    assert "<svg" in unquote(uri) and "<script" not in unquote(uri)


def test_age_bands_never_mention_months():
    q = PathQuery(
        comune="001255", nascita=(YearMonth(2025, 5), YearMonth(2026, 6), YearMonth(2022, 1)), attesa=YearMonth(2027, 3)
    )
    assert share.age_bands(q, TODAY, "it") == [
        "bambino di 1 anno",
        "bambino sotto l'anno",
        "bambino di 4 anni",
        "in attesa",
    ]
    assert share.age_bands(q, TODAY, "en") == ["a child aged 1", "a baby under one", "a child aged 4", "expecting"]


def test_share_meta_describes_comune_and_ages_only():
    q = PathQuery(comune="001255", nascita=(YearMonth(2025, 5),), attesa=YearMonth(2027, 3))
    meta = share.share_meta(q, "Sant'Ambrogio di Torino", TODAY)
    assert meta.title == "Percorso ZeroSei a Sant'Ambrogio di Torino"
    assert "bambino di 1 anno, in attesa" in meta.description
    for secret in ("2025", "maggio", "marzo", "2027"):
        assert secret not in meta.title + meta.description


def test_share_meta_without_a_comune_is_generic():
    meta = share.share_meta(PathQuery(lang="en"), None, TODAY)
    assert meta.title == "Your ZeroSei path"
