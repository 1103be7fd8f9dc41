"""Helpers shared by the tables."""

from datetime import UTC, datetime


def utcnow() -> datetime:
    """Aware UTC; SQLModel's UTCDateTime stores it on SQLite and PostgreSQL alike."""
    return datetime.now(UTC)
