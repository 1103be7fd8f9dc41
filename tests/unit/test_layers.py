"""The arrows the README draws, as a test: each package of zerosei_app imports only what its layer may.

    pages, components ──▶ state ──▶ queries ──▶ models           (the read pipe: state and api call a query,
                               ├──▶ view (words, view models)      then a view on the plain data it returned)
                               └──▶ commands ──▶ queries, models    (the write side: add, update, delete, audit)
    domain and i18n below everything; api and web beside state: they call queries and view too

- domain/ and i18n/: plain Python: no Reflex, no database (sqlmodel, sqlalchemy), no web framework and no other
  layer of the app; domain/ may use i18n/, i18n/ uses no domain/.
- view/: plain view models: no Reflex, no state, no database (no sqlmodel Session: data comes in from queries/).
- api/, web/, queries/: no state (nor the pages and components built on it).
- queries/: plain data, so no view/, i18n/ or schemas/ either, and nothing from auth/, api/ or web/ (the read pipe:
  link → domain → one query → one view). They only read: no `db.add`/`db.delete`, no `.add_all`/`.commit`/`.flush`/
  `.merge`, no `insert`/`update`/`delete` from sqlmodel or sqlalchemy, and nothing from commands/. No exception.
- commands/: the writes (and their audit records and outbox mails); they read through queries/ and models/, and
  import no view/, i18n/, schemas/, auth/, api/, web/, state/, pages/, components/ or Reflex.
- pages/, components/: only render: no queries, no commands, no database session, no tables.
- state/: thin (holds UI state, calls domain/, queries/, view/): it builds and runs no query of its own, so no
  `select`/`update`/`delete`/`insert`/`col` from sqlmodel or sqlalchemy and no `.exec()`/`.execute()`/`.scalars()`
  call (a primary-key `db.get`, `commit` and `rollback` are the handler's to do).

Imports are read with `ast` (also those inside functions, and relative ones), so nothing is imported to check.
When a rule is broken the test names the file, the line, the import and the rule. Adding
`from zerosei_app.state.percorso import PercorsoState` to api/app.py, for instance, gives:

    FAILED tests/unit/test_layers.py::test_every_layer_imports_only_what_the_arrows_allow
    E       AssertionError: imports against the layers:
    E         api/app.py:32 imports zerosei_app.state.percorso: api/, web/, queries/ import no state

A state running its own query (`from sqlmodel import Session, select` and, in `_fill`,
`comune = db.exec(select(Comune)).first()` in state/staff_centro.py) gives:

    E         state/staff_centro.py:5 imports select from sqlmodel: state/ runs no query of its own (use queries/)
    E         state/staff_centro.py:42 calls .exec(): state/ runs no query of its own (use queries/)

`test_a_broken_rule_is_reported` shows the same on synthetic modules, one per rule.
"""

from __future__ import annotations

import ast
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

import zerosei_app

ROOT = Path(zerosei_app.__file__).resolve().parent
APP_LAYERS = {p.name for p in ROOT.iterdir() if p.is_dir() and (p / "__init__.py").exists()}
APP_MODULES = APP_LAYERS | {p.stem for p in ROOT.glob("*.py") if p.stem != "__init__"}  # + db, settings, cli…
REFLEX = ("reflex", "reflex_base", "reflex_components_core")  # Reflex ships in several distributions
DATABASE = ("sqlmodel", "sqlalchemy", "alembic")
WEB_FRAMEWORK = ("fastapi", "starlette")


@dataclass(frozen=True)
class Rule:
    packages: tuple[str, ...]  # the layers the rule applies to
    forbidden: tuple[str, ...]  # module prefixes: "reflex", "zerosei_app.state", …
    says: str


def _app(*layers: str) -> tuple[str, ...]:
    return tuple(f"zerosei_app.{layer}" for layer in layers)


