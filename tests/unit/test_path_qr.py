"""The path's QR code image (/percorso/qr.svg): the link the page shares, made only when asked for."""

from fastapi.testclient import TestClient

from zerosei_app.api.app import api
from zerosei_app.settings import get_settings
from zerosei_app.view import share


def test_the_qr_image_encodes_the_canonical_link_on_the_request_host(monkeypatch):
    # The host must be one the site answers to (ZEROSEI_ALLOWED_HOSTS, issue 20).
    monkeypatch.setattr(get_settings(), "allowed_hosts", [*get_settings().allowed_hosts, "genitori.example"])
    with TestClient(api, base_url="http://genitori.example") as client:
        r = client.get("/percorso/qr.svg?comune=001255&nascita=2025-05&utm_source=chat")
    assert r.status_code == 200
    assert r.headers["content-type"].startswith("image/svg+xml")
    assert "max-age" in r.headers["cache-control"] and r.headers["x-content-type-options"] == "nosniff"
    assert r.content.lstrip().startswith(b"<svg")
    assert r.content == share.qr_svg("http://genitori.example/percorso?comune=001255&nascita=2025-05")


def test_a_forged_host_never_reaches_the_qr_code():
    with TestClient(api, base_url="http://evil.example") as client:
        r = client.get("/percorso/qr.svg?comune=001255&nascita=2025-05")
    assert r.content == share.qr_svg("/percorso?comune=001255&nascita=2025-05")


def test_the_public_url_wins_over_the_host(monkeypatch):
    monkeypatch.setattr(get_settings(), "public_url", "https://zerosei.regione.piemonte.it")
    with TestClient(api) as client:
        r = client.get("/percorso/qr.svg?comune=001255&nascita=2025-05")
    assert r.content == share.qr_svg("https://zerosei.regione.piemonte.it/percorso?comune=001255&nascita=2025-05")


def test_no_qr_without_a_comune():
    with TestClient(api) as client:
        assert client.get("/percorso/qr.svg?nascita=2025-05").status_code == 404
