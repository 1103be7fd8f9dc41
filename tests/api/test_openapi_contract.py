"""The published contract of /api/v1: the OpenAPI document and the answers a client relies on.

Recorded from the app before its parameters were declared the FastAPI way (typed query models
instead of hand parsing): the refactor must not change what a client sees. The fixtures under
tests/api/contract/ are normalised (clock fixed at FROZEN_NOW, titles dropped: FastAPI derives them
from Python names, no client reads them). Re-record them only for an intended change of the API:

    ZEROSEI_RECORD_CONTRACT=1 python -m pytest tests/api/test_openapi_contract.py
"""

from __future__ import annotations

import json
import os
from datetime import UTC, datetime
from pathlib import Path

import pytest

from zerosei_app.domain import clock

CONTRACT = Path(__file__).parent / "contract"
OPENAPI_FILE = CONTRACT / "openapi.json"
ANSWERS_FILE = CONTRACT / "answers.json"
RECORD = os.environ.get("ZEROSEI_RECORD_CONTRACT") == "1"
FROZEN_NOW = datetime(2026, 12, 1, 10, 0, tzinfo=UTC)
LONG = "x" * 300

# (method, url): good and bad requests of every endpoint group. Answers to errors are compared
# whole; answers with data by their shape (the seeded data may grow).
REQUESTS: list[tuple[str, str]] = [
    ("GET", "/api/v1/comuni?q=torino&limit=2"),
    ("GET", "/api/v1/comuni?Q=torino&LIMIT=1"),
    ("GET", "/api/v1/comuni?q=torino&q=torino&limit=1"),
    ("GET", "/api/v1/comuni?q=torino&q=asti"),
    ("GET", "/api/v1/comuni?limit=0"),
    ("GET", "/api/v1/comuni?limit=51&lang=en"),
    ("GET", "/api/v1/comuni?limit=abc&lang=EN-gb"),
    ("GET", "/api/v1/comuni?limit=1.5"),
    ("GET", f"/api/v1/comuni?q={LONG}"),
    ("GET", "/api/v1/comuni?q=%3Cscript%3Ealert(1)%3C/script%3E&unknown=1"),
    ("GET", "/api/v1/comuni?limit=&q="),
    ("GET", "/api/v1/centri"),
    ("GET", "/api/v1/centri?provincia=to"),
    ("GET", "/api/v1/centri?provincia=XX&lang=en"),
    ("GET", "/api/v1/centri?provincia=%27%20OR%201=1--"),
    ("GET", "/api/v1/centri/1"),
    ("GET", "/api/v1/centri/0"),
    ("GET", "/api/v1/centri/abc?lang=en"),
    ("GET", "/api/v1/centri/99999999999"),
    ("GET", "/api/v1/centri/999999"),
    ("GET", "/api/v1/centri/-1"),
    ("GET", "/api/v1/centri/0999999"),
    ("GET", "/api/v1/voci?limit=2"),
    ("GET", "/api/v1/voci?limit=2&offset=1&comune=001272&lang=en"),
    ("GET", "/api/v1/voci?centro=999999"),
    ("GET", "/api/v1/voci?comune=999999"),
    ("GET", "/api/v1/voci?comune=1272&lang=en"),
    ("GET", "/api/v1/voci?comune=%EF%BC%90%EF%BC%90%EF%BC%91%EF%BC%92%EF%BC%97%EF%BC%92"),
    ("GET", "/api/v1/voci?limit=1001&offset=-1"),
    ("GET", "/api/v1/voci?centro=0&limit=x"),
    ("GET", "/api/v1/voci?offset=99999999999"),
    ("GET", "/api/v1/voci?centro=1&centro=2"),
    # Added after the move (main's answer checked by hand), with the one intended change: keys are
    # case-insensitive everywhere, so `LANG=en` now carries into the pages' links like `lang=en`.
    ("GET", "/api/v1/voci?limit=2&offset=2&LANG=en"),
    ("GET", "/api/v1/percorso?comune=001272&nascita=2025-05"),
    ("GET", "/api/v1/percorso?comune=001272&nascita=2025-05&lang=en"),
    ("GET", "/api/v1/percorso?nascita=2025-05"),
    ("GET", "/api/v1/percorso?comune=001272"),
    ("GET", "/api/v1/percorso?comune=999999&nascita=2025-05"),
    ("GET", "/api/v1/percorso?comune=001272&nascita=2025-13&lang=en"),
    ("GET", "/api/v1/percorso?comune=001272&nascita=2099-01"),
    ("GET", "/api/v1/percorso?comune=001272&nascita=2025-05&temi=nope&lingua=arabic"),
    ("GET", "/api/v1/percorso?comune=001272&nascita=2025-05&lang=xx"),
    ("GET", "/api/v1/hsds/"),
    ("GET", "/api/v1/hsds/services?per_page=2"),
    ("GET", "/api/v1/hsds/services?per_page=2&full=true&page=2"),
    ("GET", "/api/v1/hsds/services?full=yes&per_page=0&lang=en"),
    ("GET", "/api/v1/hsds/services?organization_id=not-a-uuid&modified_after=yesterday"),
    ("GET", "/api/v1/hsds/services?modified_after=2026-02-31&format=xml"),
    ("GET", f"/api/v1/hsds/services?search={LONG}&page=0"),
    ("GET", "/api/v1/hsds/services/not-a-uuid"),
    ("GET", "/api/v1/hsds/services/3f1c2b7e-5d2a-5c8e-9a51-3c8e2f4b7d10?lang=en"),
    ("GET", "/api/v1/hsds/organizations?per_page=2&full=true&full_service=false"),
    ("GET", "/api/v1/hsds/organizations?full_service=1"),
    ("GET", "/api/v1/hsds/organizations/3f1c2b7e-5d2a-5c8e-9a51-3c8e2f4b7d10?full_service=maybe"),
    ("GET", "/api/v1/hsds/organizations/3f1c2b7e-5d2a-5c8e-9a51-3c8e2f4b7d10"),
    ("GET", "/api/v1/hsds/organizations/bad?full_service=true&full_service=false"),
    ("GET", "/api/v1/hsds/service_at_locations?per_page=1"),
    ("GET", "/api/v1/hsds/service_at_locations/nope"),
    ("GET", "/api/v1/hsds/taxonomies?page=2&per_page=1"),
    ("GET", "/api/v1/hsds/taxonomy_terms?taxonomy_id=bad&top_only=TRUE"),
    ("GET", "/api/v1/hsds/taxonomy_terms?per_page=3&PER_PAGE=4"),
    ("GET", "/api/v1/nothing?lang=en"),
    ("GET", "/api/v1/centri/"),
    ("POST", "/api/v1/comuni"),
    ("DELETE", "/api/v1/hsds/services?lang=en"),
    ("OPTIONS", "/api/v1/voci"),
    ("HEAD", "/api/v1/comuni?q=asti"),
    ("HEAD", "/api/v1/comuni?limit=0"),
]


