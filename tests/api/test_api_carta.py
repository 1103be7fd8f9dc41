"""Centres in the API: each one's slug and public page, and the province filter."""

from __future__ import annotations

from zerosei_app.domain.catalog import PROVINCE


def test_every_centre_has_its_slug_and_public_url(client):
    centri = client.get("/api/v1/centri").json()
    assert centri and all(c["slug"] and c["url"] == f"http://testserver/carta/{c['slug']}" for c in centri)
    one = client.get(f"/api/v1/centri/{centri[0]['id']}").json()
    assert one["slug"] == centri[0]["slug"] and one["url"] == centri[0]["url"]


def test_public_url_setting_wins(client, monkeypatch):
    monkeypatch.setenv("ZEROSEI_PUBLIC_URL", "https://zerosei.example.it")
    from zerosei_app.settings import get_settings

    get_settings.cache_clear()
    try:
        centro = client.get("/api/v1/centri").json()[0]
        assert centro["url"] == f"https://zerosei.example.it/carta/{centro['slug']}"
    finally:
        monkeypatch.delenv("ZEROSEI_PUBLIC_URL")
        get_settings.cache_clear()


def test_provincia_filters_in_any_case(client):
    every = client.get("/api/v1/centri").json()
    total = 0
    for sigla in PROVINCE:
        got = client.get("/api/v1/centri", params={"provincia": sigla.lower()}).json()
        assert all(c["comune"]["provincia"] == sigla for c in got)
        total += len(got)
    assert total == len(every)
    torino = client.get("/api/v1/centri?provincia=TO").json()
    assert len(torino) == sum(c["comune"]["provincia"] == "TO" for c in every) > 0


def test_bad_provincia_is_a_422_in_the_api_shape(client):
    for value, lang, words in (("MI", "it", "non è una provincia"), ("<x>", "en", "not a province")):
        r = client.get("/api/v1/centri", params={"provincia": value, "lang": lang})
        assert r.status_code == 422
        (err,) = r.json()["detail"]
        assert err["campo"] == "provincia" and err["codice"] == "bad_provincia" and words in err["messaggio"]
        assert "TO" in err["messaggio"]
    r = client.get("/api/v1/centri?provincia=TO&provincia=CN")
    assert r.status_code == 422 and r.json()["detail"][0]["codice"] == "repeated"


def test_provincia_is_documented(client):
    spec = client.get("/api/v1/openapi.json").json()
    params = {p["name"]: p for p in spec["paths"]["/api/v1/centri"]["get"]["parameters"]}
    assert params["provincia"]["schema"]["enum"] == list(PROVINCE)
    props = spec["components"]["schemas"]["CentroInElencoOut"]["properties"]
    assert {"slug", "url"} <= set(props)


def test_the_map_image_has_every_comune_and_is_cached(client):
    import re

    from zerosei_app.web.carta_map import clear_cache

    clear_cache()
    r = client.get("/carta/mappa.svg")
    assert r.status_code == 200 and r.headers["content-type"].startswith("image/svg+xml")
    codes = re.findall(r'data-istat="(\d{6})"', r.text)
    assert len(codes) == len(set(codes)) == 1180
    origins = set(re.findall(r'data-origine="([a-z_]*)"', r.text))
    assert origins == {"esplicito", "ente_gestore", "ente_noto", "inferito"}  # every comune served or its ente named
    assert "http://" not in r.text.replace("http://www.w3.org/2000/svg", "")  # nothing from another origin
    again = client.get("/carta/mappa.svg", headers={"If-None-Match": r.headers["etag"]})
    assert again.status_code == 304
    assert client.head("/carta/mappa.svg").status_code == 200
