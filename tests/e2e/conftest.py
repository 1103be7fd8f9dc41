"""Browser tests: the real app served by `reflex run --env prod`, driven by Debian's chromium."""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx
import pytest

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "test-artifacts"
CHROMIUM = os.environ.get("ZEROSEI_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
]


# Facts about the served app that tests may need (filled by `app_url`).
_SERVED: dict[str, str] = {}


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def serve(run_dir: Path, database_url: str, extra_env: dict[str, str] | None = None, cwd: Path = ROOT) -> Iterator[str]:
    """Run `reflex run --env prod` on a free port until the block ends; yields its base URL.

    The build bakes its port into .web/env.json, so a second server at the same time needs its
    own copy of the project (`project_copy`), or it would repoint the first one's pages.
    """
    port = _free_port()
    env = {
        **os.environ,
        "DATABASE_URL": database_url,
        "ZEROSEI_VAR_DIR": str(run_dir),
        "PORT": str(port),
        "PATH": f"{ROOT / '.tools/node_modules/.bin'}:{os.environ['PATH']}",
        "REFLEX_USE_SYSTEM_BUN": "1",
        "REFLEX_TELEMETRY_ENABLED": "false",
        **(extra_env or {}),
    }
    log_path = run_dir / "reflex.log"
    with open(log_path, "w") as log:
        proc = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "reflex",
                "run",
                "--env",
                "prod",
                "--frontend-port",
                str(port),
                "--backend-port",
                str(port),
            ],
            cwd=cwd,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        url = f"http://127.0.0.1:{port}"
        try:
            deadline = time.monotonic() + 420
            while True:
                if proc.poll() is not None:
                    raise RuntimeError(f"reflex exited early:\n{log_path.read_text()[-4000:]}")
                try:
                    if (
                        httpx.get(f"{url}/ping", timeout=2).status_code == 200
                        and httpx.get(url, timeout=5).status_code == 200
                    ):
                        break
                except httpx.HTTPError:
                    pass
                if time.monotonic() > deadline:
                    raise RuntimeError(f"app did not start:\n{log_path.read_text()[-4000:]}")
                time.sleep(1)
            yield url
        finally:
            os.killpg(proc.pid, signal.SIGTERM)
            try:
                proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.killpg(proc.pid, signal.SIGKILL)
    if "Traceback" in log_path.read_text():
        print(log_path.read_text()[-6000:])


def project_copy(dest: Path) -> Path:
    """The project's sources and compiled frontend (not .venv, .git or outputs) copied to dest."""
    skip_top = {".venv", ".tools", ".git", "var", ".states", "test-artifacts"}

    def ignore(folder: str, names: list[str]) -> set[str]:
        here = Path(folder)
        if here == ROOT:
            return skip_top & set(names)
        if here == ROOT / ".web":
            return {"build"} & set(names)  # rebuilt by the copy's own server
        return {"__pycache__"} & set(names)

    shutil.copytree(ROOT, dest, ignore=ignore, symlinks=True)
    return dest


@pytest.fixture(scope="session")
def app_url(tmp_path_factory, app_database) -> Iterator[str]:
    """Serve the app once per test run on a free port, with its own seeded SQLite database."""
    run_dir = tmp_path_factory.mktemp("served")
    db = run_dir / "served.db"
    shutil.copy(app_database, db)
    _SERVED["database_url"] = f"sqlite:///{db}"
    with serve(run_dir, _SERVED["database_url"]) as url:
        yield url


@pytest.fixture(scope="session")
def served_database_url(app_url) -> str:
    """The DATABASE_URL of the served app (e.g. to check what a form stored)."""
    return _SERVED["database_url"]


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: install Debian's chromium (apt-get install -y chromium)")
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield b
        b.close()


@pytest.fixture
def phone(browser):
    """A fresh context the size of a mid-range phone (390×844), Italian locale."""
    ctx = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True, locale="it-IT")
    yield ctx
    ctx.close()


@pytest.fixture
def desktop(browser):
    ctx = browser.new_context(viewport={"width": 1280, "height": 900}, locale="it-IT")
    yield ctx
    ctx.close()


def screenshot(page, name: str) -> Path:
    ARTIFACTS.mkdir(exist_ok=True)
    path = ARTIFACTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    return path
