"""The HSDS 3.0 JSON schemas for the tests: tests/data/hsds (a copy, see its README)."""

from __future__ import annotations

import functools
import gzip
import json
from pathlib import Path

from jsonschema import Draft202012Validator, FormatChecker
from referencing import Registry, Resource

DATA = Path(__file__).parent / "data" / "hsds"


@functools.cache
def schema(name: str) -> dict:
    gz = DATA / f"{name}.json.gz"
    if gz.exists():
        return json.loads(gzip.decompress(gz.read_bytes()))
    return json.loads((DATA / f"{name}.json").read_text())


@functools.cache
def validator(name: str) -> Draft202012Validator:
    """Draft 2020-12 with formats checked; the plain object schemas' `$ref`s resolve to the copies."""
    registry = Registry().with_resources(
        (f"{n}.json", Resource.from_contents(schema(n), default_specification=_draft()))
        for n in ("taxonomy", "taxonomy_term", "metadata")
    )
    return Draft202012Validator(schema(name), format_checker=FormatChecker(), registry=registry)


def _draft():
    from referencing.jsonschema import DRAFT202012

    return DRAFT202012


def errors(name: str, instance) -> list[str]:
    return [f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in validator(name).iter_errors(instance)]
