"""The review cycle end to end on a real database and a real SMTP server: reminders to a centre's
operatori (once a day, second after 14 days, the Regione copied after 21), the one-tap link (GET
changes nothing, POST confirms exactly the reminder's items, undo, tampered and expired links), and
a centre without an account listed for the Regione. The CLI runs as a real process too."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import date, timedelta
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlmodel import select

from tests.mail_support import link, smtp_env, smtp_settings, text_of
from zerosei_app import db as app_db
from zerosei_app.auth.accounts import create_account
from zerosei_app.commands.one_tap import confirm
from zerosei_app.commands.review_cycle import send_reminders
from zerosei_app.db import make_engine
from zerosei_app.domain import clock
from zerosei_app.domain.review import next_reminder
from zerosei_app.mail.outbox import flush
from zerosei_app.models import CardEntry, Centro, EntryStatus, ReviewConfirmation, ReviewReminder
from zerosei_app.queries import one_tap

BASE = "https://zerosei.example.it"
# `python -m` from this checkout (the `zerosei` script of a shared virtualenv may run another copy).
ROOT = Path(__file__).resolve().parents[2]
D0 = date(2026, 12, 7)


def test_reminder_sequence_rule():
    assert next_reminder([], None, D0) == 1
    assert next_reminder([(D0, 1)], None, D0) is None  # once a day
    assert next_reminder([(D0, 1)], None, D0 + timedelta(days=13)) is None
    assert next_reminder([(D0, 1)], None, D0 + timedelta(days=14)) == 2
    assert next_reminder([(D0, 1), (D0 + timedelta(days=14), 2)], None, D0 + timedelta(days=20)) is None
    assert next_reminder([(D0, 1), (D0 + timedelta(days=14), 2)], None, D0 + timedelta(days=21)) == 3
    assert (
        next_reminder(
            [(D0, 1), (D0 + timedelta(days=14), 2), (D0 + timedelta(days=21), 3)], None, D0 + timedelta(days=60)
        )
        is None
    )
    # A confirmation since the cycle began: a new cycle, but not before 14 days after the last reminder.
    assert next_reminder([(D0, 1)], D0 + timedelta(days=2), D0 + timedelta(days=10)) is None
    assert next_reminder([(D0, 1)], D0 + timedelta(days=2), D0 + timedelta(days=14)) == 1


def _setup(db, centro_id: int):
    """Only the test's own entries are published at this centre: A and C never confirmed, B confirmed last week."""
    for e in db.exec(select(CardEntry).where(CardEntry.centro_id == centro_id)).all():
        e.status = EntryStatus.DRAFT
        db.add(e)
    today = clock.today()
    made = {}
    for key, reviewed in (("A", None), ("B", today - timedelta(days=7))):
        e = CardEntry(
            centro_id=centro_id,
            title=f"Voce {key} <prova>",
            category="gioco-socialita",
            status=EntryStatus.PUBLISHED,
            last_reviewed_on=reviewed,
        )
        db.add(e)
        made[key] = e
    create_account(
        db,
        email="op@example.org",
        name="Operatrice",
        role="operatore",
        centro_ids=[centro_id],
        actor_id=None,
        now=clock.now(),
        password="girasoli sul balcone di casa",
    )
    create_account(
        db,
        email="reg@example.org",
        name="Regione",
        role="regione",
        centro_ids=[],
        actor_id=None,
        now=clock.now(),
        password="ciliegie rosse in primavera",
    )
    db.commit()
    return made


def _only(centro_id):
    return lambda report: [s for s in report.sent if s[0] == centro_id]


