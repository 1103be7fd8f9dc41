"""Faults on a real backend (`reflex run --env prod --backend-only`, driven over its websocket):

- `kill -9` in the middle of a staff save (a CSV import of many entries, one transaction), then a
  restart: the save is wholly there or wholly absent (SQLite; PostgreSQL too when
  ZEROSEI_TEST_POSTGRES_URL is set, as in CI);
- with ZEROSEI_CORS_ORIGINS set, the websocket refuses pages of other sites; /_upload refuses
  bodies over the limit.
"""

from __future__ import annotations

import csv
import io
import os
import shutil
import signal
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx
import pytest
import socketio
from sqlalchemy import text
from sqlmodel import Session, select

from tests.e2e.conftest import ROOT, _free_port, project_copy
from tests.e2e.ws_client import Tab, handler_name
from zerosei_app.auth.accounts import create_account
from zerosei_app.auth.sessions import create_session
from zerosei_app.db import make_engine
from zerosei_app.domain import clock
from zerosei_app.domain.csv_entries import HEADER, export_entries_csv
from zerosei_app.models import CardEntry
from zerosei_app.state.staff_import import StaffImportState
from zerosei_app.view.staff_import_common import paste_limit
from zerosei_app.web.upload_limit import LIMIT

pytestmark = pytest.mark.e2e

ALLOWED = "http://consentito.example"
ROWS = 400


@pytest.fixture(scope="module")
def project(tmp_path_factory) -> Path:
    return project_copy(tmp_path_factory.mktemp("faults") / "project")


@contextmanager
def backend(
    project: Path, database_url: str, run_dir: Path, port: int, extra_env: dict[str, str] | None = None
) -> Iterator[subprocess.Popen]:
    """The backend alone (websocket, /ping, API): enough for events, and quick to restart."""
    env = {
        **os.environ,
        "DATABASE_URL": database_url,
        "ZEROSEI_VAR_DIR": str(run_dir),
        "PORT": str(port),
        "ZEROSEI_CORS_ORIGINS": ALLOWED,
        "PATH": f"{ROOT / '.tools/node_modules/.bin'}:{os.environ['PATH']}",
        "REFLEX_USE_SYSTEM_BUN": "1",
        "REFLEX_TELEMETRY_ENABLED": "false",
        **(extra_env or {}),
    }
    log = open(run_dir / f"backend-{port}-{time.monotonic_ns()}.log", "w")  # noqa: SIM115 - closed below
    proc = subprocess.Popen(
        [sys.executable, "-m", "reflex", "run", "--env", "prod", "--backend-only", "--backend-port", str(port)],
        cwd=project,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    try:
        deadline = time.monotonic() + 300
        while True:
            if proc.poll() is not None:
                raise RuntimeError(f"backend exited early:\n{Path(log.name).read_text()[-3000:]}")
            try:
                if httpx.get(f"http://127.0.0.1:{port}/ping", timeout=2).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            if time.monotonic() > deadline:
                raise RuntimeError(f"backend did not start:\n{Path(log.name).read_text()[-3000:]}")
            time.sleep(0.5)
        yield proc
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGTERM)
            try:
                proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.killpg(proc.pid, signal.SIGKILL)
        log.close()


def _database(kind: str, app_database, tmp_path) -> str:
    if kind == "sqlite":
        db = tmp_path / "faults.db"
        shutil.copy(app_database, db)
        return f"sqlite:///{db}"
    url = os.environ.get("ZEROSEI_TEST_POSTGRES_URL")
    if not url:
        if os.environ.get("CI"):
            pytest.fail("CI must provide ZEROSEI_TEST_POSTGRES_URL")
        pytest.skip("needs PostgreSQL (ZEROSEI_TEST_POSTGRES_URL)")
    from tests.confirmed_cartas import prepare_with_confirmed_cartas
    from tests.db.conftest import reset_postgres

    reset_postgres(url)
    prepare_with_confirmed_cartas(url)  # the same data as the SQLite copy: the test template's
    return url


def operator_session(engine, name: str) -> str:
    """A new operator of centre 1, logged in: the session token its browser holds as a cookie."""
    with Session(engine) as db:
        user, _ = create_account(
            db,
            email=f"{name.split()[0].lower()}-{uuid.uuid4().hex[:6]}@example.org",
            name=name,
            role="operatore",
            centro_ids=[1],
            actor_id=None,
            now=clock.now(),
            password="girasole azzurro 2026",
        )
        token = create_session(db, user.id, clock.now())
        db.commit()
    return token


