"""Words have one home, view/: state/ calls the views and never words a text itself (issue 19).

state/ may import from zerosei_app.i18n only what it needs to pick and announce the page's language:
- `DEFAULT_LANG`, `LANGUAGES` (which `lang=` a link may ask for),
- `direction` (i18n/coverage.py: `<html dir>` for the chosen language),
- `GLOBAL`, `UI_PREFIX`, `script_url` (i18n/ui_script.py: loading the chosen language's texts in the browser;
  state/ui.py re-exports UI_PREFIX for the pages and tests).
Anything else, `t`, `plural`, the catalogues or a format helper of i18n/format.py, and Babel itself, is wording:
a new `t(...)` in a state fails here and belongs in a function of view/ (view/page_words.py for the parents'
pages, view/staff_messages.py for the staff screens, view/wording.py for ages, dates and counts).

Nor does a state hold a sentence of its own: a string of two or more words with an Italian function word in
it ("Non salvato: …") is a text for the staff or the families, and lives in view/.

Imports and strings are read with `ast` (also inside functions), so nothing is imported to check.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import zerosei_app
from zerosei_app.commands import reports
from zerosei_app.view.page_words import REPORT_OUTCOME_KEYS

STATE = Path(zerosei_app.__file__).resolve().parent / "state"
LANGUAGE_HELPERS = {
    "zerosei_app.i18n": {"DEFAULT_LANG", "LANGUAGES"},
    "zerosei_app.i18n.coverage": {"direction"},
    "zerosei_app.i18n.ui_script": {"GLOBAL", "UI_PREFIX", "script_url"},
}
WORDING_MODULES = ("babel",)
ITALIAN = re.compile(r"\b(il|la|le|di|del|della|per|con|non|una|un|che|sono|è|alla|dal|nel)\b", re.IGNORECASE)


def wording_imports(source: str, name: str) -> list[str]:
    """Each import of a module that words things, as "file:line imports what"."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.startswith(("zerosei_app.i18n", *WORDING_MODULES)):
                    found.append(f"{name}:{node.lineno} imports {alias.name}")
        elif isinstance(node, ast.ImportFrom) and node.module:
            if node.module.startswith(WORDING_MODULES):
                found.append(f"{name}:{node.lineno} imports {node.module}")
            elif node.module.startswith("zerosei_app.i18n"):
                allowed = LANGUAGE_HELPERS.get(node.module, set())
                found += [
                    f"{name}:{node.lineno} imports {a.name} from {node.module}"
                    for a in node.names
                    if a.name not in allowed
                ]
    return found


def test_state_imports_no_wording_helper():
    found = [
        hit for path in sorted(STATE.glob("*.py")) for hit in wording_imports(path.read_text(), f"state/{path.name}")
    ]
    assert found == [], "state/ words nothing itself (call a view/ function):\n" + "\n".join(found)


def test_state_asks_no_error_for_its_words():
    """A FieldError's `.message(lang)` is its sentence: view/ asks it (page_words.notices, staff_messages.field_errors)."""
    found = [
        f"state/{path.name}:{node.lineno}"
        for path in sorted(STATE.glob("*.py"))
        for node in ast.walk(ast.parse(path.read_text()))
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "message"
    ]
    assert found == [], "state/ words an error itself:\n" + "\n".join(found)


def test_a_new_t_in_a_state_is_reported():
    source = "from zerosei_app.i18n import LANGUAGES, t\nfrom zerosei_app.i18n.format import month_year\n"
    assert wording_imports(source, "state/x.py") == [
        "state/x.py:1 imports t from zerosei_app.i18n",
        "state/x.py:2 imports month_year from zerosei_app.i18n.format",
    ]
    assert wording_imports("import babel.dates\n", "state/x.py") == ["state/x.py:1 imports babel.dates"]


def test_every_report_outcome_has_its_sentence():
    outcomes = {reports.SAVED, reports.THROTTLED, reports.DUPLICATE, reports.TARGET_FULL, reports.NOT_FOUND}
    assert set(REPORT_OUTCOME_KEYS) == outcomes


def sentences(source: str) -> list[tuple[int, str]]:
    """The string constants that read as Italian sentences (docstrings and single words aside)."""
    tree = ast.parse(source)
    docs = {
        id(node.body[0].value)
        for node in ast.walk(tree)
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef))
        and node.body
        and isinstance(node.body[0], ast.Expr)
        and isinstance(node.body[0].value, ast.Constant)
    }
    return [
        (node.lineno, node.value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant)
        and isinstance(node.value, str)
        and id(node) not in docs
        and len(node.value.split()) >= 2
        and ITALIAN.search(node.value)
    ]


def test_state_holds_no_sentence():
    found = [
        f"state/{path.name}:{line} {text[:70]!r}"
        for path in sorted(STATE.glob("*.py"))
        for line, text in sentences(path.read_text())
    ]
    assert found == [], "a sentence in state/ (move it to view/):\n" + "\n".join(found)


def test_a_sentence_in_a_state_is_reported():
    source = '"""Docstring: non è un testo."""\nX = "Non salvato: riprova."\nY = "ok"\n'
    assert sentences(source) == [(2, "Non salvato: riprova.")]


def app_sources() -> list[tuple[Path, ast.Module]]:
    """queries/ and, once the writes move there, commands/: where refusals are raised and problems asked."""
    root = STATE.parent
    return [(p, ast.parse(p.read_text())) for d in ("queries", "commands") for p in sorted((root / d).glob("*.py"))]


def refusal_codes() -> set[str]:
    """The codes raised as a Refused (`raise EnteError("ente_unknown")`), and the domain's own."""
    sources = app_sources()
    kinds = {
        node.name
        for _, tree in sources
        for node in ast.walk(tree)
        if isinstance(node, ast.ClassDef) and any(getattr(b, "id", "") == "Refused" for b in node.bases)
    }
    codes = {"chiusura_past"}  # domain/chiusure.check_not_past's, raised by queries/chiusure.add
    for path, tree in sources:
        for node in ast.walk(tree):
            if (
                isinstance(node, ast.Raise)
                and isinstance(node.exc, ast.Call)
                and getattr(node.exc.func, "id", "") in kinds
            ):
                first = node.exc.args[0] if node.exc.args else None
                if isinstance(first, ast.Name) and first.id == "problem":  # check_not_past's code, counted above
                    continue
                assert isinstance(first, ast.Constant), f"{path.name}:{node.lineno} raises a refusal without a code"
                codes.add(first.value)
    return codes


def test_every_refusal_code_has_its_sentence_and_no_sentence_is_left_over():
    from zerosei_app.view.staff_messages import REFUSALS

    assert refusal_codes() == set(REFUSALS)


def test_every_import_problem_asked_by_queries_is_in_the_table_and_none_is_unused():
    from zerosei_app.domain.import_problems import IMPORT_PROBLEMS

    asked = {
        node.args[0].value
        for _, tree in app_sources()
        for node in ast.walk(tree)
        if isinstance(node, ast.Call)
        and getattr(node.func, "id", "") == "problem"
        and node.args
        and isinstance(node.args[0], ast.Constant)
    }
    assert asked == set(IMPORT_PROBLEMS)
