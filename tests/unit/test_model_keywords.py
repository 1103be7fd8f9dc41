"""A table model silently drops a keyword it has no field for (SQLModel does not validate table models), so a
column renamed in a migration but not at a call site would lose the value without an error. Every call of a
model class in the code, the tests and the benchmarks names only fields the model has."""

from __future__ import annotations

import ast
from pathlib import Path

from sqlmodel import SQLModel

import zerosei_app.models  # noqa: F401 - registers every table

ROOT = Path(__file__).resolve().parents[2]


def _models() -> dict[str, set[str]]:
    out = {}
    for mapper in SQLModel._sa_registry.mappers:
        cls = mapper.class_
        out[cls.__name__] = set(cls.model_fields)
    return out


def test_every_model_call_names_real_fields():
    models = _models()
    wrong = []
    for folder in ("zerosei_app", "tests", "bench"):
        for path in sorted((ROOT / folder).rglob("*.py")):
            tree = ast.parse(path.read_text(encoding="utf-8"))
            for node in ast.walk(tree):
                if not isinstance(node, ast.Call):
                    continue
                name = node.func.id if isinstance(node.func, ast.Name) else getattr(node.func, "attr", None)
                if name not in models:
                    continue
                for kw in node.keywords:
                    if kw.arg is not None and kw.arg not in models[name]:
                        wrong.append(f"{path.relative_to(ROOT)}:{node.lineno} {name}({kw.arg}=…)")
    assert len(models) >= 15
    assert wrong == []
