"""The domain core and i18n stay plain Python: importable by scripts, tests and workers without Reflex."""

import ast
import subprocess
import sys
from pathlib import Path

import zerosei_app

ROOT = Path(zerosei_app.__file__).resolve().parent
PURE_PACKAGES = ("domain", "i18n")


def test_no_reflex_import_in_the_source():
    for package in PURE_PACKAGES:
        for path in (ROOT / package).rglob("*.py"):
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                names = []
                if isinstance(node, ast.Import):
                    names = [alias.name for alias in node.names]
                elif isinstance(node, ast.ImportFrom) and node.module:
                    names = [node.module]
                assert not any(n == "reflex" or n.startswith("reflex.") for n in names), path


def test_importing_the_core_does_not_load_reflex():
    modules = [
        f"zerosei_app.{package}.{path.stem}"
        for package in PURE_PACKAGES
        for path in sorted((ROOT / package).glob("*.py"))
        if path.stem != "__init__"
    ]
    code = (
        "import sys\n"
        + "".join(f"import {m}\n" for m in modules)
        + ("loaded = [m for m in sys.modules if m == 'reflex' or m.startswith('reflex.')]\nassert not loaded, loaded\n")
    )
    subprocess.run([sys.executable, "-c", code], check=True, cwd=ROOT.parent)
