"""`zerosei staff …`: the console script that creates the first accounts."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

from sqlmodel import Session, select

from zerosei_app.auth.accounts import user_for_setup_token
from zerosei_app.db import make_engine
from zerosei_app.domain.clock import now
from zerosei_app.models import AuditRecord, StaffMembership, StaffUser

SCRIPT = Path(sys.executable).parent / "zerosei"


def run(db_url: str, *args: str, stdin: str | None = None) -> subprocess.CompletedProcess:
    # PYTHONPATH: the script must run this checkout's code (the venv's editable install may be another's).
    env = {
        **os.environ,
        "DATABASE_URL": db_url,
        "ZEROSEI_PUBLIC_URL": "https://zerosei.example.it",
        "PYTHONPATH": str(Path(__file__).resolve().parents[2]),
    }
    return subprocess.run([str(SCRIPT), *args], env=env, capture_output=True, text=True, input=stdin, timeout=60)


def test_console_script_is_installed():
    assert SCRIPT.exists(), "pip install -e . should create the `zerosei` console script"


def test_add_prints_a_one_time_link_and_stores_only_its_hash(db_url):
    out = run(
        db_url, "staff", "add", "--email", "Anna.Rossi@Regione.Piemonte.it", "--name", "Anna Rossi", "--role", "regione"
    )
    assert out.returncode == 0, out.stderr
    link = re.search(r"https://zerosei\.example\.it/staff/attiva\?token=([\w-]+)", out.stdout)
    assert link, out.stdout
    engine = make_engine(db_url)
    with Session(engine) as db:
        user = db.exec(select(StaffUser).where(StaffUser.email == "anna.rossi@regione.piemonte.it")).one()
        assert user.role == "regione" and user.password_hash is None
        assert link.group(1) not in (user.setup_token_hash or "")
        assert user_for_setup_token(db, link.group(1), now()).id == user.id
        assert db.exec(select(AuditRecord).where(AuditRecord.entity == "staff_user")).one().action == "create"
    engine.dispose()


def test_add_operatore_with_centres_by_id_and_by_comune(db_url):
    out = run(
        db_url, "staff", "add", "--email", "op@example.org", "--name", "Op", "--centro", "1", "--centro", "Biella"
    )
    assert out.returncode == 0, out.stderr
    engine = make_engine(db_url)
    with Session(engine) as db:
        user = db.exec(select(StaffUser).where(StaffUser.email == "op@example.org")).one()
        ids = sorted(m.centro_id for m in db.exec(select(StaffMembership).where(StaffMembership.user_id == user.id)))
        assert ids == [1, 10]
    engine.dispose()


def test_errors_are_clear_and_change_nothing(db_url):
    ambiguous = run(db_url, "staff", "add", "--email", "x@example.org", "--name", "X", "--centro", "famiglie")
    assert ambiguous.returncode == 2 and "più centri" in ambiguous.stderr
    no_centre = run(db_url, "staff", "add", "--email", "x@example.org", "--name", "X")
    assert no_centre.returncode == 2 and "almeno un centro" in no_centre.stderr
    bad_email = run(db_url, "staff", "add", "--email", "non-una-mail", "--name", "X", "--role", "regione")
    assert bad_email.returncode == 2 and "e-mail non valida" in bad_email.stderr
    engine = make_engine(db_url)
    with Session(engine) as db:
        assert db.exec(select(StaffUser)).all() == []
    engine.dispose()


def test_disable_enable_link_and_list(db_url):
    assert run(db_url, "staff", "add", "--email", "r@example.org", "--name", "R", "--role", "regione").returncode == 0
    assert "disattivato" in run(db_url, "staff", "disable", "--email", "r@example.org").stdout
    refused = run(db_url, "staff", "link", "--email", "r@example.org")
    assert refused.returncode == 2 and "disattivato" in refused.stderr
    assert "riattivato" in run(db_url, "staff", "enable", "--email", "r@example.org").stdout
    assert "/staff/attiva?token=" in run(db_url, "staff", "link", "--email", "r@example.org").stdout
    listing = run(db_url, "staff", "list").stdout
    assert "r@example.org" in listing and "in attesa di attivazione" in listing
    assert "Torino" in run(db_url, "staff", "centri").stdout


def test_a_common_password_is_refused_saying_why(db_url):
    args = ("staff", "add", "--email", "c@example.org", "--name", "C", "--role", "regione", "--password-prompt")
    out = run(db_url, *args, stdin="password1234\npassword1234\n")
    assert out.returncode != 0 and "comuni" in out.stderr + out.stdout


def test_password_prompt_sets_a_hashed_password(db_url):
    # getpass reads the terminal; without one it falls back to stdin (with a warning).
    out = run(
        db_url,
        "staff",
        "add",
        "--email",
        "p@example.org",
        "--name",
        "P",
        "--role",
        "regione",
        "--password-prompt",
        stdin="girasole azzurro 2026\ngirasole azzurro 2026\n",
    )
    assert out.returncode == 0, out.stderr
    assert "attiva?token" not in out.stdout
    engine = make_engine(db_url)
    with Session(engine) as db:
        user = db.exec(select(StaffUser).where(StaffUser.email == "p@example.org")).one()
        assert user.password_hash.startswith("$argon2id$") and "girasole" not in user.password_hash
    engine.dispose()


def test_missing_database_is_reported(tmp_path):
    out = run(f"sqlite:///{tmp_path / 'vuoto.db'}", "staff", "list")
    assert out.returncode == 3 and "make db" in out.stderr
