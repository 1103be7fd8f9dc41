"""Every text key the code asks for must exist in every catalogue (a missing one shows up as a raw key)."""

import ast
from pathlib import Path

import pytest

import zerosei_app
from zerosei_app.domain.catalog import CATEGORIES, TOPICS
from zerosei_app.domain.errors import ERROR_CODES
from zerosei_app.i18n.catalogs import CATALOGS, COMPLETE_LANGUAGES

# The languages that must hold every key; the others show Italian for a documented list
# (README "Testi ancora in italiano", checked by test_i18n_languages.py).
LANGUAGES = COMPLETE_LANGUAGES

SOURCE_ROOT = Path(zerosei_app.__file__).resolve().parent


def literal_keys() -> set[str]:
    """Keys passed as string literals to t(...) / plural(...) anywhere in the app (plural → .one/.other)."""
    keys = set()
    for path in sorted(SOURCE_ROOT.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call):
                continue
            func = node.func
            name = getattr(func, "id", None) or getattr(func, "attr", None)
            if name not in ("t", "plural"):
                continue
            first = (
                node.args[0]
                if node.args
                else next((kw.value for kw in node.keywords if kw.arg in ("key", "key_base")), None)
            )
            if isinstance(first, ast.Constant) and isinstance(first.value, str):
                if name == "t":
                    keys.add(first.value)
                else:
                    keys.update((f"{first.value}.one", f"{first.value}.other"))
    return keys


def test_the_scan_finds_the_keys_we_know_about():
    keys = literal_keys()
    assert {"age.expecting", "age.months.one", "age.years.other"} <= keys


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_literal_key_exists(lang):
    missing = sorted(literal_keys() - set(CATALOGS[lang]))
    assert missing == [], f"{lang}.po lacks {missing}"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_dynamic_key_exists(lang):
    dynamic = (
        [f"error.{code}" for code in ERROR_CODES]
        + [f"category.{slug}" for slug in CATEGORIES]
        + [f"topic.{slug}" for slug in TOPICS]
    )
    missing = [key for key in dynamic if key not in CATALOGS[lang]]
    assert missing == [], f"{lang}.po lacks {missing}"


def field_error_codes(root: Path) -> set[str]:
    """Codes passed as literals to FieldError(field, "code") under `root`."""
    codes = set()
    for path in root.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "FieldError":
                keywords = {k.arg: k.value for k in node.keywords}
                code = node.args[1] if len(node.args) > 1 else keywords.get("code")
                if isinstance(code, ast.Constant) and isinstance(code.value, str):
                    codes.add(code.value)
    return codes


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_error_code_used_anywhere_has_a_message(lang):
    # The API and pages build FieldErrors too; FieldError.message must never show a raw key.
    keys = {f"error.{code}" for code in field_error_codes(SOURCE_ROOT)}
    missing = sorted(keys - set(CATALOGS[lang]))
    assert missing == [], f"{lang}.po lacks {missing}"


def test_error_codes_in_the_code_are_all_declared():
    # Codes are passed as literals to FieldError(field, "code") and AgeError("code").
    used = set()
    for path in (SOURCE_ROOT / "domain").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name):
                position = {"FieldError": 1, "AgeError": 0}.get(node.func.id)
                if position is not None and len(node.args) > position:
                    arg = node.args[position]
                    if isinstance(arg, ast.Constant):
                        used.add(arg.value)
    assert used
    assert used <= set(ERROR_CODES), used - set(ERROR_CODES)
