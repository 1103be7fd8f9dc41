"""Configuration from the environment: every variable the app reads, in one place (pydantic-settings).

Each group is a `BaseSettings` class naming its variables (`validation_alias`) and their defaults; it is
read once per process by a cached getter and validated at start-up (zerosei_app.py calls `check_all`).
A bad value stops the start with a message naming the variable ("ZEROSEI_DB_POOL_TIMEOUT: …"). No
other module reads `os.environ` (tests/unit/test_settings_single_place.py): a subprocess gets its
environment from `subprocess_env`.
"""

from __future__ import annotations

import functools
import os
import re
import secrets
from collections.abc import Mapping
from contextvars import ContextVar
from pathlib import Path
from typing import Annotated, Any, TypeVar
from urllib.parse import urlsplit

from pydantic import EmailStr, Field, ValidationError, field_validator, model_validator
from pydantic_settings import BaseSettings, NoDecode, PydanticBaseSettingsSource, SettingsConfigDict

from zerosei_app.domain.csv_common import MAX_BYTES
from zerosei_app.domain.hosts import default_allowed_hosts

PROJECT_ROOT = Path(__file__).resolve().parent.parent
ASSETS_DIR = PROJECT_ROOT / "assets"
INVALID = "Configurazione non valida / invalid configuration"

S = TypeVar("S", bound="EnvSettings")
_GIVEN_ONLY: ContextVar[bool] = ContextVar("settings_given_only", default=False)


class EnvSettings(BaseSettings):
    """Variables named in full on each field; an empty variable counts as unset (its default)."""

    model_config = SettingsConfigDict(
        env_ignore_empty=True, extra="ignore", validate_by_name=True, validate_by_alias=True
    )

    @classmethod
    def settings_customise_sources(
        cls,
        settings_cls: type[BaseSettings],
        init_settings: PydanticBaseSettingsSource,
        env_settings: PydanticBaseSettingsSource,
        dotenv_settings: PydanticBaseSettingsSource,
        file_secret_settings: PydanticBaseSettingsSource,
    ) -> tuple[PydanticBaseSettingsSource, ...]:
        # The process environment only (no .env file); `load(cls, values)` reads `values` alone.
        return (init_settings,) if _GIVEN_ONLY.get() else (init_settings, env_settings)


class StrippedEnvSettings(EnvSettings):
    """Values with spaces around them are trimmed; a blank one counts as unset."""

    @model_validator(mode="before")
    @classmethod
    def _strip(cls, data: Any) -> Any:
        if not isinstance(data, dict):
            return data
        trimmed = {k: v.strip() if isinstance(v, str) else v for k, v in data.items()}
        return {k: v for k, v in trimmed.items() if v != ""}


def _problem(cls: type[EnvSettings], error: Any) -> str:
    """'VARIABLE: message' for one validation error (a rule across variables names them itself)."""
    loc = error["loc"]
    if not loc:
        return str(error["msg"]).removeprefix("Value error, ")
    field = cls.model_fields.get(str(loc[0]))
    name = field.validation_alias if field is not None and field.validation_alias else loc[0]
    return f"{name}: {error['msg']}"


def load(cls: type[S], values: Mapping[str, str] | None = None) -> S:
    """`cls` read from the environment, or from `values` (an environment given whole, as tests do)."""
    given = _GIVEN_ONLY.set(values is not None)
    try:
        return cls(**{k: v for k, v in (values or {}).items() if v != ""})  # empty = unset, as in the environment
    except ValidationError as exc:
        problems = "; ".join(_problem(cls, e) for e in exc.errors())
        raise SystemExit(f"{INVALID}: {problems}") from None
    finally:
        _GIVEN_ONLY.reset(given)


def subprocess_env(**extra: str) -> dict[str, str]:
    """The environment for a child process (pg_dump, the data-package builder): ours plus `extra`."""
    return {**os.environ, **extra}


class Paths(EnvSettings):
    """Where the app keeps its files (read at import: the other groups' defaults live there)."""

    # Where the SQLite file, the generated secret and the outbox live (ignored by git).
    var_dir: Path = Field(PROJECT_ROOT / "var", validation_alias="ZEROSEI_VAR_DIR")