RULES = (
    Rule(
        ("domain", "i18n"),
        REFLEX + DATABASE + WEB_FRAMEWORK + _app(*sorted(APP_MODULES - {"domain", "i18n"})),
        "domain/ and i18n/ are plain Python: no Reflex, no database, no other layer",
    ),
    # The arrow goes one way: domain/ may word an error through i18n/, i18n/ knows no domain type.
    Rule(("i18n",), _app("domain"), "i18n/ imports no domain/ (domain/ may import i18n/, not back)"),
    Rule(
        ("view",),
        REFLEX + DATABASE + _app("state", "components", "pages", "db"),
        "view/ holds plain view models: no Reflex, no state, no database session",
    ),
    Rule(("api", "web", "queries"), _app("state", "components", "pages"), "api/, web/, queries/ import no state"),
    Rule(
        ("queries",),
        _app("view", "i18n", "schemas", "api", "web", "auth", "commands"),
        "queries/ return plain data: no view, no words, no API schemas, no writes, nothing from the layers above",
    ),
    Rule(
        ("commands",),
        REFLEX + _app("view", "state", "pages", "components", "api", "web", "i18n", "schemas", "auth"),
        "commands/ write through domain/, models/ and queries/: no view, no words, no API schemas, no layer above",
    ),
    Rule(
        ("pages", "components"),
        DATABASE + _app("queries", "commands", "db", "models"),
        "pages/ and components/ only render: no queries, no commands, no database session",
    ),
)


QUERY_BUILDERS = {"select", "update", "delete", "insert", "col", "text", "func"}
QUERY_RUNNERS = {"exec", "execute", "scalar", "scalars", "query"}
STATE_RULE = "state/ runs no query of its own (use queries/)"


def state_queries(source: str) -> list[str]:
    """'line imports x from m' / 'line calls .exec()' for every query built or run in a state module."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.split(".")[0] in DATABASE:
            found += [
                f"{node.lineno} imports {a.name} from {node.module}" for a in node.names if a.name in QUERY_BUILDERS
            ]
        elif isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr in QUERY_RUNNERS:
            found.append(f"{node.lineno} calls .{node.func.attr}()")
    return found


SESSION_NAMES = {"db", "session"}  # the database session is `db` (docs/GLOSSARY.md); `session` as a guard
SESSION_WRITES = {"add", "delete"}  # on the session only: sets have .add too
ANY_WRITES = {"add_all", "commit", "flush", "merge"}
WRITE_BUILDERS = {"insert", "update", "delete"}
QUERIES_RULE = "queries/ only read (writes live in commands/)"


def query_writes(source: str) -> list[str]:
    """'line calls db.add()' / 'line imports update from sqlalchemy' for every write in a queries/ module."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.split(".")[0] in DATABASE:
            found += [
                f"{node.lineno} imports {a.name} from {node.module}" for a in node.names if a.name in WRITE_BUILDERS
            ]
        elif isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
            method, owner = node.func.attr, node.func.value
            on_session = isinstance(owner, ast.Name) and owner.id in SESSION_NAMES
            if method in ANY_WRITES or (method in SESSION_WRITES and on_session):
                found.append(f"{node.lineno} calls .{method}()")
    return found


