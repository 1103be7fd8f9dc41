"""The shape of zerosei_app as a test: no import circle, no arrow back up, no long or tangled function.

- 0 import circles among the modules of zerosei_app (imports read with `ast` by test_layers.imported_modules,
  also those inside functions; a strongly connected component of more than one module is a circle).
- No arrow back up: queries/ import no auth/ (auth/ sits above the queries it runs). The rules of
  tests/unit/test_layers.py stay as they are.
- No function over 60 lines (def line to last line) in zerosei_app/.
- ruff guards complexity: C901 (max-complexity 15) and PLR0915 (max-statements 60) are selected in
  pyproject.toml, with no per-file ignores, so `make lint` fails on a new tangled function; the test runs them too.
"""

from __future__ import annotations

import ast
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

from tests.unit.test_layers import ROOT, imported_modules

MAX_LINES = 60
MAX_COMPLEXITY = 15
MAX_STATEMENTS = 60
PYPROJECT = ROOT.parent / "pyproject.toml"

# TEMP until merge: the breaks of today that the other branches of issue 19 remove; the merge drops the xfails.
TODAY = (
    "circles queries/contatti<->percorso, api/hsds<->hsds_calendar, queries/hsds<->hsds_schedules; "
    "functions over 60 lines in pages/ and components/ staff_*, view/percorso_view.services_view, "
    "queries/percorso.build_percorso, components/combobox.combobox"
)
until_merge = pytest.mark.xfail(strict=False, reason=f"today's breaks, removed by the branches of issue 19: {TODAY}")


def module_name(path: Path, root: Path = ROOT) -> str:
    rel = path.relative_to(root.parent).with_suffix("")
    parts = rel.parts[:-1] if rel.name == "__init__" else rel.parts
    return ".".join(parts)


def import_graph(root: Path = ROOT) -> dict[str, set[str]]:
    """module -> the app modules it imports (a `from zerosei_app.queries.x import f` is an arrow to ...queries.x)."""
    modules = {module_name(p, root): p for p in root.rglob("*.py")}
    graph: dict[str, set[str]] = {m: set() for m in modules}
    for module, path in modules.items():
        package = module if path.name == "__init__.py" else module.rsplit(".", 1)[0]
        for _, imported in imported_modules(path.read_text(encoding="utf-8"), package):
            while imported and imported not in modules:  # `from ..queries.x import f` names f, not a module
                imported = imported.rpartition(".")[0]
            if imported and imported not in (module, root.name):
                graph[module].add(imported)
    return graph


def circles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected components of more than one module (Tarjan's algorithm, iterative)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []
    for start in sorted(graph):
        if start in index:
            continue
        work = [(start, iter(sorted(graph[start])))]
        index[start] = low[start] = len(index)
        stack.append(start)
        on_stack.add(start)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is None:
                work.pop()
                if work:
                    low[work[-1][0]] = min(low[work[-1][0]], low[node])
                if low[node] == index[node]:
                    component = []
                    while True:
                        member = stack.pop()
                        on_stack.discard(member)
                        component.append(member)
                        if member == node:
                            break
                    if len(component) > 1:
                        found.append(sorted(component))
            elif child not in index:
                index[child] = low[child] = len(index)
                stack.append(child)
                on_stack.add(child)
                work.append((child, iter(sorted(graph.get(child, ())))))
            elif child in on_stack:
                low[node] = min(low[node], index[child])
    return found


def long_functions(root: Path = ROOT, limit: int = MAX_LINES) -> list[str]:
    out = []
    for path in sorted(root.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                lines = node.end_lineno - node.lineno + 1
                if lines > limit:
                    out.append(f"{path.relative_to(root).as_posix()}:{node.lineno} {node.name} ({lines} lines)")
    return out


UPWARD = (("queries", "zerosei_app.auth", "queries/ import no auth/ (auth/ uses queries, not the other way)"),)


def upward_arrows(root: Path = ROOT) -> list[str]:
    out = []
    for layer, forbidden, says in UPWARD:
        for path in sorted((root / layer).rglob("*.py")):
            package = module_name(path).rsplit(".", 1)[0] if path.name != "__init__.py" else module_name(path)
            for line, module in imported_modules(path.read_text(encoding="utf-8"), package):
                if module == forbidden or module.startswith(forbidden + "."):
                    out.append(f"{path.relative_to(root).as_posix()}:{line} imports {module}: {says}")
    return out


@until_merge
def test_no_import_circle():
    found = circles(import_graph())
    assert not found, "import circles:\n" + "\n".join(" <-> ".join(c) for c in found)


def test_no_arrow_back_up():
    found = upward_arrows()
    assert not found, "\n".join(["imports back up:", *found])


@until_merge
def test_no_function_over_60_lines():
    found = long_functions()
    assert not found, "\n".join([f"functions over {MAX_LINES} lines:", *found])


def test_ruff_guards_complexity_without_exceptions():
    config = tomllib.loads(PYPROJECT.read_text(encoding="utf-8"))["tool"]["ruff"]
    lint = config["lint"]
    assert {"C901", "PLR0915"} <= set(lint["select"])
    assert lint["mccabe"]["max-complexity"] == MAX_COMPLEXITY
    assert lint["pylint"]["max-statements"] == MAX_STATEMENTS
    assert "per-file-ignores" not in lint and "per-file-ignores" not in config
    assert "C901" not in lint.get("ignore", []) and "PLR0915" not in lint.get("ignore", [])


def test_no_function_too_complex():
    done = subprocess.run(
        [sys.executable, "-m", "ruff", "check", "--select", "C901,PLR0915", "--output-format", "concise", str(ROOT)],
        capture_output=True,
        text=True,
        cwd=ROOT.parent,
    )
    assert done.returncode == 0, done.stdout + done.stderr


def test_a_circle_is_found(tmp_path):
    """Three synthetic modules a -> b -> c -> a and one d -> a: the circle is a, b, c."""
    app = tmp_path / "zerosei_app"
    (app / "pkg").mkdir(parents=True)
    (app / "__init__.py").write_text("")
    (app / "pkg" / "__init__.py").write_text("")
    (app / "pkg" / "a.py").write_text("from .b import f\n")
    (app / "pkg" / "b.py").write_text("def g():\n    from zerosei_app.pkg.c import h\n")
    (app / "pkg" / "c.py").write_text("from . import a\n")
    (app / "pkg" / "d.py").write_text("from zerosei_app.pkg import a\n")
    assert circles(import_graph(app)) == [["zerosei_app.pkg.a", "zerosei_app.pkg.b", "zerosei_app.pkg.c"]]
