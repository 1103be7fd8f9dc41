"""Phone, e-mail and web address checks for what staff type (messages in Italian).

Each function returns the cleaned value or raises ValueError with a message a
non-technical person can act on.
"""

from __future__ import annotations

import re
from typing import Annotated
from urllib.parse import urlsplit

from email_validator import EmailNotValidError, validate_email
from pydantic import AfterValidator

# A phone field may hold several numbers and short notes: "011 123456 / 333 1234567 (su appuntamento)".
_NOTE = re.compile(r"\([^()]{0,80}\)")
_SEPARATORS = re.compile(r"\s*(?:/|,|;|\bo\b|\boppure\b)\s*", re.IGNORECASE)
_NUMBER = re.compile(r"^\+?[0-9][0-9 .\-]*$")
MIN_PHONE_DIGITS = 6
MAX_PHONE_DIGITS = 15  # ITU E.164

PHONE_HINT = "Scrivi un numero di telefono, per esempio 011 1234567 o +39 333 1234567."


def clean_phone(value: str) -> str:
    value = " ".join(value.split())
    if not value:
        return ""
    numbers = [p for p in _SEPARATORS.split(_NOTE.sub(" ", value)) if p.strip()]
    if not numbers:
        raise ValueError(PHONE_HINT)
    for number in numbers:
        number = number.strip()
        digits = sum(c.isdigit() for c in number)
        if not _NUMBER.match(number) or not MIN_PHONE_DIGITS <= digits <= MAX_PHONE_DIGITS:
            raise ValueError(f"«{number[:40]}» non sembra un numero di telefono. {PHONE_HINT}")
    return value


def clean_email(value: str) -> str:
    value = value.strip()
    if not value:
        return ""
    try:
        # No DNS lookup: offices may be offline, and a typo check is what we want here.
        result = validate_email(value, check_deliverability=False)
    except EmailNotValidError:
        raise ValueError("Indirizzo e-mail non valido: controlla che sia come nome@esempio.it.") from None
    return result.normalized


_LABEL = re.compile(r"^(?!-)[a-z0-9-]{1,63}(?<!-)$")
_TLD = re.compile(r"^(?:[a-z]{2,63}|xn--[a-z0-9-]{1,59})$")
_URL_FORBIDDEN = set("\"'<>`\\{}|^")
URL_HINT = "Indirizzo web non valido: scrivilo come www.esempio.it o https://www.esempio.it/pagina."


def clean_url(value: str) -> str:
    """Accepts "www.comune.it/pagina" too, and stores it with https://. Only what becomes a working
    http(s) link passes: a dotted host with valid labels, no user name, a real port, no quotes or brackets."""
    value = value.strip()
    if not value:
        return ""
    if any(c.isspace() for c in value):
        raise ValueError("Un indirizzo web non contiene spazi.")
    if any(c in _URL_FORBIDDEN or ord(c) < 32 for c in value):
        raise ValueError("Un indirizzo web non contiene virgolette, parentesi angolari o altri simboli come < > \" '.")
    if not re.match(r"^[a-zA-Z][a-zA-Z0-9+.-]*://", value):
        value = "https://" + value
    parts = urlsplit(value)
    host = (parts.hostname or "").lower()
    labels = host.split(".")
    try:
        port_ok = parts.port is None or parts.port > 0
    except ValueError:
        port_ok = False
    if (
        parts.scheme.lower() not in ("http", "https")
        or "@" in parts.netloc
        or len(labels) < 2
        or not all(_LABEL.match(label) for label in labels)
        or not _TLD.match(labels[-1])
        or not port_ok
    ):
        raise ValueError(URL_HINT)
    return value


# Field types for pydantic models: the same checks wherever staff type a contact.
PhoneText = Annotated[str, AfterValidator(clean_phone)]
EmailText = Annotated[str, AfterValidator(clean_email)]
UrlText = Annotated[str, AfterValidator(clean_url)]
