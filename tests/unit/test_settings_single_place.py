"""Every setting is read in one place (zerosei_app/settings.py, pydantic-settings) and a bad one stops the
start naming its variable.

The scan reads the code with `ast`: `os.environ`, `os.getenv`, `from os import environ/getenv` and
`os.environb` anywhere in zerosei_app/ but settings.py (and rxconfig.py, Reflex's own config, which takes its
values from settings.py) fail the test with the file and line.
"""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

import zerosei_app
from zerosei_app import settings

ROOT = Path(zerosei_app.__file__).resolve().parent
ALLOWED = {ROOT / "settings.py", ROOT.parent / "rxconfig.py"}
ENV_NAMES = {"environ", "environb", "getenv", "getenvb", "putenv", "unsetenv"}


def env_reads(source: str) -> list[int]:
    """Lines that read or write the process environment directly."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Attribute) and node.attr in ENV_NAMES:
            if isinstance(node.value, ast.Name) and node.value.id == "os":
                found.append(node.lineno)
        elif isinstance(node, ast.ImportFrom) and node.module == "os":
            found += [node.lineno for alias in node.names if alias.name in ENV_NAMES]
    return found


def test_only_settings_reads_the_environment():
    files = [*ROOT.rglob("*.py"), ROOT.parent / "rxconfig.py"]
    found = [
        f"{path.relative_to(ROOT.parent)}:{line}"
        for path in sorted(files)
        if path not in ALLOWED
        for line in env_reads(path.read_text(encoding="utf-8"))
    ]
    assert not found, "read the variable in zerosei_app/settings.py instead:\n" + "\n".join(found)


@pytest.mark.parametrize(
    "source",
    [
        "import os\nx = os.environ['A']",
        "import os\nx = os.getenv('A')",
        "from os import environ",
        "from os import getenv",
    ],
)
def test_the_scan_sees_every_way_in(source):
    assert env_reads(source) == [len(source.splitlines())]


def test_every_variable_of_the_readme_is_a_field():
    """The README's Configuration table and the settings classes name the same variables."""
    readme = (ROOT.parent / "README.md").read_text(encoding="utf-8")
    table = readme.split("## Configuration", 1)[1].split("\n\n", 2)[1]
    documented = {
        name.strip("`")
        for row in table.splitlines()[2:]
        for name in row.split("|")[1].replace(",", " ").split()
        if name.startswith("`")
    }
    groups = (settings.Paths, settings.Settings, settings.Limits, settings.Publisher, settings.MailSettings)
    fields = {f.validation_alias for group in groups for f in group.model_fields.values()}
    assert documented == fields


@pytest.mark.parametrize(
    ("group", "variable", "value"),
    [
        (settings.Limits, "ZEROSEI_DB_POOL_TIMEOUT", "abc"),
        (settings.Limits, "ZEROSEI_BLOCKING_THREADS", "0"),
        (settings.Limits, "ZEROSEI_HASH_SLOTS", "two"),
        (settings.Limits, "ZEROSEI_UPLOAD_MAX_BYTES", "2MB"),
        (settings.Settings, "PORT", "70000"),
        (settings.Settings, "ZEROSEI_TAB_GRACE_SECONDS", "0"),
        (settings.Settings, "ZEROSEI_WS_MAX_MESSAGE_BYTES", "1k"),
        (settings.Settings, "ZEROSEI_TRUSTED_PROXY_HOPS", "-1"),
        (settings.Settings, "ZEROSEI_SECRET_KEY", "too short"),
    ],
)
def test_a_bad_value_stops_naming_the_variable(monkeypatch, group, variable, value):
    monkeypatch.setenv(variable, value)
    with pytest.raises(SystemExit) as exc:
        settings.load(group)
    assert str(exc.value).startswith(f"{settings.INVALID}: {variable}: "), exc.value


def test_defaults_and_an_empty_variable_are_today_s():
    limits = settings.load(settings.Limits, {"ZEROSEI_DB_POOL_TIMEOUT": ""})
    assert (limits.db_pool_timeout, limits.blocking_threads, limits.public_threads) == (3, 4, 4)
    assert (limits.blocking_queue, limits.hash_slots) == (200, 1)
    assert limits.upload_max_bytes == 2_000_000 + 64 * 1024
    s = settings.load(settings.Settings, {"ZEROSEI_SECRET_KEY": "k" * 32, "DATABASE_URL": "sqlite://"})
    assert (s.port, s.redis_url, s.public_url, s.trusted_proxy_hops) == (3000, None, None, 0)
    assert (s.cors_allowed_origins, s.allowed_hosts) == ([], ["localhost", "127.0.0.1", "::1"])


def test_the_public_url_brings_its_origin_and_host():
    env = {
        "ZEROSEI_SECRET_KEY": "k" * 32,
        "DATABASE_URL": "sqlite://",
        "ZEROSEI_PUBLIC_URL": "https://zerosei.example.it/",
        "ZEROSEI_CORS_ORIGINS": "https://a.example/, https://b.example",
    }
    s = settings.load(settings.Settings, env)
    assert s.public_url == "https://zerosei.example.it"
    assert s.cors_allowed_origins == ["https://a.example", "https://b.example", "https://zerosei.example.it"]
    assert s.allowed_hosts == ["zerosei.example.it"]
    listed = settings.load(settings.Settings, env | {"ZEROSEI_ALLOWED_HOSTS": "A.example, [::1]"})
    assert listed.allowed_hosts == ["a.example", "::1"]


def test_a_child_process_gets_our_environment_plus_its_own(monkeypatch):
    monkeypatch.setenv("ZEROSEI_TEST_MARK", "1")
    env = settings.subprocess_env(PGPASSWORD="segreta")
    assert env["ZEROSEI_TEST_MARK"] == "1" and env["PGPASSWORD"] == "segreta"


def test_a_bad_variable_stops_the_process_at_import(tmp_path):
    """db.py reads its limits at import, as the app does every group at start-up (settings.check_all)."""
    code = "import zerosei_app.db"
    env = {**settings.subprocess_env(), "ZEROSEI_VAR_DIR": str(tmp_path), "ZEROSEI_DB_POOL_TIMEOUT": "abc"}
    done = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, cwd=ROOT.parent)
    assert done.returncode != 0
    assert "ZEROSEI_DB_POOL_TIMEOUT: Input should be a valid number" in done.stderr
