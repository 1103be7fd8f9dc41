"""The HSDS 3.0 tabular data package: one CSV per HSDS table plus `datapackage.json`.

Tables, file names, columns and types come from the standard's `tabular.json`
(zerosei_app/data/hsds/, a copy): every table is there, with a header, even when ZeroSei has
no rows for it. Rows are the same records the JSON API answers with, flattened: nested
objects become rows of their own table (deduplicated by id), linked by their `*_id` columns.
"""

from __future__ import annotations

import csv
import functools
import io
import json
import zipfile
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from zerosei_app.queries.hsds import HsdsData
from zerosei_app.view import hsds_out, hsds_taxonomies

TABULAR = Path(__file__).resolve().parent.parent / "data" / "hsds" / "tabular.json"

# Which table a nested key's objects belong to.
_NESTED = {
    "organization": "organization",
    "services": "service",
    "service": "service",
    "locations": "location",
    "location": "location",
    "addresses": "address",
    "phones": "phone",
    "schedules": "schedule",
    "languages": "language",
    "cost_options": "cost_option",
    "attributes": "attribute",
    "metadata": "metadata",
    "service_at_locations": "service_at_location",
    "taxonomy_term": "taxonomy_term",
    "taxonomy_detail": "taxonomy",
}
_FORMATS = {"uuid": "uuid", "email": "email", "uri": "uri"}


@functools.cache
def tables() -> dict[str, dict[str, Any]]:
    """table → its `items` object in tabular.json, in the standard's order."""
    spec = json.loads(TABULAR.read_text(encoding="utf-8"))["properties"]
    items = {name: prop["items"] for name, prop in spec.items()}
    return dict(sorted(items.items(), key=lambda kv: kv[1].get("datapackage_metadata", {}).get("order", 99)))


def columns(table: str) -> list[str]:
    return [n for n, p in tables()[table]["properties"].items() if p.get("type") not in ("array", "object", None)]


def _field(prop: dict[str, Any]) -> dict[str, Any]:
    field: dict[str, Any] = {"name": prop["name"], "type": prop.get("datapackage_type") or prop["type"]}
    if prop.get("format") in _FORMATS:
        field["format"] = _FORMATS[prop["format"]]
    for key in ("title", "description"):
        if prop.get(key):
            field[key] = prop[key]
    return field


def descriptor(created: datetime) -> dict[str, Any]:
    resources = []
    for name, spec in tables().items():
        meta = spec.get("datapackage_metadata", {})
        required = set(spec.get("required", []))
        fields = []
        for col in columns(name):
            field = _field(spec["properties"][col])
            if col in required:
                field["constraints"] = {"required": True}
            fields.append(field)
        resources.append(
            {
                "name": name,
                "path": spec["path"],
                "profile": meta.get("profile", "tabular-data-resource"),
                "format": meta.get("format", "csv"),
                "mediatype": meta.get("mediatype", "text/csv"),
                "encoding": "utf-8",
                "description": spec.get("description", ""),
                "schema": {"fields": fields, "primaryKey": "id"},
            }
        )
    return {
        "profile": "tabular-data-package",
        "name": "zerosei-hsds",
        "title": "Carta regionale per le famiglie ZeroSei (Regione Piemonte) – HSDS 3.0",
        "description": (
            "Centri per le famiglie, enti gestori e voci pubblicate delle Carte ZeroSei nel formato "
            "Open Referral HSDS 3.0 (tabular). Provenienza dei dati: zerosei_app/data/PROVENANCE.md."
        ),
        "version": hsds_out.HSDS_VERSION,
        "created": created.astimezone(UTC).isoformat(timespec="seconds").replace("+00:00", "Z"),
        "resources": resources,
    }


def rows(data: HsdsData, base_url: str = "") -> dict[str, list[dict[str, Any]]]:
    out: dict[str, dict[str, dict[str, Any]]] = {name: {} for name in tables()}

    def walk(table: str, obj: dict[str, Any]) -> None:
        if table not in out:
            return
        cols = columns(table)
        row = {k: v for k, v in obj.items() if k in cols and not isinstance(v, (list, dict))}
        out[table].setdefault(obj["id"], row)
        for key, value in obj.items():
            child = _NESTED.get(key)
            if child is None:
                continue
            for item in value if isinstance(value, list) else [value]:
                if isinstance(item, dict) and item.get("id"):
                    walk(child, item)

    for org in hsds_out.organizations(data):
        full = hsds_out.organization_out(data, org.id, full_service=True, base_url=base_url)
        walk("organization", full.model_dump(mode="json", exclude_none=True))
    for d in hsds_taxonomies.TAXONOMIES:
        walk("taxonomy", hsds_taxonomies.taxonomy_out(d).model_dump(mode="json", exclude_none=True))
    for term in hsds_taxonomies.taxonomy_terms():
        walk("taxonomy_term", term.model_dump(mode="json", exclude_none=True))
    return {table: list(found.values()) for table, found in out.items()}


def _csv(table: str, records: list[dict[str, Any]]) -> bytes:
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=columns(table), lineterminator="\r\n")
    writer.writeheader()
    for record in records:
        writer.writerow({k: ("" if v is None else v) for k, v in record.items()})
    return buf.getvalue().encode("utf-8")


def build_zip(data: HsdsData, created: datetime, base_url: str = "") -> bytes:
    meta = descriptor(created)
    found = rows(data, base_url)
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("datapackage.json", json.dumps(meta, ensure_ascii=False, indent=2))
        for resource in meta["resources"]:
            z.writestr(resource["path"], _csv(resource["name"], found[resource["name"]]))
    return buf.getvalue()