def _import_csv(engine, marker: str) -> bytes:
    """ROWS new entries for centre 1 (copies of its own entries with new titles and no id)."""
    with Session(engine) as db:
        entries = db.exec(select(CardEntry).where(CardEntry.centro_id == 1).order_by(CardEntry.id)).all()
        data = export_entries_csv(entries).decode("utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(data), delimiter=";"))
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(rows[0]), delimiter=";")
    writer.writeheader()
    for i in range(ROWS):
        row = dict(rows[i % len(rows)])
        row[HEADER["id"]], row[HEADER["title"]] = "", f"{marker} {i:03d}"
        row[HEADER.get("version", "Versione")] = ""
        writer.writerow(row)
    return out.getvalue().encode()


@pytest.mark.parametrize("kind", ["sqlite", "postgresql"])
def test_kill_9_in_the_middle_of_a_staff_save_leaves_all_or_nothing(kind, project, app_database, tmp_path):
    url = _database(kind, app_database, tmp_path)
    engine = make_engine(url)
    token = operator_session(engine, "Guasto")
    port = _free_port()
    outcomes = []
    duration = None
    # First a save that runs to its end (its duration sets when the kills land), then kills at
    # 30 %, 60 % and 90 % of it: before, during and near the end of the import's transaction.
    for attempt, fraction in enumerate((None, 0.3, 0.6, 0.9)):
        marker = f"Guasto {attempt} {uuid.uuid4().hex[:4]}"
        csv_bytes = _import_csv(engine, marker)
        with backend(project, url, tmp_path, port) as proc:
            app = f"http://127.0.0.1:{port}"
            tab = Tab(app, origin=ALLOWED)
            tab.hydrate("/staff/importa", {"centro": 1}, cookie=token)
            where = ("/staff/importa", {"centro": 1})
            start = len(tab.updates)
            tab.emit(handler_name(StaffImportState, "load"), {}, *where)
            tab.wait_for("centro_name", 60, start)
            start = len(tab.updates)
            # The file through the drop zone's upload (HTTP): pasted, ROWS rows are more than one
            # websocket message may carry (ZEROSEI_WS_MAX_MESSAGE_BYTES), and the paste box says so.
            assert len(csv_bytes) > paste_limit()
            tab.upload(handler_name(StaffImportState, "upload"), "voci.csv", csv_bytes)
            tab.wait_for('"can_commit_rx_state_": true', 120, start)  # the dry run found ROWS new entries
            start = len(tab.updates)
            t0 = time.monotonic()
            tab.emit(handler_name(StaffImportState, "commit"), {}, *where)
            if fraction is None:
                tab.wait_for("Importazione completata", 120, start)
                duration = time.monotonic() - t0
            else:
                time.sleep(duration * fraction)
                os.killpg(proc.pid, signal.SIGKILL)
                proc.wait(timeout=20)
            answered = "Importazione completata" in tab.text()
            tab.close()
        with backend(project, url, tmp_path, port):  # (re)started on the same database
            with engine.connect() as conn:
                n = conn.execute(
                    text("SELECT count(*) FROM card_entry WHERE title LIKE :m"), {"m": f"{marker} %"}
                ).scalar()
                audits = conn.execute(
                    text(
                        "SELECT count(*) FROM audit_record a JOIN card_entry e ON a.entity_id = e.id "
                        "WHERE a.entity = 'card_entry' AND e.title LIKE :m"
                    ),
                    {"m": f"{marker} %"},
                ).scalar()
            assert n in (0, ROWS), f"{n} of {ROWS} entries after kill -9 ({kind})"
            assert audits == n, (audits, n)
            if answered:
                assert n == ROWS  # what the user was told is what is there
            assert httpx.get(f"http://127.0.0.1:{port}/api/v1/comuni?q=torino", timeout=10).status_code == 200
        outcomes.append((fraction, round(duration, 2), n, answered))
    engine.dispose()
    print(f"kill -9 outcomes ({kind}): {outcomes}")


def test_the_websocket_refuses_other_origins_and_uploads_are_capped(project, app_database, tmp_path):
    url = _database("sqlite", app_database, tmp_path)
    port = _free_port()
    with backend(project, url, tmp_path, port):
        app = f"http://127.0.0.1:{port}"
        for other in ("http://intruso.example", "null"):  # not listed
            with pytest.raises(socketio.exceptions.ConnectionError):
                Tab(app, origin=other)
        for ok_origin in (ALLOWED, app):  # listed, and the backend's own address (its Host; issue 20)
            ok = Tab(app, origin=ok_origin)
            assert ok.hydrate("/informazioni") < 30
            ok.close()
        # and the upload endpoint refuses a body over the limit before reading it
        big = httpx.post(f"{app}/_upload", content=b"x" * (LIMIT + 1), timeout=30)
        assert big.status_code == 413 and "troppo grande" in big.json()["detail"]