VAR_DIR = load(Paths).var_dir


def _default_database_url() -> str:
    VAR_DIR.mkdir(parents=True, exist_ok=True)
    return f"sqlite:///{VAR_DIR / 'zerosei.db'}"


def _generated_secret_key() -> str:
    """Without ZEROSEI_SECRET_KEY: a key generated once and kept in var/ (ignored by git)."""
    path = VAR_DIR / "secret_key"
    if path.exists():
        return path.read_text().strip()
    VAR_DIR.mkdir(parents=True, exist_ok=True)
    key = secrets.token_urlsafe(48)
    path.write_text(key)
    path.chmod(0o600)
    return key


def _comma_list(text: str) -> list[str]:
    return [item.strip() for item in text.split(",") if item.strip()]


def allowed_origins(listed: str | list[str], public_url: str | None) -> list[str]:
    """ZEROSEI_CORS_ORIGINS (comma-separated; "*" = any, only when written) plus the site's own
    origin from ZEROSEI_PUBLIC_URL, so that setting the list never locks out the site's own pages.
    Empty: the site's own origin only (web/ws_guard.py compares it with the request's Host)."""
    items = _comma_list(listed) if isinstance(listed, str) else listed
    origins = [o.strip().rstrip("/") for o in items if o.strip()]
    if "*" in origins:
        return ["*"]
    if public_url:
        parts = urlsplit(public_url)
        own = f"{parts.scheme}://{parts.netloc}"
        if parts.scheme and parts.netloc and own not in origins:
            origins.append(own)
    return origins


class Settings(EnvSettings):
    """The site: its database, port, Redis, secret, public address, allowed hosts and origins, websocket bounds."""

    database_url: str = Field(default_factory=_default_database_url, validation_alias="DATABASE_URL")
    port: int = Field(3000, ge=1, le=65535, validation_alias="PORT")
    redis_url: str | None = Field(None, validation_alias="REDIS_URL")
    secret_key: str = Field(
        default_factory=_generated_secret_key, min_length=32, repr=False, validation_alias="ZEROSEI_SECRET_KEY"
    )
    # Origins besides the site's own allowed to open the websocket ("*" only when set so).
    cors_allowed_origins: Annotated[list[str], NoDecode] = Field([], validation_alias="ZEROSEI_CORS_ORIGINS")
    # Host names the site answers to (any other Host header gets 400); unset, those of the public URL.
    allowed_hosts: Annotated[list[str], NoDecode] = Field([], validation_alias="ZEROSEI_ALLOWED_HOSTS")
    # Absolute base URL used in shared links and QR codes when known.
    public_url: str | None = Field(None, validation_alias="ZEROSEI_PUBLIC_URL")
    trusted_proxy_hops: int = Field(0, ge=0, validation_alias="ZEROSEI_TRUSTED_PROXY_HOPS")
    # Without Redis: how long a closed parent's tab keeps its state (web/tab_states.py).
    tab_grace_seconds: float = Field(300, ge=1, le=3600, validation_alias="ZEROSEI_TAB_GRACE_SECONDS")
    # Websocket bounds (web/ws_guard.py): one message's size, open sockets per client address.
    ws_max_message_bytes: int = Field(65536, ge=4096, le=16_000_000, validation_alias="ZEROSEI_WS_MAX_MESSAGE_BYTES")
    ws_max_per_address: int = Field(20, ge=1, le=100_000, validation_alias="ZEROSEI_WS_MAX_PER_ADDRESS")

    @field_validator("public_url")
    @classmethod
    def _public_url(cls, v: str | None) -> str | None:
        return (v or "").rstrip("/") or None

    @field_validator("cors_allowed_origins", mode="before")
    @classmethod
    def _origins(cls, v: Any) -> Any:
        return _comma_list(v) if isinstance(v, str) else v

    @field_validator("allowed_hosts", mode="before")
    @classmethod
    def _hosts(cls, v: Any) -> Any:
        return [h.lower().strip("[]") for h in _comma_list(v)] if isinstance(v, str) else v

    @model_validator(mode="after")
    def _own_site(self) -> Settings:
        # The site's own origin is always allowed; the hosts follow the public URL unless listed.
        self.cors_allowed_origins = allowed_origins(self.cors_allowed_origins, self.public_url)
        self.allowed_hosts = self.allowed_hosts or default_allowed_hosts(self.public_url)
        return self


