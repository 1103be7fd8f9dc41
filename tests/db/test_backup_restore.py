"""`zerosei backup` / `zerosei restore` on a real database (SQLite always; PostgreSQL when
ZEROSEI_TEST_POSTGRES_URL is set, as in CI): a backup taken while writes go on is consistent, and a
restore brings back exactly what was there."""

from __future__ import annotations

import threading

import pytest
from sqlalchemy import text
from sqlmodel import Session, select

from zerosei_app import cli
from zerosei_app.backup import BackupError, backup, restore
from zerosei_app.db import make_engine
from zerosei_app.models import CardEntry

pytestmark = pytest.mark.both_databases


def _titles(engine) -> dict[int, str]:
    with Session(engine) as db:
        return {e.id: e.title for e in db.exec(select(CardEntry)).all()}


def _set_title(engine, entry_id: int, title: str) -> None:
    with engine.begin() as conn:
        conn.execute(text("UPDATE card_entry SET title = :t WHERE id = :i"), {"t": title, "i": entry_id})


def test_backup_then_restore_brings_back_the_data(db_url, tmp_path):
    engine = make_engine(db_url)
    first = min(_titles(engine))
    _set_title(engine, first, "Prima del backup")
    saved = _titles(engine)
    dump = backup(db_url, tmp_path / "zerosei.backup")
    with pytest.raises(BackupError, match="esiste già"):
        backup(db_url, dump)  # never overwrites
    _set_title(engine, first, "Dopo il backup")
    with engine.begin() as conn:
        conn.execute(text("DELETE FROM audit_record"))
    engine.dispose()  # the app is stopped for a restore (README); SQLite would also work live
    restore(db_url, dump)
    engine = make_engine(db_url)
    assert _titles(engine) == saved
    with engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM comune")).scalar() > 1000
    engine.dispose()


def test_a_backup_taken_during_writes_is_consistent(db_url, tmp_path):
    """A writer changes two rows in one transaction, again and again, while the backup runs:
    the copy has both changes of some round, never one without the other."""
    engine = make_engine(db_url)
    a, b = sorted(_titles(engine))[:2]
    stop, started = threading.Event(), threading.Event()

    def writer():
        n = 0
        while not stop.is_set():
            n += 1
            with engine.begin() as conn:
                conn.execute(text("UPDATE card_entry SET title = :t WHERE id = :i"), {"t": f"giro {n}", "i": a})
                conn.execute(text("UPDATE card_entry SET title = :t WHERE id = :i"), {"t": f"giro {n}", "i": b})
            started.set()

    t = threading.Thread(target=writer)
    t.start()
    started.wait(30)
    try:
        dump = backup(db_url, tmp_path / "durante.backup")
    finally:
        stop.set()
        t.join()
    restore(db_url, dump)
    titles = _titles(engine)
    assert titles[a] == titles[b] and titles[a].startswith("giro ")
    engine.dispose()


def test_restore_refuses_the_wrong_kind_of_file(db_url, tmp_path):
    junk = tmp_path / "junk.bin"
    junk.write_bytes(b"not a backup at all")
    with pytest.raises(BackupError, match="non è un backup"):
        restore(db_url, junk)


@pytest.mark.sqlite_only
def test_the_command_line(db_url, tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("DATABASE_URL", db_url)
    monkeypatch.setattr(cli, "get_settings", lambda: type("S", (), {"database_url": db_url})())
    dump = tmp_path / "cli.backup"
    assert cli.main(["backup", str(dump)]) == 0 and dump.exists()
    assert cli.main(["restore", str(dump)]) == 2 and "--yes" in capsys.readouterr().err
    assert cli.main(["restore", str(dump), "--yes"]) == 0
    assert cli.main(["restore", str(tmp_path / "manca.backup"), "--yes"]) == 2
