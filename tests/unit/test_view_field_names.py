"""A view model reaches the page as a Reflex object Var: a field named like one of that Var's own methods
(`entries`, `items`, `keys`, `values`, `length`, …) is shadowed, and the page stops compiling ("Cannot pass a
Var to a built-in function"), which only the browser tests would notice. Caught here, in a second."""

from __future__ import annotations

import ast
from pathlib import Path

from reflex.vars.object import ObjectVar

ROOT = Path(__file__).resolve().parents[2] / "zerosei_app"
RESERVED = {n for n in dir(ObjectVar) if not n.startswith("_")}


def test_view_model_fields_do_not_shadow_object_var_methods():
    assert {"entries", "items", "keys", "values", "length"} <= RESERVED
    found = []
    for path in sorted((ROOT / "view").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.ClassDef) or node.name.startswith("_"):
                continue
            for stmt in node.body:
                if isinstance(stmt, ast.AnnAssign) and isinstance(stmt.target, ast.Name) and stmt.target.id in RESERVED:
                    found.append(f"{path.name}: {node.name}.{stmt.target.id}")
    assert found == []
