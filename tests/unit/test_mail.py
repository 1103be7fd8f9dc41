"""The e-mail component: settings, composition, the outbox through a real SMTP server (aiosmtpd),
an unreachable server (kept and retried), .eml files without a server, and invitations."""

from __future__ import annotations

from datetime import timedelta

import pytest

from tests.coroutines import run_coroutine
from tests.mail_support import free_port, html_of, link, smtp_settings, text_of
from zerosei_app.auth.accounts import AccountError, complete_setup, user_for_setup_token
from zerosei_app.domain import clock
from zerosei_app.mail.compose import Link, Message
from zerosei_app.mail.invitations import invite, resend
from zerosei_app.mail.outbox import enqueue, flush, pending
from zerosei_app.models import Centro, MailOutbox
from zerosei_app.settings import MailSettings, mail_settings_from

BASE = "https://zerosei.example.it"


@pytest.mark.parametrize(
    ("env", "named"),
    [
        ({"ZEROSEI_SMTP_PORT": "smtp"}, "ZEROSEI_SMTP_PORT"),
        ({"ZEROSEI_SMTP_PORT": "70000"}, "ZEROSEI_SMTP_PORT"),
        ({"ZEROSEI_SMTP_SECURITY": "ssl3"}, "ZEROSEI_SMTP_SECURITY"),
        ({"ZEROSEI_SMTP_HOST": "smtp://mail.example.it:25"}, "ZEROSEI_SMTP_HOST"),
        ({"ZEROSEI_SMTP_HOST": "mail.example.it"}, "ZEROSEI_MAIL_FROM"),  # a server needs a sender
        ({"ZEROSEI_MAIL_FROM": "not an address"}, "ZEROSEI_MAIL_FROM"),
        ({"ZEROSEI_SMTP_USER": "anna"}, "ZEROSEI_SMTP_PASSWORD"),
        ({"ZEROSEI_REVIEW_DAYS": "0"}, "ZEROSEI_REVIEW_DAYS"),
    ],
)
def test_a_bad_setting_stops_with_its_name(env, named):
    with pytest.raises(SystemExit) as exc:
        mail_settings_from(env)
    assert named in str(exc.value)


def test_defaults_write_files_and_review_every_180_days():
    s = mail_settings_from({})
    assert s.uses_files and s.smtp_port == 587 and s.smtp_security == "starttls" and s.review_days == 180
    s = mail_settings_from({"ZEROSEI_SMTP_HOST": "mail.example.it", "ZEROSEI_MAIL_FROM": "zs@example.it"})
    assert not s.uses_files and s.smtp_host == "mail.example.it"


def test_user_text_is_escaped_in_html_and_kept_in_text():
    m = Message(
        subject="x", to=["a@b.it"], blocks=["<b>Centro & Co</b>", ["<i>voce</i>"], Link("Apri", "https://x/?a=1&b=2")]
    )
    assert (
        "&lt;b&gt;Centro &amp; Co&lt;/b&gt;" in m.html() and "<b>" not in m.html().split("<body")[1].split("<p>")[1][:3]
    )
    assert "&lt;i&gt;voce&lt;/i&gt;" in m.html() and 'href="https://x/?a=1&amp;b=2"' in m.html()
    assert "<b>Centro & Co</b>" in m.text() and "- <i>voce</i>" in m.text() and "https://x/?a=1&b=2" in m.text()


def test_a_message_goes_through_a_real_smtp_server_as_text_and_html(db, smtp_server):
    port, inbox = smtp_server
    now = clock.now()
    row = enqueue(
        db, Message(subject="Prova", to=["anna@example.org"], blocks=["Ciao <Anna>"], cc=["reg@example.org"]), now
    )
    db.commit()
    result = flush(db, smtp_settings(port), now)
    assert result.sent == [row.id] and not result.failed
    [msg] = inbox.messages
    assert msg["Subject"] == "Prova" and msg["To"] == "anna@example.org" and msg["Cc"] == "reg@example.org"
    assert "zerosei@regione.piemonte.it" in msg["From"] and "Regione Piemonte" in msg["From"]
    assert "Ciao <Anna>" in text_of(msg) and "Ciao &lt;Anna&gt;" in html_of(msg)
    assert "Regione Piemonte" in text_of(msg)  # the publisher signs
    assert set(inbox.envelopes[0][1]) == {"anna@example.org", "reg@example.org"}
    assert flush(db, smtp_settings(port), now).sent == []  # sent once only
    db.refresh(row)
    assert "Anna" not in row.body_text + row.body_html  # one-time links are not kept once delivered


