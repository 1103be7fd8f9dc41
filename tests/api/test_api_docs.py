"""The OpenAPI document describes what the API really does; answers match their schemas;
error messages speak about the API (what is wrong, what is valid), not about the page."""

from __future__ import annotations

import pytest
from pydantic import BaseModel, TypeAdapter

from zerosei_app.api.messages import API_ONLY_CODES, MESSAGES, message
from zerosei_app.domain import clock
from zerosei_app.domain.errors import ERROR_CODES, FieldError
from zerosei_app.domain.months import YearMonth
from zerosei_app.schemas.errors import ErroriOut
from zerosei_app.schemas.opendata import CentroDettaglioOut, CentroInElencoOut
from zerosei_app.schemas.percorso import ComuneOut, PercorsoOut, VoceOut

PARAMS = {
    "/api/v1/comuni": {"q", "limit", "lang"},
    "/api/v1/centri": {"provincia", "lang"},
    "/api/v1/centri/{centro_id}": {"centro_id", "lang"},
    "/api/v1/voci": {"centro", "comune", "limit", "offset", "lang"},
    # `nascita` and `attesa` (at least one) are the properties of one exploded object, `bambini`.
    "/api/v1/percorso": {"comune", "bambini", "temi", "lingua", "lang"},
    # HSDS 3.0 (h7-hsds): api/hsds.py
    "/api/v1/hsds/": {"lang"},
    "/api/v1/hsds/services": {"page", "per_page", "search", "format", "organization_id", "taxonomy_term_id"}
    | {"taxonomy_id", "modified_after", "full", "lang"},
    "/api/v1/hsds/services/{id}": {"id", "lang"},
    "/api/v1/hsds/organizations": {"page", "per_page", "search", "format", "full", "full_service", "lang"},
    "/api/v1/hsds/organizations/{id}": {"id", "full_service", "lang"},
    "/api/v1/hsds/service_at_locations": {"page", "per_page", "search", "format", "organization_id"}
    | {"taxonomy_term_id", "taxonomy_id", "modified_after", "full", "lang"},
    "/api/v1/hsds/service_at_locations/{id}": {"id", "lang"},
    "/api/v1/hsds/taxonomies": {"page", "per_page", "search", "format", "lang"},
    "/api/v1/hsds/taxonomy_terms": {"page", "per_page", "search", "format", "taxonomy_id", "parent_id", "top_only"}
    | {"lang"},
    "/api/v1/hsds/datapackage.zip": {"lang"},
}
BINARY = {"/api/v1/hsds/datapackage.zip": "application/zip"}
ERRORS = {
    "/api/v1/comuni": {"422"},
    "/api/v1/centri": {"422"},
    "/api/v1/centri/{centro_id}": {"404", "422"},
    "/api/v1/voci": {"404", "422"},
    "/api/v1/percorso": {"404", "422"},
    **{f"/api/v1/hsds/{p}": {"422"} for p in ("services", "organizations", "service_at_locations", "taxonomies")},
    "/api/v1/hsds/taxonomy_terms": {"422"},
    **{f"/api/v1/hsds/{p}/{{id}}": {"404", "422"} for p in ("services", "organizations", "service_at_locations")},
}


@pytest.fixture(scope="module")
def spec():
    from fastapi.testclient import TestClient

    from zerosei_app.api.app import api

    return TestClient(api).get("/api/v1/openapi.json").json()


def test_every_endpoint_documents_its_parameters(spec):
    assert set(spec["paths"]) == set(PARAMS)
    for path, names in PARAMS.items():
        params = spec["paths"][path]["get"]["parameters"]
        assert {p["name"] for p in params} == names, path
        for p in params:
            assert p["schema"].get("type") and p.get("description"), (path, p)
    comuni = {p["name"]: p for p in spec["paths"]["/api/v1/comuni"]["get"]["parameters"]}
    # FastAPI also writes a title and the description into a parameter's schema: not part of the contract.
    limit = {k: v for k, v in comuni["limit"]["schema"].items() if k not in ("title", "description")}
    assert limit == {"type": "integer", "minimum": 1, "maximum": 50, "default": 10}
    assert comuni["q"]["schema"]["maxLength"] == 100
    voci = {p["name"]: p for p in spec["paths"]["/api/v1/voci"]["get"]["parameters"]}
    assert voci["limit"]["schema"]["maximum"] == 1000 and voci["limit"]["schema"]["default"] == 200
    assert voci["comune"]["schema"]["pattern"] == "^[0-9]{6}$"
    centro = spec["paths"]["/api/v1/centri/{centro_id}"]["get"]["parameters"]
    assert {"name": "centro_id", "in": "path", "required": True}.items() <= centro[0].items()
    assert centro[0]["schema"]["type"] == "integer"


