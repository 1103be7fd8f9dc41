"""Issue 16 in the open data: only backed entries, one HSDS service per published entry, nothing unstated.

The run's database is the seed plus Cartas the centres confirmed (tests/confirmed_cartas.py); here an
example, an unbacked published entry and a draft are added, and none of them may reach a reuser.
"""

from __future__ import annotations

import io
import zipfile

import pytest
from sqlmodel import Session, select

from tests.hsds_schemas import errors
from zerosei_app.db import get_engine
from zerosei_app.domain.hsds_ids import hsds_id
from zerosei_app.models import CardEntry
from zerosei_app.queries.backed import is_backed

H = "/api/v1/hsds"


@pytest.fixture
def hidden_entries():
    """Three entries no reuser may see, added to the app's database for one test."""
    ids = []
    with Session(get_engine()) as db:
        for title, status, example, reviewed in (
            ("Esempio mai confermato", "published", True, None),
            ("Pubblicata da nessuno", "published", False, None),
            ("Bozza del centro", "draft", False, None),
        ):
            e = CardEntry(
                centro_id=1,
                title=title,
                summary="Prova",
                category="prevenzione",
                status=status,
                is_example=example,
                last_reviewed_on=reviewed,
            )
            db.add(e)
            db.flush()
            ids.append(e.id)
        db.commit()
    yield ids
    with Session(get_engine()) as db:
        for i in ids:
            db.delete(db.get(CardEntry, i))
        db.commit()


def _all(client, path: str) -> list[dict]:
    out, page = [], 1
    while True:
        body = client.get(f"{H}/{path}", params={"page": page, "per_page": 100}).json()
        out += body["contents"]
        if body["last_page"]:
            return out
        page += 1


def test_only_backed_entries_reach_reusers(client, hidden_entries):
    with Session(get_engine()) as db:
        backed = {e.id for e in db.exec(select(CardEntry)).all() if is_backed(e)}
    services = {s["id"] for s in _all(client, "services")}
    assert services == {hsds_id("service", i) for i in backed}  # one service per backed published entry
    for i in hidden_entries:
        assert client.get(f"{H}/services/{hsds_id('service', i)}").status_code == 404
    voci = client.get("/api/v1/voci", params={"centro": 1, "limit": 1000}).json()
    assert not {v["id"] for v in voci} & set(hidden_entries)
    package = zipfile.ZipFile(io.BytesIO(client.get(f"{H}/datapackage.zip").content))
    services_csv = package.read(next(n for n in package.namelist() if n.endswith("services.csv"))).decode()
    assert "Esempio mai confermato" not in services_csv and "Pubblicata da nessuno" not in services_csv


def test_organisations_export_their_verification_status(client):
    for org in _all(client, "organizations"):
        if org["legal_status"] != "Centro per le famiglie":
            continue
        full = client.get(f"{H}/organizations/{org['id']}").json()
        assert errors("organization", full) == []
        (stato,) = [a for a in full["attributes"] if a["link_type"] == "stato_verifica"]
        assert stato["taxonomy_term"]["code"] in {"verificato", "parziale", "solo_nome", "incerto"}


def test_a_sourced_service_states_nothing_its_source_does_not(client):
    with Session(get_engine()) as db:
        sourced = db.exec(
            select(CardEntry).where(CardEntry.title == "Consulenza legale su separazione e divorzio")
        ).one()
    body = client.get(f"{H}/services/{hsds_id('service', sourced.id)}").json()
    assert errors("service", body) == []
    assert "cost_options" not in body or body["cost_options"] in (None, [])
    assert body.get("minimum_age") is None and body.get("languages") in (None, [])
    assert body.get("assured_date") is None  # a source's mention is not the centre's assurance
    (prov,) = [m for m in body["metadata"] if m["last_action_type"] == "provenance"]
    assert sourced.source_url in prov["replacement_value"]
    voce = client.get("/api/v1/voci", params={"centro": sourced.centro_id}).json()
    (mine,) = [v for v in voce if v["id"] == sourced.id]
    assert mine["costo"] is None and mine["lingue"] is None and mine["quando"] is None and mine["fonte"]
