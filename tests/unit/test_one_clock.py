"""Only zerosei_app/domain/clock.py reads the system time (date.today(), datetime.now(), …): everything
else asks the clock, so "today" is Italy's date everywhere (see tests/unit/test_clock.py)."""

from __future__ import annotations

import ast
from pathlib import Path

import zerosei_app

PACKAGE = Path(zerosei_app.__file__).parent
CLOCK = PACKAGE / "domain" / "clock.py"
READERS = {("date", "today"), ("datetime", "now"), ("datetime", "utcnow"), ("datetime", "today")}


def readings_of_the_system_time(source: str) -> list[str]:
    """`date.today()`, `datetime.now(UTC)`, `datetime.datetime.utcnow()` calls in the source (durations with
    time.monotonic() are no reading of the date)."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
            owner = node.func.value
            name = owner.attr if isinstance(owner, ast.Attribute) else getattr(owner, "id", None)
            if (name, node.func.attr) in READERS:
                found.append(f"{ast.unparse(node.func)}() on line {node.lineno}")
    return found


def test_the_checker_sees_every_way_of_reading_the_time():
    src = "import datetime\nfrom datetime import date\ndate.today(); datetime.datetime.now(); datetime.utcnow()"
    assert len(readings_of_the_system_time(src)) == 3


def test_only_the_clock_reads_the_system_time():
    offenders = {
        str(path.relative_to(PACKAGE)): found
        for path in sorted(PACKAGE.rglob("*.py"))
        if path != CLOCK and (found := readings_of_the_system_time(path.read_text(encoding="utf-8")))
    }
    assert offenders == {}, f"use zerosei_app.domain.clock instead: {offenders}"