def test_an_unreachable_server_keeps_the_message_and_says_which_setting(db, smtp_server):
    port, inbox = smtp_server
    now = clock.now()
    row = enqueue(db, Message(subject="Tienimi", to=["anna@example.org"], blocks=["x"]), now)
    db.commit()
    result = flush(db, smtp_settings(free_port()), now)  # nobody listens there
    assert row.id in result.failed and "ZEROSEI_SMTP_HOST" in result.failed[row.id]
    db.refresh(row)
    assert row.sent_at is None and row.attempts == 1 and "ZEROSEI_SMTP_HOST" in row.last_error
    assert [m.id for m in pending(db)] == [row.id]
    assert flush(db, smtp_settings(port), now).sent == []  # not before its retry time…
    later = now + timedelta(minutes=3)
    assert flush(db, smtp_settings(port), later).sent == [row.id]  # …then it goes
    assert [m["Subject"] for m in inbox.messages] == ["Tienimi"]


def test_without_a_server_each_message_is_an_eml_file(db, tmp_path, monkeypatch):
    monkeypatch.setattr("zerosei_app.settings.VAR_DIR", tmp_path)
    now = clock.now()
    row = enqueue(db, Message(subject="Su file", to=["anna@example.org"], blocks=["Ciao"]), now)
    db.commit()
    assert flush(db, MailSettings(), now).sent == [row.id]
    eml = tmp_path / "outbox" / f"{row.id:06d}.eml"
    assert eml.exists() and b"Subject: Su file" in eml.read_bytes()
    assert db.get(MailOutbox, row.id).sent_via == "file"


def test_an_invitation_arrives_and_its_link_sets_a_password_once(db, smtp_server, fast_hashing):
    port, inbox = smtp_server
    now = clock.now()
    user, _ = invite(
        db,
        email="carla@example.org",
        name="Carla <Bianchi>",
        role="operatore",
        centro_ids=[1],
        actor_id=None,
        now=now,
        base_url=BASE,
    )
    db.commit()
    flush(db, smtp_settings(port), now)
    [msg] = inbox.messages
    assert msg["To"] == "carla@example.org"
    body = text_of(msg)
    assert (
        "operatrice/operatore di centro" in body
        and "Carla <Bianchi>" in body
        and "Carla &lt;Bianchi&gt;" in html_of(msg)
    )
    assert db.get(Centro, 1).name in body  # which centre
    url = link(body, "/staff/attiva?token=")
    token = url.split("token=")[1]
    assert user_for_setup_token(db, token, now + timedelta(days=6)) is not None  # valid 7 days
    assert user_for_setup_token(db, token, now + timedelta(days=7, seconds=1)) is None
    complete_setup(db, token, "girasoli sul balcone", now)
    db.commit()
    with pytest.raises(AccountError):
        complete_setup(db, token, "un'altra frase lunga", now)  # used: refused
    # Re-sendable: a new link by e-mail, the old one stays dead.
    resend(db, user, None, now, BASE)
    db.commit()
    flush(db, smtp_settings(port), now)
    assert len(inbox.messages) == 2 and link(text_of(inbox.messages[1]), "/staff/attiva?token=") != url


def test_the_running_app_retries_in_the_background(monkeypatch):
    """web/mail_retry.py: the lifespan task flushes every EVERY_SECONDS and stops with the app."""
    import asyncio

    from zerosei_app.web import mail_retry

    rounds = []
    monkeypatch.setattr(mail_retry, "EVERY_SECONDS", 0.05)
    monkeypatch.setattr(mail_retry, "_flush_once", lambda: rounds.append(1))

    async def run():
        async with mail_retry.retry_mail():
            await asyncio.sleep(0.3)
        count = len(rounds)
        await asyncio.sleep(0.15)
        return count

    count = run_coroutine(run())
    assert count >= 2 and len(rounds) == count  # ran while the app ran, not after