def imported_modules(source: str, package: str) -> list[tuple[int, str]]:
    """(line, absolute module name) of every import in `source`, a module of `package` ("zerosei_app.view")."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            parts = package.split(".")
            base = parts[: len(parts) - node.level + 1] if node.level else []  # relative: from ..queries import x
            module = ".".join(base + ([node.module] if node.module else []))
            if node.module is None or module == "zerosei_app":
                # `from . import clock`, `from zerosei_app import state`: the names are modules
                found += [(node.lineno, f"{module}.{alias.name}") for alias in node.names]
            else:
                found.append((node.lineno, module))
    return found


def violations(root: Path) -> list[str]:
    """Every import under `root` (a zerosei_app folder) that a rule forbids, as 'path:line imports x: rule'."""
    out = []
    for path in sorted(root.rglob("*.py")):
        rel = path.relative_to(root)
        if len(rel.parts) < 2:
            continue  # zerosei_app.py, cli.py, db.py… wire the layers together
        package = ".".join(("zerosei_app", *rel.parts[:-1]))
        rules = [r for r in RULES if rel.parts[0] in r.packages]
        source = path.read_text(encoding="utf-8")
        if rel.parts[0] == "state":
            out += [f"{rel.as_posix()}:{found}: {STATE_RULE}" for found in state_queries(source)]
        if rel.parts[0] == "queries":
            out += [f"{rel.as_posix()}:{found}: {QUERIES_RULE}" for found in query_writes(source)]
        for line, module in imported_modules(source, package):
            for rule in rules:
                if any(module == f or module.startswith(f + ".") for f in rule.forbidden):
                    out.append(f"{rel.as_posix()}:{line} imports {module}: {rule.says}")
    return out


def test_every_layer_imports_only_what_the_arrows_allow():
    found = violations(ROOT)
    assert not found, "\n".join(["imports against the layers:", *found])


def test_the_rules_name_real_packages():
    named = {p for rule in RULES for p in rule.packages}
    assert named <= APP_LAYERS, named - APP_LAYERS
    assert {"domain", "i18n", "view", "api", "web", "queries", "commands", "pages", "components", "state"} <= APP_LAYERS


@pytest.mark.parametrize(
    ("path", "source", "broken"),
    [
        ("domain/x.py", "import reflex as rx", "imports reflex: domain/"),
        ("domain/x.py", "from sqlmodel import Session", "imports sqlmodel: domain/"),
        ("i18n/x.py", "from sqlalchemy.orm import Session", "imports sqlalchemy.orm: domain/"),
        ("domain/x.py", "from ..queries.comuni import comune_index", "imports zerosei_app.queries.comuni: domain/"),
        ("i18n/x.py", "from ..domain.months import YearMonth", "imports zerosei_app.domain.months: i18n/"),
        ("domain/x.py", "from zerosei_app import models", "imports zerosei_app.models: domain/"),
        ("domain/x.py", "from fastapi import FastAPI", "imports fastapi: domain/"),
        ("domain/x.py", "from zerosei_app.db import session_scope", "imports zerosei_app.db: domain/"),
        ("view/x.py", "from reflex_base.vars import Var", "imports reflex_base.vars: view/"),
        ("view/x.py", "from zerosei_app.state.percorso import PercorsoState", "imports zerosei_app.state.percorso"),
        ("view/x.py", "from sqlmodel import Session", "imports sqlmodel: view/"),
        ("view/x.py", "from zerosei_app.db import session_scope", "imports zerosei_app.db: view/"),
        ("queries/percorso.py", "from zerosei_app.i18n.format import age_in_words", "imports zerosei_app.i18n.format"),
        ("queries/contacts.py", "from zerosei_app.schemas.percorso import CentroOut", "no API schemas"),
        ("queries/opendata.py", "from zerosei_app.view.percorso_out import map_url", "plain data: no view"),
        ("api/x.py", "from zerosei_app.state import staff_base", "imports zerosei_app.state: api/"),
        ("web/x.py", "def f():\n    from ..state.percorso import PercorsoState", "x.py:2 imports zerosei_app.state"),
        ("queries/x.py", "import zerosei_app.components.layout", "imports zerosei_app.components.layout: api/"),
        ("pages/x.py", "from zerosei_app.db import session_scope", "imports zerosei_app.db: pages/"),
        ("components/x.py", "from sqlmodel import select", "imports sqlmodel: pages/"),
        ("components/x.py", "from zerosei_app.queries.comuni import get_comune", "imports zerosei_app.queries"),
        ("pages/x.py", "from ..models import Centro", "imports zerosei_app.models: pages/"),
        ("state/x.py", "from sqlmodel import Session, select", "x.py:1 imports select from sqlmodel: state/"),
        ("state/x.py", "from sqlalchemy import update", "imports update from sqlalchemy: state/"),
        ("state/x.py", "def load(self, db):\n    db.exec(q)", "x.py:2 calls .exec(): state/"),
        ("state/sub/x.py", "rows = session.execute(q).all()", "calls .execute(): state/"),
        ("queries/x.py", "from zerosei_app.commands.audit import record", "imports zerosei_app.commands.audit"),
        ("queries/x.py", "def f(db, row):\n    db.add(row)", "x.py:2 calls .add(): queries/ only read"),
        ("queries/x.py", "def f(db):\n    db.flush()", "x.py:2 calls .flush(): queries/ only read"),
        ("queries/x.py", "def f(s):\n    s.commit()", "x.py:2 calls .commit(): queries/ only read"),
        ("queries/x.py", "from sqlalchemy import update", "x.py:1 imports update from sqlalchemy: queries/"),
        ("queries/x.py", "from sqlmodel import delete", "x.py:1 imports delete from sqlmodel: queries/"),
        ("commands/x.py", "from zerosei_app.view.staff_entry import x", "imports zerosei_app.view.staff_entry"),
        ("commands/x.py", "from ..i18n import t", "imports zerosei_app.i18n: commands/"),
        ("commands/x.py", "from zerosei_app.schemas.percorso import VoceOut", "no API schemas, no layer above"),
        ("commands/x.py", "from zerosei_app.state import staff_base", "imports zerosei_app.state: commands/"),
        ("pages/x.py", "from zerosei_app.commands import audit", "no queries, no commands"),
    ],
)
def test_a_broken_rule_is_reported(tmp_path, path, source, broken):
    """A synthetic module that breaks one rule: the test above would fail with this line."""
    (tmp_path / path).parent.mkdir(parents=True)
    (tmp_path / path).write_text(source + "\n", encoding="utf-8")
    found = violations(tmp_path)
    assert len(found) == 1 and broken in found[0], found


@pytest.mark.parametrize(
    ("path", "source"),
    [
        ("domain/x.py", "from ..i18n.catalogs import LANGUAGES\nfrom . import clock\nimport pydantic"),
        (
            "view/x.py",
            "from zerosei_app.queries.percorso import PathData\nfrom zerosei_app.schemas.percorso import VoceOut",
        ),
        ("queries/x.py", "from zerosei_app.domain.link import PathQuery\nfrom sqlmodel import Session"),
        ("queries/x.py", "def f(db, rows):\n    seen = set()\n    seen.add(1)\n    return db.exec(rows).all()"),
        (
            "commands/x.py",
            "from sqlalchemy import update\nfrom zerosei_app.queries.audit import history\n"
            "from zerosei_app.domain import clock\ndef f(db, r):\n    db.add(r)\n    db.flush()",
        ),
        ("api/x.py", "from zerosei_app.queries import opendata\nfrom reflex.app import App"),
        ("pages/x.py", "import reflex as rx\nfrom zerosei_app.state.percorso import PercorsoState"),
        ("components/x.py", "from zerosei_app.view.percorso_view import ChildView\nfrom ..i18n import t"),
        ("state/x.py", "from zerosei_app.queries.comuni import comune_index\nfrom sqlmodel import Session"),
        (
            "state/x.py",
            "from sqlalchemy.exc import OperationalError\ndef f(self, db):\n    db.get(C, 1)\n    db.commit()",
        ),
    ],
)
def test_what_the_arrows_allow_passes(tmp_path, path, source):
    (tmp_path / path).parent.mkdir(parents=True)
    (tmp_path / path).write_text(source + "\n", encoding="utf-8")
    assert violations(tmp_path) == []


def test_importing_the_core_loads_neither_reflex_nor_the_database():
    """What the source says holds at run time too: importing domain/ and i18n/ pulls in no Reflex and no ORM."""
    modules = [
        f"zerosei_app.{package}.{path.stem}"
        for package in ("domain", "i18n")
        for path in sorted((ROOT / package).glob("*.py"))
        if path.stem != "__init__"
    ]
    code = (
        "import sys\n"
        + "".join(f"import {m}\n" for m in modules)
        + f"loaded = sorted({{m.split('.')[0] for m in sys.modules}} & {set(REFLEX + DATABASE)!r})\n"
        + "assert not loaded, loaded\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True, cwd=ROOT.parent)