def test_responses_and_the_real_error_shape_are_documented(spec):
    schemas = spec["components"]["schemas"]
    assert "HTTPValidationError" not in schemas and "ValidationError" not in schemas
    assert set(schemas["ErroreOut"]["properties"]) == {"campo", "codice", "messaggio"}
    for path, ops in spec["paths"].items():
        responses = ops["get"]["responses"]
        assert responses["200"]["content"][BINARY.get(path, "application/json")]["schema"], path
        assert set(responses) - {"200"} == ERRORS.get(path, set()), path
        for code in ERRORS.get(path, ()):
            assert responses[code]["content"]["application/json"]["schema"] == {
                "$ref": "#/components/schemas/ErroriOut"
            }
    assert "X-Total-Count" in spec["paths"]["/api/v1/voci"]["get"]["responses"]["200"]["headers"]


def _check(model, data):
    """Validates, and no key is left undocumented."""
    adapter = TypeAdapter(model)
    adapter.validate_python(data)
    items = data if isinstance(data, list) else [data]
    inner = model.__args__[0] if isinstance(data, list) else model
    if isinstance(inner, type) and issubclass(inner, BaseModel):
        for item in items:
            assert set(item) <= set(inner.model_fields), set(item) - set(inner.model_fields)


def test_answers_match_their_documented_models(client):
    _check(list[ComuneOut], client.get("/api/v1/comuni", params={"q": "torino"}).json())
    centri = client.get("/api/v1/centri").json()
    _check(list[CentroInElencoOut], centri)
    _check(CentroDettaglioOut, client.get(f"/api/v1/centri/{centri[0]['id']}").json())
    _check(list[VoceOut], client.get("/api/v1/voci", params={"limit": 5}).json())
    month = str(YearMonth.of(clock.today()).plus(-10))
    _check(PercorsoOut, client.get(f"/api/v1/percorso?comune=001272&nascita={month}").json())
    _check(ErroriOut, client.get("/api/v1/comuni", params={"limit": "0"}).json())
    _check(ErroriOut, client.get("/api/v1/nope").json())


@pytest.mark.parametrize("lang", ["it", "en"])
def test_every_code_the_api_can_report_has_an_api_message(lang):
    page_codes = (
        "birth_in_future",
        "too_old",
        "expected_too_far",
        "too_long",
        "too_many_children",
        "unknown_topic",
        "bad_month",
        "bad_comune",
        "bad_lang",
        "missing_comune",
        "missing_child",
    )
    api_codes = (
        "unknown_comune",
        "unknown_centro",
        "bad_integer",
        "out_of_range",
        "not_found",
        "internal",
        *API_ONLY_CODES,
    )
    for code in (*page_codes, *api_codes):
        assert code in MESSAGES and MESSAGES[code][lang], code
    # A code the domain adds later falls back to the shared catalogue: never a raw key.
    for code in ERROR_CODES:
        assert not message(
            FieldError("comune", code, {"value": "x", "month": "2025-01", "max": 6, "years": 7, "months": 10}), lang
        ).startswith("error.")


PAGE_WORDING = [
    "ti mostriamo",
    "abbiamo tenuto",
    "l'abbiamo tolto",
    "qui sotto",
    "torna alla",
    "below",
    "we kept",
    "we removed",
    "go back",
]


@pytest.mark.parametrize("lang", ["it", "en"])
def test_messages_talk_about_the_api_not_the_page(lang):
    for code, texts in MESSAGES.items():
        assert not any(w in texts[lang].lower() for w in PAGE_WORDING), (code, texts[lang])
    limit = message(FieldError("limit", "out_of_range", {"value": "0", "min": 1, "max": 50}), lang)
    assert "1" in limit and "50" in limit
