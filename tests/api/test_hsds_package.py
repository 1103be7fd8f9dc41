"""The HSDS tabular data package: CSVs + datapackage.json, validated against HSDS `tabular.json`."""

from __future__ import annotations

import csv
import io
import json
import zipfile

from tests.hsds_schemas import errors, schema


def _typed(value: str, field: dict):
    if field["type"] == "number":
        return float(value)
    return value


def test_datapackage_validates_against_tabular_json(client):
    r = client.get("/api/v1/hsds/datapackage.zip")
    assert r.status_code == 200
    assert r.headers["content-type"] == "application/zip"
    z = zipfile.ZipFile(io.BytesIO(r.content))
    meta = json.loads(z.read("datapackage.json"))
    assert meta["profile"] == "tabular-data-package"
    tabular = schema("tabular")["properties"]
    assert {res["name"] for res in meta["resources"]} == set(tabular)
    assert set(z.namelist()) == {"datapackage.json", *(res["path"] for res in meta["resources"])}

    package: dict[str, list[dict]] = {}
    for res in meta["resources"]:
        assert res["path"] == tabular[res["name"]]["items"]["path"]
        reader = csv.DictReader(io.StringIO(z.read(res["path"]).decode("utf-8")))
        fields = {f["name"]: f for f in res["schema"]["fields"]}
        assert reader.fieldnames == list(fields)
        required = set(tabular[res["name"]]["items"].get("required", []))
        # An empty cell is an absent value, except in a required column, where it is an empty string
        # (an address's postal_code when the comune has several CAPs and the street's isn't known).
        package[res["name"]] = [
            {k: _typed(v, fields[k]) for k, v in row.items() if v != "" or k in required} for row in reader
        ]
    assert errors("tabular", package) == []

    counts = {name: len(rows) for name, rows in package.items()}
    assert counts["service"] == client.get("/api/v1/hsds/services").json()["total_items"]
    assert counts["organization"] == client.get("/api/v1/hsds/organizations").json()["total_items"]
    assert counts["location"] > 0 and counts["taxonomy_term"] > 0 and counts["attribute"] > counts["service"]
    assert counts["metadata"] >= counts["service"] + counts["organization"]
    # Every foreign key points at a row of the package.
    ids = {name: {row["id"] for row in rows} for name, rows in package.items()}
    for row in package["service"]:
        assert row["organization_id"] in ids["organization"]
    for row in package["service_at_location"]:
        assert row["service_id"] in ids["service"] and row["location_id"] in ids["location"]
    for row in package["attribute"]:
        assert row["taxonomy_term_id"] in ids["taxonomy_term"]


def test_the_package_is_built_once_per_data_version_and_served_with_an_etag(client):
    from zerosei_app.web import package_cache

    first = client.get("/api/v1/hsds/datapackage.zip")
    assert first.status_code == 200 and first.headers["etag"]
    builds = package_cache.builds
    second = client.get("/api/v1/hsds/datapackage.zip")
    assert second.status_code == 200 and package_cache.builds == builds  # not rebuilt
    assert second.headers["etag"] == first.headers["etag"] and second.content == first.content
    again = client.get("/api/v1/hsds/datapackage.zip", headers={"If-None-Match": first.headers["etag"]})
    assert again.status_code == 304 and again.content == b""


def test_after_a_data_change_the_previous_package_is_served_while_the_new_one_builds(client):
    import time

    from sqlalchemy import text

    from zerosei_app.db import get_engine
    from zerosei_app.web import package_cache

    old = client.get("/api/v1/hsds/datapackage.zip").headers["etag"]
    with get_engine().begin() as conn:  # what every staff write does in its transaction
        conn.execute(text("UPDATE data_version SET version = version + 1 WHERE id = 1"))
    builds = package_cache.builds
    first = client.get("/api/v1/hsds/datapackage.zip")
    assert first.status_code == 200 and first.headers["etag"] == old  # no client waits for the build
    assert package_cache.builds == builds + 1  # which has started
    deadline = time.monotonic() + 60
    while (etag := client.get("/api/v1/hsds/datapackage.zip").headers["etag"]) == old and time.monotonic() < deadline:
        time.sleep(0.5)
    assert etag != old and package_cache.builds == builds + 1
