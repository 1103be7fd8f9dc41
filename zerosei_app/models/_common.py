"""Helpers shared by the tables."""

from datetime import datetime

from zerosei_app.domain import clock


def utcnow() -> datetime:
    """Aware UTC; SQLModel's UTCDateTime stores it on SQLite and PostgreSQL alike."""
    return clock.now()
