"""`zerosei backup FILE` and `zerosei restore FILE`: a consistent copy of the database while the app runs.

- SQLite: the online backup API (sqlite3.Connection.backup) copies a consistent snapshot page by page
  while the app keeps reading and writing; restore copies the file back the same way, in one
  transaction on the live database (readers see the old or the new database, never a mix).
- PostgreSQL: pg_dump's custom format (a consistent snapshot) and pg_restore --clean --single-transaction.
  The tools come from PATH or, when they are not there, from /usr/lib/postgresql/<version>/bin
  (Debian's layout; the newest version wins). The password goes through PGPASSWORD, never argv.
"""

from __future__ import annotations

import glob
import shutil
import sqlite3
import subprocess
from contextlib import closing
from pathlib import Path

from sqlalchemy.engine import make_url

from zerosei_app.settings import subprocess_env

SQLITE_MAGIC = b"SQLite format 3\x00"
PG_MAGIC = b"PGDMP"


class BackupError(Exception):
    """A refusal or failure the operator can act on (the message says what to do)."""


def _sqlite_path(url: str) -> Path | None:
    u = make_url(url)
    if not u.drivername.startswith("sqlite"):
        return None
    if not u.database or u.database == ":memory:":
        raise BackupError("il database SQLite in memoria non si può salvare: indica un file in DATABASE_URL")
    return Path(u.database)


def pg_tool(name: str) -> str:
    found = shutil.which(name)
    if found:
        return found
    candidates = sorted(
        glob.glob(f"/usr/lib/postgresql/*/bin/{name}"),
        key=lambda p: [int(x) if x.isdigit() else 0 for x in Path(p).parts[-3].split(".")],
    )
    if not candidates:
        raise BackupError(f"{name} non trovato: installa il client di PostgreSQL (apt-get install postgresql-client)")
    return candidates[-1]


def _pg_args(url: str) -> tuple[list[str], dict[str, str]]:
    """libpq connection options for the tools, and an environment carrying the password."""
    u = make_url(url)
    args = ["--dbname", u.database or "postgres"]
    if u.host:
        args += ["--host", u.host]
    if u.port:
        args += ["--port", str(u.port)]
    if u.username:
        args += ["--username", u.username]
    env = subprocess_env(PGPASSWORD=str(u.password)) if u.password else subprocess_env()
    return args, env


def _run(cmd: list[str], env: dict[str, str]) -> None:
    done = subprocess.run(cmd, env=env, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise BackupError(f"{Path(cmd[0]).name} non riuscito: {done.stderr.strip()[-800:]}")


def backup(url: str, dest: Path) -> Path:
    dest = Path(dest)
    if dest.exists():
        raise BackupError(f"{dest} esiste già: scegli un altro nome (un backup non sovrascrive nulla)")
    dest.parent.mkdir(parents=True, exist_ok=True)
    tmp = dest.with_name(dest.name + ".partial")
    path = _sqlite_path(url)
    try:
        if path is not None:
            if not path.exists():
                raise BackupError(f"il database {path} non esiste")
            # (sqlite3's own context manager only commits: closing() really closes.)
            with (
                closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True)) as src,
                closing(sqlite3.connect(tmp)) as out,
            ):
                src.backup(out)
                # A standalone copy in rollback-journal mode: one file, nothing beside it.
                out.execute("PRAGMA journal_mode=DELETE")
                if out.execute("PRAGMA integrity_check").fetchone()[0] != "ok":
                    raise BackupError("la copia non supera il controllo di integrità")
        else:
            args, env = _pg_args(url)
            _run(
                [pg_tool("pg_dump"), "--format=custom", "--no-owner", "--no-privileges", "--file", str(tmp), *args], env
            )
        tmp.replace(dest)  # only a complete backup ever carries the chosen name
    finally:
        tmp.unlink(missing_ok=True)
    return dest


def restore(url: str, src: Path) -> None:
    src = Path(src)
    if not src.is_file():
        raise BackupError(f"{src} non esiste")
    head = src.read_bytes()[:16]
    path = _sqlite_path(url)
    if path is not None:
        if not head.startswith(SQLITE_MAGIC):
            raise BackupError(f"{src} non è un backup SQLite (il database configurato è SQLite)")
        with closing(sqlite3.connect(f"file:{src}?mode=ro", uri=True)) as backup_db:
            if backup_db.execute("PRAGMA integrity_check").fetchone()[0] != "ok":
                raise BackupError(f"{src} è danneggiato: niente è stato ripristinato")
            path.parent.mkdir(parents=True, exist_ok=True)
            with closing(sqlite3.connect(path, timeout=30)) as live:
                backup_db.backup(live)  # one transaction on the live database
        return
    if not head.startswith(PG_MAGIC):
        raise BackupError(f"{src} non è un backup di PostgreSQL (formato custom di pg_dump)")
    args, env = _pg_args(url)
    _run(
        [
            pg_tool("pg_restore"),
            "--clean",
            "--if-exists",
            "--no-owner",
            "--no-privileges",
            "--single-transaction",
            *args,
            str(src),
        ],
        env,
    )
