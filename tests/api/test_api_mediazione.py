"""Issue 18: a centre's cultural mediators in the API (`lingue_mediazione`, additive) and in the path's
"in my language" filter: the centre's services are kept, and nothing is assumed for other centres."""

from __future__ import annotations

import pytest
from sqlmodel import Session

from zerosei_app.db import make_engine
from zerosei_app.domain import clock
from zerosei_app.domain.months import YearMonth
from zerosei_app.models import Centro

BORN = YearMonth.of(clock.today()).plus(-18)
PATH = f"/api/v1/percorso?comune=001255&nascita={BORN}"


def _set(app_database, centro_id: int, codes: list[str]) -> None:
    engine = make_engine(f"sqlite:///{app_database}")
    with Session(engine) as db:
        centro = db.get(Centro, centro_id)
        centro.mediation_languages = codes
        db.add(centro)
        db.commit()
    engine.dispose()


@pytest.fixture
def mediator(client, app_database):
    """The first centre serving Torino states a mediator in Arabic (undone afterwards)."""
    centro_id = client.get(PATH).json()["centri"][0]["id"]
    _set(app_database, centro_id, ["ar"])
    yield centro_id
    _set(app_database, centro_id, [])


def test_every_centre_output_has_the_field_empty_when_not_stated(client):
    centri = client.get("/api/v1/centri").json()
    assert centri and all(c["lingue_mediazione"] == [] for c in centri)
    assert client.get(f"/api/v1/centri/{centri[0]['id']}").json()["lingue_mediazione"] == []
    assert all(c["lingue_mediazione"] == [] for c in client.get(PATH).json()["centri"])


def test_the_field_is_documented(client):
    schemas = client.get("/api/v1/openapi.json").json()["components"]["schemas"]
    for name in ("CentroOut", "CentroInElencoOut", "CentroDettaglioOut"):
        field = schemas[name]["properties"]["lingue_mediazione"]
        assert field["type"] == "array" and "mediator" in field["description"]


def test_a_mediator_keeps_the_centres_services_in_that_language(client, mediator):
    plain = client.get(PATH).json()
    assert [c["lingue_mediazione"] for c in plain["centri"] if c["id"] == mediator] == [["ar"]]
    assert plain["lingue_dichiarate"] == ["ar"]  # offered by the filter
    one = client.get(f"/api/v1/centri/{mediator}").json()
    assert one["lingue_mediazione"] == ["ar"]
    arabic = client.get(PATH + "&lingua=ar").json()
    assert arabic["lingua"] == {"codice": "ar", "nome": "arabo", "trovata": True}
    kept = {v["centro_id"] for f in arabic["figli"] for v in f["adesso"] + f["prossimi"]}
    assert kept == {mediator}  # only that centre's services: the others stated nothing in Arabic
    mine = {v["id"] for f in plain["figli"] for v in f["adesso"] + f["prossimi"] if v["centro_id"] == mediator}
    assert {v["id"] for f in arabic["figli"] for v in f["adesso"] + f["prossimi"]} == mine
    # Another language: no mediator, nothing stated, so the whole path and trovata false.
    ukrainian = client.get(PATH + "&lingua=uk").json()
    assert ukrainian["lingua"]["trovata"] is False and ukrainian["figli"] == plain["figli"]
