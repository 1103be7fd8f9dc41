"""The public JSON API on the seeded data."""

from __future__ import annotations

import pytest

from zerosei_app.domain import clock
from zerosei_app.domain.months import YearMonth

TODAY = YearMonth.of(clock.today())
SANT_AMBROGIO = "001255"


def months_ago(n: int) -> str:
    return str(TODAY.plus(-n))


def test_comuni_search_ranked(client):
    r = client.get("/api/v1/comuni", params={"q": "sant ambrogio"})
    assert r.status_code == 200
    first = r.json()[0]
    assert first == {
        "codice_istat": SANT_AMBROGIO,
        "nome": "Sant'Ambrogio di Torino",
        "provincia": "TO",
        "cap": ["10057"],
    }


@pytest.mark.parametrize(
    ("q", "expected"),
    [("chivaso", "Chivasso"), ("10024", "Moncalieri"), ("TORINO", "Torino"), ("cuneo", "Cuneo")],
)
def test_comuni_examples(client, q, expected):
    assert client.get("/api/v1/comuni", params={"q": q}).json()[0]["nome"] == expected


def test_comuni_baldissero_lists_all_three(client):
    names = [c["nome"] for c in client.get("/api/v1/comuni", params={"q": "baldissero", "limit": 3}).json()]
    assert sorted(names) == ["Baldissero Canavese", "Baldissero Torinese", "Baldissero d'Alba"]


@pytest.mark.parametrize("params", [{"limit": "0"}, {"limit": "abc"}, {"limit": "51"}, {"q": "x" * 101}])
def test_comuni_bad_params_422(client, params):
    r = client.get("/api/v1/comuni", params=params)
    assert r.status_code == 422
    detail = r.json()["detail"][0]
    assert detail["campo"] in params and detail["messaggio"]


def test_centri_list_and_detail(client):
    centri = client.get("/api/v1/centri").json()
    assert len(centri) == 29
    assert {c["stato_verifica"] for c in centri} >= {"verificato", "incerto", "solo_nome"}
    torino = next(c for c in centri if c["comune"]["nome"] == "Torino")
    detail = client.get(f"/api/v1/centri/{torino['id']}").json()
    assert detail["nome"] == "Centro Relazioni e Famiglie"
    assert any(c["nome"] == "Torino" and c["origine"] == "esplicito" for c in detail["comuni_serviti"])


@pytest.mark.parametrize(("cid", "status"), [("999999", 404), ("abc", 422), ("-1", 422), ("1e9999", 422)])
def test_centro_bad_ids(client, cid, status):
    assert client.get(f"/api/v1/centri/{cid}").status_code == status


def test_percorso_shape(client):
    r = client.get(f"/api/v1/percorso?comune={SANT_AMBROGIO}&nascita={months_ago(18)}&temi=gioco-socialita")
    assert r.status_code == 200, r.text
    body = r.json()
    assert body["comune"]["nome"] == "Sant'Ambrogio di Torino"
    assert body["centri"] and all(c["inferito"] in (True, False) for c in body["centri"])
    figlio = body["figli"][0]
    assert figlio["eta_mesi"] == 18 and figlio["eta"] == "1 anno e 6 mesi"
    for voce in figlio["adesso"]:
        # null ages: no limit stated (the whole 0–6 range), never a guess
        assert (voce["eta_min_mesi"] is None and voce["eta_max_mesi"] is None) or (
            voce["eta_min_mesi"] <= 18 <= voce["eta_max_mesi"]
        )
        assert "gioco-socialita" in voce["temi"]
        assert set(voce) >= {
            "id",
            "titolo",
            "categoria",
            "luogo",
            "quando",
            "costo",
            "accesso",
            "contatti",
            "verificato_il",
            "esempio",
        }
    for voce in figlio["prossimi"]:
        assert 18 < voce["eta_min_mesi"] <= 30 and voce["tra_mesi"] == voce["eta_min_mesi"] - 18
    assert body["temi"] == ["gioco-socialita"]


def test_percorso_pregnancy_and_english(client):
    r = client.get(f"/api/v1/percorso?comune=001272&attesa={TODAY.plus(3)}&lang=en")
    assert r.status_code == 200
    figlio = r.json()["figli"][0]
    assert figlio["attesa"] == str(TODAY.plus(3)) and figlio["eta_mesi"] == -3
    assert figlio["eta"].startswith("expecting")


