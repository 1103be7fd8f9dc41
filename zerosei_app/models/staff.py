"""Staff accounts, their centres, sessions and login attempts."""

from __future__ import annotations

from datetime import datetime

from sqlmodel import Field, SQLModel

from zerosei_app.domain.vocabulary import Role  # models/__init__.py re-exports it
from zerosei_app.models._common import utcnow


class StaffUser(SQLModel, table=True):
    __tablename__ = "staff_user"

    id: int | None = Field(default=None, primary_key=True)
    email: str = Field(max_length=254, unique=True, index=True)  # stored folded (lower case)
    name: str = Field(max_length=150)
    role: str = Field(default=Role.OPERATORE, max_length=20)
    password_hash: str | None = Field(default=None, max_length=255)  # argon2id; None until set up
    is_active: bool = True
    setup_token_hash: str | None = Field(default=None, max_length=64, index=True)
    setup_expires_at: datetime | None = None
    password_changed_at: datetime | None = None
    created_at: datetime = Field(default_factory=utcnow)


class StaffMembership(SQLModel, table=True):
    """An operatore may edit the centres listed here."""

    __tablename__ = "staff_membership"

    user_id: int = Field(foreign_key="staff_user.id", primary_key=True)
    centro_id: int = Field(foreign_key="centro.id", primary_key=True)


class StaffSession(SQLModel, table=True):
    __tablename__ = "staff_session"

    id: int | None = Field(default=None, primary_key=True)
    token_hash: str = Field(max_length=64, unique=True, index=True)  # sha256 of the random token
    user_id: int = Field(foreign_key="staff_user.id", index=True)
    created_at: datetime = Field(default_factory=utcnow)
    expires_at: datetime
    last_seen_at: datetime = Field(default_factory=utcnow)
    revoked_at: datetime | None = None


class LoginAttempt(SQLModel, table=True):
    __tablename__ = "login_attempt"

    id: int | None = Field(default=None, primary_key=True)
    email: str = Field(max_length=254, index=True)  # folded, as typed (may not exist)
    client_hash: str = Field(max_length=64, index=True)
    success: bool = False
    created_at: datetime = Field(default_factory=utcnow, index=True)
