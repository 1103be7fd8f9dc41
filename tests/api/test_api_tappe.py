"""/api/v1/percorso: figli[].tappe and the regional functions, as the issue names them; OpenAPI documents them."""

from zerosei_app.domain import clock
from zerosei_app.domain.months import YearMonth

FORMAZZA = "103032"


def test_percorso_gives_each_child_its_tappe_with_source(client):
    birth = YearMonth.of(clock.today()).plus(-14)
    r = client.get("/api/v1/percorso", params={"comune": FORMAZZA, "nascita": str(birth)})
    assert r.status_code == 200
    body = r.json()
    tappe = body["figli"][0]["tappe"]
    assert len([x for x in tappe if x["adesso"]]) >= 3
    first = tappe[0]
    assert {"id", "titolo", "sintesi", "quando", "chi", "link", "fonte", "verificato_il"} <= set(first)
    assert first["fonte"]["url"].startswith("http") and first["fonte"]["titolo"]
    soon = [x for x in tappe if not x["adesso"]]
    assert all(x["tra_mesi"] > 0 and x["da_mese"] for x in soon)
    funzioni = body["funzioni"]
    assert [f["id"] for f in funzioni if f["irrinunciabile"]] == [
        "promozione_salute_benessere",
        "promozione_prevenzione_primaria",
        "prevenzione_secondaria",
        "mediazione_familiare",
    ]
    assert all(f["fonte"]["url"].startswith("https://") for f in funzioni)


def test_english_names_the_functions_in_english(client):
    birth = YearMonth.of(clock.today()).plus(-14)
    r = client.get("/api/v1/percorso", params={"comune": FORMAZZA, "nascita": str(birth), "lang": "en"})
    names = {f["id"]: f["nome"] for f in r.json()["funzioni"]}
    assert names["mediazione_familiare"] == "Family mediation"


def test_openapi_documents_tappe(client):
    schemas = client.get("/api/v1/openapi.json").json()["components"]["schemas"]
    assert "TappaOut" in schemas and "tappe" in schemas["FiglioOut"]["properties"]
    assert "verificato_il" in schemas["TappaOut"]["properties"]
