"""Shared fixtures. The whole test run points the app at its own temporary database."""

from __future__ import annotations

import os
import shutil
import tempfile
import uuid
from pathlib import Path

import pytest

# Before anything imports zerosei_app.settings: a private var/ folder and database for this run.
_RUN_DIR = Path(tempfile.mkdtemp(prefix="zerosei-test-"))
os.environ["ZEROSEI_VAR_DIR"] = str(_RUN_DIR)
os.environ["DATABASE_URL"] = f"sqlite:///{_RUN_DIR / 'app.db'}"
os.environ.setdefault("ZEROSEI_SECRET_KEY", "test-secret-key-" + "x" * 40)
os.environ.setdefault("REFLEX_TELEMETRY_ENABLED", "false")
# Starlette's TestClient sends `Host: testserver`; state tests use test.local and genitori.example.
os.environ.setdefault(
    "ZEROSEI_ALLOWED_HOSTS", "localhost,127.0.0.1,::1,testserver,test.local,genitori.example,zerosei.example.it"
)
# Load tests open dozens of tabs from 127.0.0.1; the per-address cap has its own test (test_ws_guard.py).
os.environ.setdefault("ZEROSEI_WS_MAX_PER_ADDRESS", "1000")

from argon2 import PasswordHasher  # noqa: E402
from sqlalchemy import create_engine, make_url  # noqa: E402
from sqlmodel import Session  # noqa: E402

from tests.confirmed_cartas import confirm_templates  # noqa: E402
from zerosei_app.auth import passwords  # noqa: E402
from zerosei_app.db import make_engine  # noqa: E402
from zerosei_app.prestart import prepare  # noqa: E402

_TEMPLATE = _RUN_DIR / "template.db"


def _with_confirmed_cartas(url: str) -> None:
    """The seed plus Cartas the centres confirmed (tests/confirmed_cartas.py): paths full of services."""
    engine = make_engine(url)
    with Session(engine) as s:
        confirm_templates(s)
        s.commit()
    engine.dispose()


def _template_db() -> Path:
    """Migrated and seeded once per run, plus confirmed Cartas; each test that writes gets a copy."""
    if not _TEMPLATE.exists():
        prepare(f"sqlite:///{_TEMPLATE}")
        _with_confirmed_cartas(f"sqlite:///{_TEMPLATE}")
    return _TEMPLATE


@pytest.fixture(scope="session", autouse=True)
def app_database() -> Path:
    """The database the app itself (API, states) uses during tests: a seeded copy."""
    path = _RUN_DIR / "app.db"
    if not path.exists():
        shutil.copy(_template_db(), path)
    return path


_PG_TEMPLATE = "zerosei_test_template"


def _postgres_admin():
    """An autocommit engine on the maintenance database of ZEROSEI_TEST_POSTGRES_URL."""
    return create_engine(os.environ["ZEROSEI_TEST_POSTGRES_URL"], isolation_level="AUTOCOMMIT")


def _postgres_template() -> None:
    """Migrated and seeded once per run, then copied per test with CREATE DATABASE … TEMPLATE."""
    admin = _postgres_admin()
    with admin.connect() as conn:
        conn.exec_driver_sql(f"DROP DATABASE IF EXISTS {_PG_TEMPLATE} WITH (FORCE)")
        conn.exec_driver_sql(f"CREATE DATABASE {_PG_TEMPLATE}")
    admin.dispose()
    url = (
        make_url(os.environ["ZEROSEI_TEST_POSTGRES_URL"])
        .set(database=_PG_TEMPLATE)
        .render_as_string(hide_password=False)
    )
    prepare(url)
    _with_confirmed_cartas(url)


def pytest_generate_tests(metafunc):
    """Tests marked `both_databases` run on SQLite and, when CI gives one, on PostgreSQL too."""
    if (
        "db_url" in metafunc.fixturenames
        and metafunc.definition.get_closest_marker("both_databases")
        and not metafunc.definition.get_closest_marker("sqlite_only")
        and os.environ.get("ZEROSEI_TEST_POSTGRES_URL")
    ):
        metafunc.parametrize("db_url", ["sqlite", "postgresql"], indirect=True)


@pytest.fixture
def db_url(request, tmp_path: Path):
    """A fresh seeded database of the test's own (SQLite, or PostgreSQL when parametrized)."""
    if getattr(request, "param", "sqlite") == "sqlite":
        path = tmp_path / "db.sqlite"
        shutil.copy(_template_db(), path)
        yield f"sqlite:///{path}"
        return
    global _pg_template_ready
    if not _pg_template_ready:
        _postgres_template()
        _pg_template_ready = True
    name = f"zerosei_test_{uuid.uuid4().hex[:12]}"
    admin = _postgres_admin()
    with admin.connect() as conn:
        conn.exec_driver_sql(f"CREATE DATABASE {name} TEMPLATE {_PG_TEMPLATE}")
    yield make_url(os.environ["ZEROSEI_TEST_POSTGRES_URL"]).set(database=name).render_as_string(hide_password=False)
    with admin.connect() as conn:
        conn.exec_driver_sql(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
    admin.dispose()


_pg_template_ready = False


@pytest.fixture
def db(db_url: str):
    engine = make_engine(db_url)
    with Session(engine) as s:
        yield s
    engine.dispose()


@pytest.fixture
def fast_hashing(monkeypatch):
    """argon2 with tiny costs, so building many accounts stays quick (test_staff_auth.py checks the real ones)."""
    cheap = PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1)
    monkeypatch.setattr(passwords, "hasher", lambda: cheap)
    passwords._dummy_hash.cache_clear()
    yield
    passwords._dummy_hash.cache_clear()


def pytest_sessionfinish(session, exitstatus):  # noqa: ARG001
    shutil.rmtree(_RUN_DIR, ignore_errors=True)


@pytest.fixture
def smtp_server():
    """A real SMTP server (aiosmtpd) on a free local port: (port, inbox with .messages)."""
    from tests.mail_support import start_server

    controller, inbox = start_server()
    yield controller.port, inbox
    controller.stop()


@pytest.fixture
def mail_via_smtp(smtp_server, monkeypatch):
    """The app's own mail settings point at the test's SMTP server (as the environment would)."""
    from tests.mail_support import smtp_env
    from zerosei_app import settings

    port, inbox = smtp_server
    for key, value in smtp_env(port).items():
        monkeypatch.setenv(key, value)
    settings.get_mail_settings.cache_clear()
    yield port, inbox
    monkeypatch.undo()
    settings.get_mail_settings.cache_clear()
