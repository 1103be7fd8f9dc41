"""Sends one stored message: by SMTP, or (no ZEROSEI_SMTP_HOST) as an .eml file under var/outbox/.

Errors come back as text naming the setting to look at, so the outbox and the command line can say it.
"""

from __future__ import annotations

import smtplib
import ssl
from email.message import EmailMessage
from email.utils import format_datetime, make_msgid
from pathlib import Path

from zerosei_app.settings import MailSettings, get_publisher

TIMEOUT_SECONDS = 20


class SendError(Exception):
    """Not sent; the message stays queued. The text names the setting to check."""


def build(settings: MailSettings, msg_id: int, to: list[str], cc: list[str], subject: str, text: str, html: str, when):
    m = EmailMessage()
    m["From"] = f"{get_publisher().name} – ZeroSei <{settings.mail_from}>"
    m["To"] = ", ".join(to)
    if cc:
        m["Cc"] = ", ".join(cc)
    m["Subject"] = subject
    m["Date"] = format_datetime(when)
    domain = settings.mail_from.split("@")[-1]
    m["Message-ID"] = make_msgid(idstring=f"zerosei-{msg_id}", domain=domain)
    m["Auto-Submitted"] = "auto-generated"  # no out-of-office replies
    m.set_content(text)
    m.add_alternative(html, subtype="html")
    return m


def _where(s: MailSettings) -> str:
    return f"ZEROSEI_SMTP_HOST={s.smtp_host}, ZEROSEI_SMTP_PORT={s.smtp_port}"


def send_smtp(settings: MailSettings, message: EmailMessage) -> None:
    s = settings
    try:
        if s.smtp_security == "tls":
            smtp = smtplib.SMTP_SSL(
                s.smtp_host, s.smtp_port, timeout=TIMEOUT_SECONDS, context=ssl.create_default_context()
            )
        else:
            smtp = smtplib.SMTP(s.smtp_host, s.smtp_port, timeout=TIMEOUT_SECONDS)
    except OSError as exc:  # refused, unknown host, timeout
        raise SendError(f"server SMTP non raggiungibile ({_where(s)}): {exc}") from None
    try:
        with smtp:
            if s.smtp_security == "starttls":
                try:
                    smtp.starttls(context=ssl.create_default_context())
                except (smtplib.SMTPException, ssl.SSLError) as exc:
                    raise SendError(
                        f"STARTTLS non riuscito con {_where(s)} ({exc}): controlla ZEROSEI_SMTP_SECURITY"
                    ) from None
            if s.smtp_user:
                try:
                    smtp.login(s.smtp_user, s.smtp_password or "")
                except smtplib.SMTPException as exc:
                    raise SendError(
                        f"accesso rifiutato dal server SMTP ({exc}): controlla ZEROSEI_SMTP_USER e ZEROSEI_SMTP_PASSWORD"
                    ) from None
            try:
                smtp.send_message(message)
            except smtplib.SMTPRecipientsRefused as exc:
                raise SendError(f"destinatari rifiutati dal server SMTP: {', '.join(exc.recipients)}") from None
            except smtplib.SMTPSenderRefused as exc:
                if exc.smtp_code == 530:  # "Must issue a STARTTLS command first" / "Authentication required"
                    raise SendError(
                        f"il server SMTP chiede una connessione protetta o l'accesso ({exc.smtp_error!r}): "
                        "controlla ZEROSEI_SMTP_SECURITY, ZEROSEI_SMTP_USER e ZEROSEI_SMTP_PASSWORD"
                    ) from None
                raise SendError(f"mittente rifiutato ({exc.smtp_error!r}): controlla ZEROSEI_MAIL_FROM") from None
    except SendError:
        raise
    except (OSError, smtplib.SMTPException) as exc:
        raise SendError(f"invio non riuscito ({_where(s)}): {exc}") from None


def write_eml(outbox: Path, msg_id: int, message: EmailMessage) -> Path:
    """One file per message, named by its id; written whole then renamed, so a reader never sees half."""
    outbox.mkdir(parents=True, exist_ok=True)
    path = outbox / f"{msg_id:06d}.eml"
    tmp = path.with_suffix(".eml.tmp")
    tmp.write_bytes(bytes(message))
    tmp.replace(path)
    return path
