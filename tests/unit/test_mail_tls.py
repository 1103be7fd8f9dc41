"""STARTTLS and login against a real SMTP server with a certificate (aiosmtpd, a self-signed
certificate made with openssl and trusted through SSL_CERT_FILE), and the messages when it refuses."""

from __future__ import annotations

import shutil
import ssl
import subprocess

import pytest
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult

from tests.mail_support import Inbox, free_port
from zerosei_app.domain import clock
from zerosei_app.mail.compose import Message
from zerosei_app.mail.outbox import enqueue, flush
from zerosei_app.settings import MailSettings

pytestmark = pytest.mark.skipif(shutil.which("openssl") is None, reason="needs the openssl command")


def _auth(server, session, envelope, mechanism, auth_data):
    ok = auth_data.login == b"zerosei" and auth_data.password == b"segreta di prova"
    return AuthResult(success=ok)


@pytest.fixture
def tls_server(tmp_path, monkeypatch):
    cert, key = tmp_path / "cert.pem", tmp_path / "key.pem"
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", str(key), "-out", str(cert),
         "-days", "1", "-subj", "/CN=localhost", "-addext", "subjectAltName=DNS:localhost"],
        check=True, capture_output=True,
    )  # fmt: skip
    monkeypatch.setenv("SSL_CERT_FILE", str(cert))  # the client trusts this certificate only
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(cert, key)
    inbox = Inbox()
    controller = Controller(
        inbox,
        hostname="127.0.0.1",
        port=free_port(),
        tls_context=context,
        require_starttls=True,
        authenticator=_auth,
        auth_require_tls=True,
    )
    controller.start()
    yield controller.port, inbox
    controller.stop()


def _settings(port: int, **extra) -> MailSettings:
    values = {"smtp_host": "localhost", "smtp_port": port, "mail_from": "zerosei@regione.piemonte.it"}
    return MailSettings(**(values | extra))


def test_starttls_and_login(db, tls_server):
    port, inbox = tls_server
    row = enqueue(db, Message(subject="Protetta", to=["anna@example.org"], blocks=["x"]), clock.now())
    db.commit()
    good = _settings(port, smtp_user="zerosei", smtp_password="segreta di prova")
    assert flush(db, good).sent == [row.id]
    assert [m["Subject"] for m in inbox.messages] == ["Protetta"]


@pytest.mark.parametrize(
    ("extra", "named"),
    [
        ({"smtp_user": "zerosei", "smtp_password": "sbagliata"}, "ZEROSEI_SMTP_PASSWORD"),
        ({"smtp_security": "none"}, "ZEROSEI_SMTP_SECURITY"),  # the server wants STARTTLS
        ({"smtp_security": "tls"}, "ZEROSEI_SMTP_HOST"),  # implicit TLS on a STARTTLS port: no handshake
    ],
)
def test_a_refusal_names_the_setting_and_keeps_the_message(db, tls_server, extra, named, monkeypatch):
    monkeypatch.setattr("zerosei_app.mail.transport.TIMEOUT_SECONDS", 3)  # a refusing server may just go quiet
    port, inbox = tls_server
    row = enqueue(db, Message(subject="Resta", to=["anna@example.org"], blocks=["x"]), clock.now())
    db.commit()
    result = flush(db, _settings(port, **extra))
    assert named in result.failed[row.id] and not inbox.messages
    db.refresh(row)
    assert row.sent_at is None and named in row.last_error