@pytest.mark.both_databases
def test_reminders_one_tap_and_the_regione_copy(db, smtp_server, fast_hashing, monkeypatch):
    port, inbox = smtp_server
    settings = smtp_settings(port)
    centro = db.get(Centro, 1)
    made = _setup(db, centro.id)
    centro.email = "centro.pubblico@example.it"
    made["A"].is_example = True  # an example the centre has never confirmed
    db.add_all([centro, made["A"]])
    db.commit()
    today = clock.today()

    report = send_reminders(db, today, BASE)
    db.commit()
    flush(db, settings)
    mine = [m for m in inbox.messages if m["To"] == "op@example.org"]
    assert len(mine) == 1 and not mine[0]["Cc"]
    body = text_of(mine[0])
    assert "Voce A <prova>" in body and "Voce B" not in body and "recapiti del centro" in body
    assert f"{BASE}/staff/voci?centro={centro.id}" in body
    assert any(n == centro.name and seq == 1 for n, seq, *_ in report.sent)
    # Centres with due items and no account are listed for the Regione, in the output and the table.
    assert report.no_account and all(cid != centro.id for cid, *_ in report.no_account)
    assert db.exec(select(ReviewReminder).where(ReviewReminder.status == "senza_account")).first()

    # The same day again: nothing new.
    again = send_reminders(db, today, BASE)
    db.commit()
    assert not again.sent and flush(db, settings).sent == []

    url = link(body, "/staff/conferma?t=")
    token = url.split("t=")[1]
    # An entry published after the reminder is not among the link's items.
    late = CardEntry(centro_id=centro.id, title="Voce C", category="gioco-socialita", status=EntryStatus.PUBLISHED)
    db.add(late)
    db.commit()

    engine = db.get_bind()
    monkeypatch.setattr(app_db, "get_engine", lambda: engine)
    from zerosei_app.api.app import api

    with TestClient(api) as client:
        page = client.get(f"/staff/conferma?t={token}")
        assert page.status_code == 200 and "Voce A &lt;prova&gt;" in page.text and "Voce C" not in page.text
        assert page.headers["cache-control"] == "no-store"
        db.expire_all()
        assert db.get(CardEntry, made["A"].id).last_reviewed_on is None  # opening changed nothing
        assert not db.exec(select(ReviewConfirmation)).all()

        assert client.post("/staff/conferma", data={"t": token + "x"}).status_code == 404  # tampered
        huge = client.post(
            "/staff/conferma",
            content=b"t=" + token.encode() + b"&x=" + b"a" * 100_000,
            headers={"content-type": "application/x-www-form-urlencoded"},
        )
        assert huge.status_code == 404  # a body past a few KB is not read
        done = client.post("/staff/conferma", data={"t": token})
        assert done.status_code == 200 and "Grazie, confermato" in done.text and "Annulla la conferma" in done.text
        db.expire_all()
        assert db.get(CardEntry, made["A"].id).last_reviewed_on == today
        assert db.get(CardEntry, made["A"].id).is_example is False  # now the centre's own
        assert db.get(CardEntry, made["B"].id).last_reviewed_on == today - timedelta(days=7)
        assert db.get(CardEntry, late.id).last_reviewed_on is None
        hows = {(c.entry_id, c.how) for c in db.exec(select(ReviewConfirmation)).all()}
        assert hows == {(made["A"].id, "one-tap"), (None, "one-tap")}
        voci = {v["id"]: v for v in client.get(f"/api/v1/voci?centro={centro.id}").json()}
        assert voci[made["A"].id]["verificato_il"] == today.isoformat()
        # HSDS: assured by the centre, by its public address (never the operatrice's).
        from zerosei_app.domain.hsds_ids import hsds_id

        service = client.get(f"/api/v1/hsds/services/{hsds_id('service', made['A'].id)}").json()
        assert service["assured_date"] == today.isoformat()
        assert service["assurer_email"] == "centro.pubblico@example.it"

        # Undo puts the earlier date back; the link can confirm again.
        undone = client.post("/staff/conferma/annulla", data={"t": token})
        assert "Confermo" in undone.text
        db.expire_all()
        assert db.get(CardEntry, made["A"].id).last_reviewed_on is None
        assert db.get(CardEntry, made["A"].id).is_example is True  # undone exactly
        client.post("/staff/conferma", data={"t": token})

    # Expired: 31 days later the link only says so.
    later = clock.now() + timedelta(days=31)
    assert one_tap.view(db, token, later).status == one_tap.EXPIRED
    assert confirm(db, token, later, today).status == one_tap.EXPIRED