@pytest.mark.parametrize(
    ("qs", "field"),
    [
        ("comune=001272&nascita=2099-01", "nascita"),
        ("comune=001272&nascita=2019-13", "nascita"),
        ("comune=12&nascita=2025-01", "comune"),
        ("nascita=2025-01", "comune"),
        ("comune=001272", None),
        ("comune=001272&nascita=2025-01&temi=<script>", "temi"),
    ],
)
def test_percorso_bad_input_422(client, qs, field):
    r = client.get(f"/api/v1/percorso?{qs}")
    assert r.status_code == 422
    detail = r.json()["detail"]
    assert detail and all(d["messaggio"] for d in detail)
    if field:
        assert field in {d["campo"] for d in detail}


def test_percorso_unknown_comune_404(client):
    r = client.get(f"/api/v1/percorso?comune=999999&nascita={months_ago(3)}")
    assert r.status_code == 404
    assert r.json()["detail"][0]["campo"] == "comune"


def test_percorso_too_old_is_clear(client):
    r = client.get(f"/api/v1/percorso?comune=001272&nascita={months_ago(80)}")
    assert r.status_code == 422
    assert "6 anni" in r.json()["detail"][0]["messaggio"]


def test_unknown_api_path_is_json_404(client):
    r = client.get("/api/v1/nope")
    assert r.status_code == 404 and r.json()["detail"]


def test_voci_filters(client):
    all_voci = client.get("/api/v1/voci").json()
    # Issue 16: no published entry is an example; each cites a source or the centre's confirmation.
    assert len(all_voci) > 150 and not any(v["esempio"] for v in all_voci)
    assert all(v["fonte"] or v["verificato_il"] for v in all_voci)
    by_comune = client.get("/api/v1/voci", params={"comune": SANT_AMBROGIO}).json()
    assert 0 < len(by_comune) < len(all_voci)
    assert client.get("/api/v1/voci", params={"comune": "abc"}).status_code == 422


def test_openapi_served(client):
    spec = client.get("/api/v1/openapi.json").json()
    assert "/api/v1/percorso" in spec["paths"]


@pytest.mark.parametrize(
    ("params", "campo", "codice"),
    [({"centro": "999999"}, "centro", "unknown_centro"), ({"comune": "999999"}, "comune", "unknown_comune")],
)
def test_voci_unknown_centro_or_comune_is_404(client, params, campo, codice):
    r = client.get("/api/v1/voci", params=params)
    assert r.status_code == 404
    assert r.json()["detail"][0] | {"messaggio": ""} == {"campo": campo, "codice": codice, "messaggio": ""}


@pytest.mark.parametrize("comune", ["００１２７２", "٠٠١٢٧٢", "1272", "0012720"])
def test_voci_comune_is_six_ascii_digits_as_in_links(client, comune):
    r = client.get("/api/v1/voci", params={"comune": comune})
    assert r.status_code == 422 and r.json()["detail"][0]["codice"] == "bad_comune"


def test_voci_pages(client):
    first = client.get("/api/v1/voci", params={"limit": 50})
    total = int(first.headers["x-total-count"])
    assert len(first.json()) == 50 and total > 150
    assert first.headers["link"] == '</api/v1/voci?limit=50&offset=50>; rel="next"'
    seen = [v["id"] for v in first.json()]
    offset = 50
    while offset < total:
        page = client.get("/api/v1/voci", params={"limit": 50, "offset": offset})
        seen += [v["id"] for v in page.json()]
        offset += 50
    assert 'rel="next"' not in page.headers.get("link", "") and 'rel="prev"' in page.headers["link"]
    assert len(seen) == len(set(seen)) == total
    default = client.get("/api/v1/voci")
    assert len(default.json()) == min(200, total)
    beyond = client.get("/api/v1/voci", params={"limit": 50, "offset": 100_000})
    last = (total - 1) // 50 * 50
    assert beyond.json() == [] and beyond.headers["link"] == f'</api/v1/voci?limit=50&offset={last}>; rel="prev"'


def test_lang_key_is_case_insensitive(client):
    r = client.get("/api/v1/centri/999999", params={"LANG": "en"})
    assert r.status_code == 404 and "centre" in r.json()["detail"][0]["messaggio"].lower()