@functools.cache
def get_settings() -> Settings:
    return load(Settings)


class Limits(EnvSettings):
    """How much work one process takes on at once (db.py, auth/passwords.py, web/upload_limit.py)."""

    # Seconds to wait for a free database connection before answering "busy" (SQLAlchemy waits 30 s).
    db_pool_timeout: float = Field(3, gt=0, validation_alias="ZEROSEI_DB_POOL_TIMEOUT")
    # Threads for blocking work of event handlers, staff lane and parents' lane.
    blocking_threads: int = Field(4, ge=1, validation_alias="ZEROSEI_BLOCKING_THREADS")
    public_threads: int = Field(4, ge=1, validation_alias="ZEROSEI_PUBLIC_THREADS")
    # Past this many waiting jobs, a new one is refused at once ("server busy, retry").
    blocking_queue: int = Field(200, ge=0, validation_alias="ZEROSEI_BLOCKING_QUEUE")
    # argon2 computations at once (64 MiB and 4 threads each).
    hash_slots: int = Field(1, ge=1, validation_alias="ZEROSEI_HASH_SLOTS")
    # Largest /_upload body: the CSV limit plus room for the multipart envelope.
    upload_max_bytes: int = Field(MAX_BYTES + 64 * 1024, ge=1, validation_alias="ZEROSEI_UPLOAD_MAX_BYTES")


@functools.cache
def get_limits() -> Limits:
    return load(Limits)


AGID_DECLARATION = re.compile(r"https://form\.agid\.gov\.it/view/[A-Za-z0-9][A-Za-z0-9._~%/-]{0,200}")


class Publisher(StrippedEnvSettings):
    """Who publishes the service: shown in the header, footer, privacy text and accessibility declaration.

    Defaults are Regione Piemonte's; a comune or an ente gestore running its own copy sets its own.
    """

    name: str = Field("Regione Piemonte", min_length=2, max_length=120, validation_alias="ZEROSEI_PUBLISHER_NAME")
    url: str = Field("https://www.regione.piemonte.it", max_length=300, validation_alias="ZEROSEI_PUBLISHER_URL")
    # A file under assets/ (e.g. "loghi/ente.svg"), served from our own origin; none by default.
    logo: str | None = Field(None, validation_alias="ZEROSEI_PUBLISHER_LOGO")
    # The data controller (titolare del trattamento) and the address for privacy questions.
    privacy_controller: str = Field(
        "Regione Piemonte", min_length=2, max_length=200, validation_alias="ZEROSEI_PRIVACY_CONTROLLER"
    )
    privacy_contact: EmailStr = Field("dpo@regione.piemonte.it", validation_alias="ZEROSEI_PRIVACY_CONTACT")
    # Where accessibility feedback goes; unset, the privacy contact (the one address known by default).
    email: EmailStr | None = Field(None, validation_alias="ZEROSEI_PUBLISHER_EMAIL")
    # The Regione's official accessibility declaration on AgID's site (https://form.agid.gov.it/view/…).
    accessibility_declaration_url: str | None = Field(None, validation_alias="ZEROSEI_ACCESSIBILITY_DECLARATION_URL")

    @field_validator("accessibility_declaration_url")
    @classmethod
    def _declaration(cls, v: str | None) -> str | None:
        if not v:
            return None
        if not AGID_DECLARATION.fullmatch(v):
            raise ValueError("must be the declaration's address on AgID's site: https://form.agid.gov.it/view/…")
        return v

    @field_validator("url")
    @classmethod
    def _url(cls, v: str) -> str:
        if not v.startswith(("https://", "http://")):
            raise ValueError("the publisher's site must start with https:// (or http://)")
        return v.rstrip("/")

    @field_validator("logo")
    @classmethod
    def _logo(cls, v: str | None) -> str | None:
        if not v:
            return None
        rel = v.lstrip("/")
        path = (ASSETS_DIR / rel).resolve()
        if ASSETS_DIR.resolve() not in path.parents or not path.is_file():
            raise ValueError(f"the logo must be a file under assets/ (not found: {v})")
        if path.suffix.lower() not in (".svg", ".png", ".webp", ".jpg", ".jpeg"):
            raise ValueError("the logo must be an .svg, .png, .webp or .jpg file")
        return "/" + rel

    @property
    def feedback_email(self) -> str:
        return str(self.email or self.privacy_contact)