def _strip_titles(node):
    if isinstance(node, dict):
        return {k: _strip_titles(v) for k, v in node.items() if not (k == "title" and isinstance(v, str))}
    if isinstance(node, list):
        return [_strip_titles(v) for v in node]
    return node


def _parameter(param: dict) -> dict:
    """A parameter as a client reads it. FastAPI also writes the description into the schema and an
    example as the schema's `examples` (JSON Schema) rather than the parameter's `example`: same thing."""
    schema = dict(param.get("schema", {}))
    if schema.get("description") == param.get("description"):
        schema.pop("description", None)
    out = {**param, "schema": schema}
    if "examples" in schema:
        out["example"] = schema.pop("examples")[0]
    return out


def _normalised(doc: dict) -> dict:
    doc = _strip_titles(doc)
    for methods in doc["paths"].values():
        for operation in methods.values():
            if "parameters" in operation:
                operation["parameters"] = [_parameter(p) for p in operation["parameters"]]
    return doc


def _shape(value):
    """Keys and nesting, not values (the data may change; their types are the response schemas',
    which the OpenAPI comparison and tests/api/test_api_docs.py check)."""
    if isinstance(value, dict):
        return {k: _shape(v) for k, v in sorted(value.items())}
    if isinstance(value, list):
        return [_shape(value[0])] if value else []
    return "value"


def _answer(client, method: str, url: str) -> dict:
    r = client.request(method, url, follow_redirects=False)
    out = {
        "status": r.status_code,
        "content_type": r.headers.get("content-type"),
        "allow": r.headers.get("allow"),
        "location": r.headers.get("location"),
        "cache_control": r.headers.get("cache-control"),
        "total": r.headers.get("x-total-count") is not None,
        "link": r.headers.get("link"),
    }
    if method == "HEAD" or not r.content:
        out["body"] = None
    elif r.status_code >= 300:
        out["body"] = r.json()
    else:
        out["shape"] = _shape(r.json())
    return out


@pytest.fixture
def frozen(monkeypatch):
    monkeypatch.setattr(clock, "now", lambda: FROZEN_NOW)


def _live_openapi(client) -> dict:
    r = client.get("/api/v1/openapi.json")
    assert r.status_code == 200
    return _normalised(r.json())


def _write(path: Path, data) -> None:
    path.write_text(json.dumps(data, indent=1, sort_keys=True, ensure_ascii=False) + "\n", encoding="utf-8")


def _read(path: Path):
    return json.loads(path.read_text(encoding="utf-8"))


def test_openapi_document_is_unchanged(client, frozen):
    live = _live_openapi(client)
    if RECORD:
        _write(OPENAPI_FILE, live)
    recorded = _read(OPENAPI_FILE)
    assert sorted(live["paths"]) == sorted(recorded["paths"])
    for path, methods in recorded["paths"].items():
        assert sorted(live["paths"][path]) == sorted(methods), path
        for method, operation in methods.items():
            assert live["paths"][path][method] == operation, f"{method.upper()} {path}"
    assert live == recorded


@pytest.mark.parametrize(("method", "url"), REQUESTS)
def test_answers_are_unchanged(client, frozen, method, url):
    live = _answer(client, method, url)
    key = f"{method} {url}"
    if RECORD:
        answers = _read(ANSWERS_FILE) if ANSWERS_FILE.exists() else {}
        answers[key] = live
        _write(ANSWERS_FILE, answers)
    assert live == _read(ANSWERS_FILE)[key]