@pytest.mark.parametrize(
    ("params", "codice"),
    [
        ({"limit": "0"}, "out_of_range"),
        ({"limit": "1001"}, "out_of_range"),
        ({"offset": "-1"}, "out_of_range"),
        ({"offset": "x"}, "bad_integer"),
    ],
)
def test_voci_bad_paging_422(client, params, codice):
    r = client.get("/api/v1/voci", params=params)
    assert r.status_code == 422 and r.json()["detail"][0]["codice"] == codice


@pytest.mark.parametrize(
    ("path", "qs", "campo"),
    [
        ("/api/v1/voci", "centro=1&centro=2", "centro"),
        ("/api/v1/comuni", "q=torino&q=alba", "q"),
        ("/api/v1/voci", "comune=001272&comune=001255", "comune"),
    ],
)
def test_a_key_repeated_with_different_values_is_422(client, path, qs, campo):
    r = client.get(f"{path}?{qs}")
    assert r.status_code == 422
    assert r.json()["detail"][0]["campo"] == campo
    # The same value twice is harmless, as in path links.
    same = "&".join([qs.split("&")[0]] * 2)
    assert client.get(f"{path}?{same}").status_code == 200


@pytest.mark.parametrize(
    ("qs", "lang", "expected"),
    [
        ("comune=001272&nascita=2025-01&lang=xx", "it", "Valori validi: it, en, ro, ar, sq, zh, es, fr, uk"),
        ("comune=001272&nascita=" + ",".join(["2025-01"] * 7), "it", "Al massimo 6 bambini"),
        ("comune=001272&nascita=2025-01&temi=nope&lang=en", "en", "Valid topics: gravidanza-nascita"),
    ],
)
def test_percorso_messages_describe_the_rejection(client, qs, lang, expected):
    r = client.get(f"/api/v1/percorso?{qs}")
    assert r.status_code == 422
    assert expected in " ".join(d["messaggio"] for d in r.json()["detail"])


@pytest.mark.parametrize(("lang", "expected"), [("it", "tra 1 e 50"), ("en", "between 1 and 50")])
def test_out_of_range_says_the_range(client, lang, expected):
    r = client.get("/api/v1/comuni", params={"limit": "1000", "lang": lang})
    assert expected in r.json()["detail"][0]["messaggio"]


def test_percorso_has_an_absolute_url(client, monkeypatch):
    qs = f"comune={SANT_AMBROGIO}&nascita={months_ago(18)}"
    body = client.get(f"/api/v1/percorso?{qs}").json()
    assert body["link"] == qs
    assert body["url"] == f"http://testserver/percorso?{qs}"
    from zerosei_app.settings import get_settings

    monkeypatch.setattr(get_settings(), "public_url", "https://zerosei.example")
    assert client.get(f"/api/v1/percorso?{qs}").json()["url"] == f"https://zerosei.example/percorso?{qs}"


def test_centri_aggiornato_il_is_null_until_staff_change_it(client):
    centri = client.get("/api/v1/centri").json()
    assert all(c["aggiornato_il"] is None for c in centri)  # as seeded from the sources
    assert all("data_fonte" in c for c in centri)


@pytest.mark.parametrize(("lang", "word"), [("ar", "سنة"), ("uk", "місяц"), ("zh", "个月"), ("ro", "luni")])
def test_percorso_speaks_the_nine_languages(client, lang, word):
    r = client.get("/api/v1/percorso", params={"comune": "001272", "nascita": "2025-01", "lang": lang})
    assert r.status_code == 200 and r.json()["lang"] == lang
    assert word in str(r.json()["figli"][0]["eta"]) or word in r.text


def test_percorso_lang_is_an_enum_of_the_nine(client):
    spec = client.get("/api/v1/openapi.json").json()
    params = spec["paths"]["/api/v1/percorso"]["get"]["parameters"]
    lang = next(p for p in params if p["name"] == "lang")
    assert lang["schema"]["enum"] == ["it", "en", "ro", "ar", "sq", "zh", "es", "fr", "uk"]
    bad = client.get("/api/v1/percorso", params={"comune": "001272", "nascita": "2025-01", "lang": "de"})
    assert bad.status_code == 422 and "it, en, ro, ar, sq, zh, es, fr, uk" in bad.text
