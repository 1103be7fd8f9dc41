"""Shared fixtures. The whole test run points the app at its own temporary database."""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

import pytest

# Before anything imports zerosei_app.settings: a private var/ folder and database for this run.
_RUN_DIR = Path(tempfile.mkdtemp(prefix="zerosei-test-"))
os.environ["ZEROSEI_VAR_DIR"] = str(_RUN_DIR)
os.environ["DATABASE_URL"] = f"sqlite:///{_RUN_DIR / 'app.db'}"
os.environ.setdefault("ZEROSEI_SECRET_KEY", "test-secret-key-" + "x" * 40)
os.environ.setdefault("REFLEX_TELEMETRY_ENABLED", "false")

from sqlmodel import Session  # noqa: E402

from zerosei_app.db import make_engine  # noqa: E402
from zerosei_app.prestart import prepare  # noqa: E402

_TEMPLATE = _RUN_DIR / "template.db"


def _template_db() -> Path:
    """Migrated and seeded once per run; each test that writes gets a copy."""
    if not _TEMPLATE.exists():
        prepare(f"sqlite:///{_TEMPLATE}")
    return _TEMPLATE


@pytest.fixture(scope="session", autouse=True)
def app_database() -> Path:
    """The database the app itself (API, states) uses during tests: a seeded copy."""
    path = _RUN_DIR / "app.db"
    if not path.exists():
        shutil.copy(_template_db(), path)
    return path


@pytest.fixture
def db_url(tmp_path: Path) -> str:
    """A fresh seeded database of the test's own."""
    path = tmp_path / "db.sqlite"
    shutil.copy(_template_db(), path)
    return f"sqlite:///{path}"


@pytest.fixture
def session(db_url: str):
    engine = make_engine(db_url)
    with Session(engine) as s:
        yield s
    engine.dispose()


def pytest_sessionfinish(session, exitstatus):  # noqa: ARG001
    shutil.rmtree(_RUN_DIR, ignore_errors=True)