@pytest.mark.both_databases
def test_second_after_14_days_third_copies_the_regione(db, smtp_server, fast_hashing):
    port, inbox = smtp_server
    settings = smtp_settings(port)
    centro = db.get(Centro, 2)
    _setup(db, centro.id)
    today = clock.today()
    seqs = []
    for offset in (0, 7, 14, 15, 21, 22):
        report = send_reminders(db, today + timedelta(days=offset), BASE)
        db.commit()
        seqs += [(offset, seq, cc) for n, seq, _to, cc, _k in report.sent if n == centro.name]
    assert seqs == [(0, 1, []), (14, 2, []), (21, 3, ["reg@example.org"])]
    flush(db, settings)
    third = [m for m in inbox.messages if m["To"] == "op@example.org" and m["Cc"]]
    assert len(third) == 1 and third[0]["Cc"] == "reg@example.org" and "Terzo promemoria" in third[0]["Subject"]
    assert "ufficio regionale" in text_of(third[0])


def _cli(db_url: str, var_dir: Path, *args: str, env: dict[str, str] | None = None):
    full = {
        **os.environ,
        "DATABASE_URL": db_url,
        "ZEROSEI_VAR_DIR": str(var_dir),
        "ZEROSEI_PUBLIC_URL": BASE,
        **(env or {}),
    }
    for key in ("ZEROSEI_SMTP_HOST", "ZEROSEI_SMTP_PORT", "ZEROSEI_SMTP_SECURITY", "ZEROSEI_MAIL_FROM"):
        if env is None or key not in env:
            full.pop(key, None)
    return subprocess.run(
        [sys.executable, "-m", "zerosei_app.cli", *args],
        cwd=ROOT,
        env=full,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_cli_invite_and_reminders_through_smtp(db_url, tmp_path, smtp_server, fast_hashing):
    port, inbox = smtp_server
    env = smtp_env(port)
    out = _cli(
        db_url, tmp_path, "staff", "invite", "--email", "nuova@example.org", "--name", "Nuova", "--centro", "3", env=env
    )
    assert out.returncode == 0, out.stderr
    [msg] = inbox.messages
    assert msg["To"] == "nuova@example.org" and "/staff/attiva?token=" in text_of(msg)
    engine = make_engine(db_url)
    from sqlmodel import Session

    with Session(engine) as db:
        _setup(db, 3)
    engine.dispose()
    day = clock.today().isoformat()
    first = _cli(db_url, tmp_path, "reminders", "send", "--today", day, env=env)
    assert first.returncode == 0, first.stderr
    assert "promemoria n. 1" in first.stdout and "senza un account attivo" in first.stdout
    count = len(inbox.messages)
    assert any(m["To"] == "op@example.org" for m in inbox.messages)
    second = _cli(db_url, tmp_path, "reminders", "send", "--today", day, env=env)
    assert second.returncode == 0 and "0 inviati" in second.stdout and len(inbox.messages) == count
    bad = _cli(db_url, tmp_path, "reminders", "send", "--today", "7/12/2026", env=env)
    assert bad.returncode == 2 and "AAAA-MM-GG" in bad.stderr


def test_cli_without_smtp_writes_eml_files(db_url, tmp_path, fast_hashing):
    out = _cli(
        db_url, tmp_path, "staff", "invite", "--email", "file@example.org", "--name", "File", "--role", "regione"
    )
    assert out.returncode == 0, out.stderr
    files = list((tmp_path / "outbox").glob("*.eml"))
    assert len(files) == 1 and b"file@example.org" in files[0].read_bytes()
    engine = make_engine(db_url)
    from sqlmodel import Session

    with Session(engine) as db:
        _setup(db, 3)
    engine.dispose()
    out = _cli(db_url, tmp_path, "reminders", "send")
    assert out.returncode == 0, out.stderr
    assert len(list((tmp_path / "outbox").glob("*.eml"))) == 2


def test_unreachable_server_cli_says_the_setting_and_keeps_it(db_url, tmp_path, smtp_server):
    from tests.mail_support import free_port

    port, inbox = smtp_server
    out = _cli(
        db_url,
        tmp_path,
        "staff",
        "invite",
        "--email",
        "x@example.org",
        "--name",
        "X",
        "--role",
        "regione",
        env=smtp_env(free_port()),
    )
    assert out.returncode == 0 and "ZEROSEI_SMTP_HOST" in out.stderr and "resta in coda" in out.stderr
    status = _cli(db_url, tmp_path, "mail", "status", env=smtp_env(port))
    assert "1 e-mail in coda" in status.stdout
    sent = _cli(db_url, tmp_path, "mail", "flush", env=smtp_env(port))
    assert sent.returncode == 0 and "1 e-mail inviate" in sent.stdout and inbox.messages[0]["To"] == "x@example.org"
    bad = _cli(db_url, tmp_path, "mail", "status", env={"ZEROSEI_SMTP_SECURITY": "ssl3"})
    assert bad.returncode != 0 and "ZEROSEI_SMTP_SECURITY" in bad.stderr


@pytest.mark.both_databases
def test_editor_and_import_confirmations_are_recorded(db):
    from zerosei_app.commands.csv_import import commit_entries_import
    from zerosei_app.commands.staff_entries import mark_reviewed
    from zerosei_app.domain.csv_entries import export_entries_csv

    entries = db.exec(select(CardEntry).where(CardEntry.centro_id == 1).order_by(CardEntry.id)).all()
    first, second = entries[0], entries[1]
    mark_reviewed(db, first, first.version, None, clock.today(), clock.now())
    db.commit()
    second.last_reviewed_on = date(2026, 11, 20)
    data = export_entries_csv([second]).decode("utf-8-sig")
    db.rollback()
    commit_entries_import(db, 1, data, None, clock.now())
    db.commit()
    rows = {(c.entry_id, c.how, c.confirmed_on) for c in db.exec(select(ReviewConfirmation)).all()}
    assert rows == {(first.id, "editor", clock.today()), (second.id, "import", date(2026, 11, 20))}


def test_no_account_lists_the_centres_nobody_could_be_reminded(db, fast_hashing):
    from zerosei_app.queries.review_cycle import no_account

    _setup(db, 1)
    send_reminders(db, clock.today(), BASE)
    db.commit()
    listed = dict(no_account(db))
    assert 2 in listed and 1 not in listed and no_account(db, clock.today()) == no_account(db)


def test_cli_invites_many_from_a_csv_file(db_url, tmp_path):
    bad = tmp_path / "bad.csv"
    bad.write_text("email;nome;ruolo;centri\nuno@example.org;Uno Uno;regione;\nnon-una-email;Due;operatore;1\n")
    out = _cli(db_url, tmp_path, "staff", "invite", "--csv", str(bad))
    assert out.returncode == 2 and "Riga 3" in out.stderr and "nessun invito" in out.stderr
    good = tmp_path / "good.csv"
    good.write_text("uno@example.org;Uno Uno;regione;\ndue@example.org;Due Due;operatore;1|2\n")
    out = _cli(db_url, tmp_path, "staff", "invite", "--csv", str(good))
    assert out.returncode == 0, out.stderr
    files = sorted((tmp_path / "outbox").glob("*.eml"))
    assert len(files) == 2 and b"due@example.org" in files[1].read_bytes()
