"""Log records never carry a client's whole value nor a secret token.

Reflex copies a wrongly typed event argument whole into a warning ("Error transforming event
argument 'x' with value '…'", up to a websocket message's size), and its other warnings quote
whole event data. A log-record factory (every logger, ours and Reflex's, whatever the handler)
cuts a quoted value to ~200 characters, any message to MAX_MESSAGE, and replaces token-like runs
(32+ URL-safe characters mixing digits, upper and lower case: our session and set-up tokens) with a mark.
"""

from __future__ import annotations

import logging
import re

MAX_VALUE = 200
MAX_MESSAGE = 1000
_TOKEN = re.compile(r"[A-Za-z0-9_\-]{32,}")
_UUID = re.compile(r"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")
# Reflex's type-warning path and its "Event data: …" warnings.
_VALUE = re.compile(r"(with value ')(.*?)(' and type hint)", re.DOTALL)
_DATA = re.compile(r"((?:Event data|event data|deserialize event data): ?)(.*)", re.DOTALL)


def _cut(text: str, limit: int) -> str:
    return text if len(text) <= limit else f"{text[:limit]}… ({len(text)} chars)"


def _redact(match: re.Match) -> str:
    run = match.group(0)
    random_like = any(c.isdigit() for c in run) and any(c.isupper() for c in run) and any(c.islower() for c in run)
    if not random_like or _UUID.fullmatch(run):  # state names, hex digests, tab ids stay readable
        return run
    return "[token?]"


def clean(message: str) -> str:
    message = _VALUE.sub(lambda m: m.group(1) + _cut(m.group(2), MAX_VALUE) + m.group(3), message)
    message = _DATA.sub(lambda m: m.group(1) + _cut(m.group(2), MAX_VALUE), message)
    message = _TOKEN.sub(_redact, message)
    return _cut(message, MAX_MESSAGE)


def install() -> None:
    """Wrap the process's log-record factory once."""
    previous = logging.getLogRecordFactory()
    if getattr(previous, "_zerosei_clean", False):
        return

    def factory(*args, **kwargs) -> logging.LogRecord:
        record = previous(*args, **kwargs)
        try:
            message = record.getMessage()
        except Exception:  # a broken format string: leave it to the handler to report
            return record
        cleaned = clean(message)
        if cleaned != message:
            record.msg, record.args = cleaned, None
        return record

    factory._zerosei_clean = True  # type: ignore[attr-defined]
    logging.setLogRecordFactory(factory)
