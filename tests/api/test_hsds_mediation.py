"""Issue 18 in the open data: a centre's cultural mediators' languages are HSDS `language` objects
of its location (JSON API and tabular package), valid against the standard; none stated, none given."""

from __future__ import annotations

from datetime import UTC, datetime

from tests.hsds_schemas import errors
from zerosei_app.domain.hsds_ids import hsds_id
from zerosei_app.models import Centro, Comune
from zerosei_app.queries.hsds import HsdsData
from zerosei_app.view import hsds_out, hsds_package

CREATED = datetime(2026, 1, 1, tzinfo=UTC)


def _data(*lingue: str) -> HsdsData:
    m = Comune(codice_istat="001272", name="Torino", sigla_provincia="TO", cap=["10100"], lat=45.07, lon=7.68)
    c = Centro(id=7, name="Centro per le famiglie di Torino", codice_istat="001272", mediation_languages=list(lingue))
    c.created_at = CREATED
    return HsdsData(enti={}, centri={7: (c, m)}, entries=[], changes={})


def _organization(data: HsdsData) -> dict:
    org = hsds_out.organization_out(data, hsds_id("centro", 7), full_service=True)
    return org.model_dump(mode="json", exclude_none=True)


def test_a_centre_with_mediators_has_one_language_per_code():
    body = _organization(_data("ar", "ro"))
    assert errors("organization", body) == []
    location = body["locations"][0]
    languages = location["languages"]
    assert [x["code"] for x in languages] == ["ar", "ro"]
    assert [x["name"] for x in languages] == ["arabo", "rumeno"]
    assert {x["location_id"] for x in languages} == {location["id"]}
    assert all(x["note"] == "Mediazione culturale presso il centro" and "service_id" not in x for x in languages)
    assert len({x["id"] for x in languages}) == 2
    assert languages == _organization(_data("ar", "ro"))["locations"][0]["languages"]  # stable ids


def test_a_centre_without_mediators_has_no_language():
    body = _organization(_data())
    assert errors("organization", body) == []
    assert "languages" not in body["locations"][0]
    assert hsds_package.rows(_data())["language"] == []


def test_the_package_has_the_location_languages():
    found = hsds_package.rows(_data("ar", "ro"))["language"]
    loc = hsds_id("location", 7)
    assert [(r["location_id"], r["code"], r["name"]) for r in found] == [(loc, "ar", "arabo"), (loc, "ro", "rumeno")]
    assert set(found[0]) <= set(hsds_package.columns("language"))
