"""HSDS 3.0 API: every answer for every seeded service and organisation validates against the
standard's compiled schemas (Draft 2020-12, formats checked); ids are stable."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import uuid

import pytest
from sqlmodel import Session

from tests.hsds_schemas import errors
from zerosei_app.db import make_engine
from zerosei_app.domain.hsds_ids import hsds_id
from zerosei_app.queries import hsds
from zerosei_app.view import hsds_out

H = "/api/v1/hsds"


def _all(client, path: str, **params) -> list[dict]:
    out, page = [], 1
    while True:
        r = client.get(f"{H}/{path}", params={**params, "page": page, "per_page": 100})
        assert r.status_code == 200, r.text
        body = r.json()
        assert {"total_items", "total_pages", "page_number", "size", "first_page", "last_page", "empty"} <= set(body)
        out += body["contents"]
        if body["last_page"]:
            assert len(out) == body["total_items"]
            return out
        page += 1


def test_root_says_the_version(client):
    body = client.get(f"{H}/").json()
    assert body["version"] == "3.0"
    assert body["openapi_url"].endswith("/api/v1/openapi.json")
    assert client.get(H).json()["version"] == "3.0"


def test_every_service_validates(client):
    listed = _all(client, "services")
    assert len(listed) > 100
    for item in listed:
        assert errors("service_list", item) == [], item["name"]
        full = client.get(f"{H}/services/{item['id']}")
        assert full.status_code == 200
        body = full.json()
        assert errors("service", body) == [], item["name"]
        # Issue 16: ages, languages and cost only when a source or the centre stated them; metadata says where from
        if body.get("minimum_age") is not None:
            assert body["minimum_age"] <= body["maximum_age"] <= 6
        assert body.get("alert") is None and body["status"] == "active"
        assert any(m["last_action_type"] == "provenance" for m in body["metadata"])
        assert body.get("assured_date") or any("fonte" in m["replacement_value"] for m in body["metadata"])
        assert any(a["link_type"] == "categoria" for a in body["attributes"])
        sal = body["service_at_locations"][0]
        one = client.get(f"{H}/service_at_locations/{sal['id']}").json()
        assert errors("service_at_location", one) == []
        assert one["service"]["id"] == item["id"]
    for item in _all(client, "services", full="true")[:20]:
        assert errors("service", item) == []


def test_every_organization_validates(client):
    listed = _all(client, "organizations")
    kinds = {"Centro per le famiglie": 0, "ente gestore delle funzioni socio-assistenziali": 0}
    for item in listed:
        assert errors("organization_list", item) == [], item["name"]
        kinds[item["legal_status"]] += 1
        for flag in ("false", "true"):
            body = client.get(f"{H}/organizations/{item['id']}", params={"full_service": flag}).json()
            assert errors("organization", body) == [], item["name"]
    assert all(kinds.values())
    for item in _all(client, "organizations", full="true", full_service="true"):
        assert errors("organization", item) == []


def test_centre_locations_say_where_coordinates_come_from(client):
    centres = [o for o in _all(client, "organizations", full="true") if o["legal_status"] == "Centro per le famiglie"]
    locations = [c["locations"][0] for c in centres]
    assert all(loc["latitude"] and loc["longitude"] for loc in locations)
    # A centre whose building was not geocoded is placed at its comune, and says so.
    assert any("Coordinate del comune" in loc["description"] for loc in locations)


def test_service_at_locations_and_taxonomies_validate(client):
    for item in _all(client, "service_at_locations"):
        assert errors("service_at_location_list", item) == []
    taxonomies = _all(client, "taxonomies")
    assert {t["name"] for t in taxonomies} >= {"Carta ZeroSei – aree di attività", "Carta ZeroSei – temi"}
    for t in taxonomies:
        assert errors("taxonomy", t) == []
    terms = _all(client, "taxonomy_terms")
    for term in terms:
        assert errors("taxonomy_term", term) == []
    aree = next(t for t in taxonomies if "aree" in t["name"])
    only = _all(client, "taxonomy_terms", taxonomy_id=aree["id"])
    assert 0 < len(only) < len(terms)


def test_filters(client):
    term = next(t for t in _all(client, "taxonomy_terms") if t["code"] == "gioco-socialita")
    services = _all(client, "services", taxonomy_term_id=term["id"], full="true")
    assert services and all(any(a.get("taxonomy_term_id") == term["id"] for a in s["attributes"]) for s in services)
    org = services[0]["organization_id"]
    mine = _all(client, "services", organization_id=org)
    assert mine and all(s["organization_id"] == org for s in mine)
    assert _all(client, "services", search="zzzz-nothing") == []


@pytest.mark.parametrize(
    ("path", "code", "status"),
    [
        ("services/not-a-uuid", "bad_uuid", 422),
        (f"services/{uuid.UUID(int=0)}", "unknown_hsds_id", 404),
        (f"organizations/{uuid.UUID(int=1)}", "unknown_hsds_id", 404),
        (f"service_at_locations/{uuid.UUID(int=2)}", "unknown_hsds_id", 404),
        ("services?page=0", "out_of_range", 422),
        ("services?per_page=5000", "out_of_range", 422),
        ("services?organization_id=x", "bad_uuid", 422),
        ("organizations?full=maybe", "bad_boolean", 422),
        ("services?modified_after=yesterday", "bad_datetime", 422),
    ],
)
def test_errors_keep_the_api_shape(client, path, code, status):
    r = client.get(f"{H}/{path}")
    assert r.status_code == status
    (detail,) = r.json()["detail"]
    assert detail["codice"] == code and detail["messaggio"] and "{" not in detail["messaggio"]
    en = client.get(f"{H}/{path}", params={"lang": "en"} if "?" not in path else None)
    assert en.status_code == status


def test_only_published_entries(client, app_database):
    from sqlmodel import select

    from zerosei_app.models import CardEntry, EntryStatus

    engine = make_engine(f"sqlite:///{app_database}")
    with Session(engine) as s:
        entry = s.exec(select(CardEntry).where(CardEntry.status == EntryStatus.PUBLISHED)).first()
        entry.status = EntryStatus.DRAFT
        s.add(entry)
        s.commit()
        try:
            r = client.get(f"{H}/services/{hsds_id('service', entry.id)}")
            assert r.status_code == 404
        finally:
            entry.status = EntryStatus.PUBLISHED
            s.add(entry)
            s.commit()
    engine.dispose()


def _ids(url: str) -> dict[str, str]:
    engine = make_engine(url)
    with Session(engine) as s:
        data = hsds.load(s)
        out = {f"service:{e.title}:{e.centro_id}": hsds_id("service", e.id) for e in data.entries}
        out.update({f"org:{o.name}": o.id for o in hsds_out.organizations(data)})
    engine.dispose()
    return out


def test_ids_survive_a_restart(db_url):
    here = _ids(db_url)
    code = "import json,sys; from tests.api.test_hsds import _ids; print(json.dumps(_ids(sys.argv[1])))"
    env = {**os.environ, "DATABASE_URL": db_url}
    out = subprocess.run([sys.executable, "-c", code, db_url], capture_output=True, text=True, env=env, check=True)
    assert json.loads(out.stdout.strip().splitlines()[-1]) == here


@pytest.mark.both_databases
def test_ids_are_the_same_on_every_database(db_url, tmp_path):
    from tests.conftest import _template_db

    reference = _ids(f"sqlite:///{_template_db()}")
    assert len(reference) > 200
    assert _ids(db_url) == reference