@functools.cache
def get_publisher() -> Publisher:
    """ZEROSEI_PUBLISHER_* and ZEROSEI_PRIVACY_*; a bad value stops the start with a message naming it."""
    return load(Publisher)


SECURITY_MODES = ("starttls", "tls", "none")


class MailSettings(StrippedEnvSettings):
    """How e-mail leaves. Without an SMTP host every message becomes an .eml file in var/outbox/."""

    smtp_host: str | None = Field(None, max_length=253, validation_alias="ZEROSEI_SMTP_HOST")
    smtp_port: int = Field(587, ge=1, le=65535, validation_alias="ZEROSEI_SMTP_PORT")
    smtp_user: str | None = Field(None, validation_alias="ZEROSEI_SMTP_USER")
    smtp_password: str | None = Field(None, repr=False, validation_alias="ZEROSEI_SMTP_PASSWORD")
    smtp_security: str = Field("starttls", validation_alias="ZEROSEI_SMTP_SECURITY")
    mail_from: str = Field("zerosei@localhost", validation_alias="ZEROSEI_MAIL_FROM")
    # Every published entry and each centre's contacts are confirmed at least this often.
    review_days: int = Field(180, ge=7, le=3650, validation_alias="ZEROSEI_REVIEW_DAYS")

    @field_validator("smtp_host")
    @classmethod
    def _host(cls, v: str | None) -> str | None:
        if v and any(c in v for c in " /:@"):
            raise ValueError("a host name or address only (no scheme, port or user)")
        return v or None

    @field_validator("smtp_security")
    @classmethod
    def _security(cls, v: str) -> str:
        v = v.strip().lower()
        if v not in SECURITY_MODES:
            raise ValueError("one of starttls, tls, none")
        return v

    @field_validator("mail_from")
    @classmethod
    def _from(cls, v: str) -> str:
        v = v.strip()
        domain = v.rpartition("@")[2]
        bad_chars = any(c in v for c in " \r\n<>,;")
        if bad_chars or v.count("@") != 1 or not v.split("@")[0] or ("." not in domain and domain != "localhost"):
            raise ValueError("an e-mail address such as zerosei@regione.piemonte.it")
        return v

    @model_validator(mode="after")
    def _together(self) -> MailSettings:
        if self.smtp_host and "mail_from" not in self.model_fields_set:
            raise ValueError("ZEROSEI_MAIL_FROM: required with ZEROSEI_SMTP_HOST (the address messages come from)")
        if bool(self.smtp_user) != bool(self.smtp_password):
            raise ValueError("ZEROSEI_SMTP_USER and ZEROSEI_SMTP_PASSWORD go together (set both or neither)")
        return self

    @property
    def outbox_dir(self) -> Path:
        return VAR_DIR / "outbox"

    @property
    def uses_files(self) -> bool:
        return not self.smtp_host


def mail_settings_from(env: Mapping[str, str]) -> MailSettings:
    """The mail settings an environment gives (tests pass one whole)."""
    return load(MailSettings, env)


@functools.cache
def get_mail_settings() -> MailSettings:
    """ZEROSEI_SMTP_*, ZEROSEI_MAIL_FROM, ZEROSEI_REVIEW_DAYS; a bad value stops the start naming it."""
    return load(MailSettings)


def check_all() -> None:
    """Read every group once at start-up: a bad variable stops the start here, naming it."""
    get_settings()
    get_limits()
    get_publisher()
    get_mail_settings()
