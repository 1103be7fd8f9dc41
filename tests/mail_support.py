"""A real SMTP server in the test process (aiosmtpd), and mail settings pointing at it."""

from __future__ import annotations

import email
import email.policy
import re
import socket
import threading
from email.message import EmailMessage

from aiosmtpd.controller import Controller

from zerosei_app.settings import MailSettings


class Inbox:
    """aiosmtpd handler: every message the server accepted, parsed."""

    def __init__(self) -> None:
        self.messages: list[EmailMessage] = []
        self.envelopes: list[tuple[str, list[str]]] = []
        self._lock = threading.Lock()

    async def handle_DATA(self, server, session, envelope):  # noqa: N802 - aiosmtpd's hook name
        msg = email.message_from_bytes(envelope.content, policy=email.policy.default)
        with self._lock:
            self.messages.append(msg)
            self.envelopes.append((envelope.mail_from, list(envelope.rcpt_tos)))
        return "250 OK"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server() -> tuple[Controller, Inbox]:
    inbox = Inbox()
    controller = Controller(inbox, hostname="127.0.0.1", port=free_port())
    controller.start()
    return controller, inbox


def smtp_settings(port: int, **extra) -> MailSettings:
    return MailSettings(
        smtp_host="127.0.0.1", smtp_port=port, smtp_security="none", mail_from="zerosei@regione.piemonte.it", **extra
    )


def smtp_env(port: int) -> dict[str, str]:
    return {
        "ZEROSEI_SMTP_HOST": "127.0.0.1",
        "ZEROSEI_SMTP_PORT": str(port),
        "ZEROSEI_SMTP_SECURITY": "none",
        "ZEROSEI_MAIL_FROM": "zerosei@regione.piemonte.it",
    }


def text_of(msg: EmailMessage) -> str:
    return msg.get_body(preferencelist=("plain",)).get_content()


def html_of(msg: EmailMessage) -> str:
    return msg.get_body(preferencelist=("html",)).get_content()


def link(text: str, path: str) -> str:
    found = re.search(r"https?://\S+" + re.escape(path) + r"\S*", text)
    assert found, f"no {path} link in:\n{text}"
    return found.group(0)
