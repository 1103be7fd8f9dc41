"""Configuration from the environment (one place; read once per process)."""

from __future__ import annotations

import functools
import os
import re
import secrets
from pathlib import Path
from urllib.parse import urlsplit

from pydantic import BaseModel, EmailStr, Field, ValidationError, field_validator

from zerosei_app.domain.hosts import default_allowed_hosts

PROJECT_ROOT = Path(__file__).resolve().parent.parent
ASSETS_DIR = PROJECT_ROOT / "assets"
VAR_DIR = Path(os.environ.get("ZEROSEI_VAR_DIR", PROJECT_ROOT / "var"))


class Settings(BaseModel):
    database_url: str
    port: int = Field(3000, ge=1, le=65535)
    redis_url: str | None = None
    secret_key: str = Field(min_length=32)
    # Origins besides the site's own allowed to open the websocket ("*" only when set so).
    cors_allowed_origins: list[str] = []
    # Host names the site answers to (any other Host header gets 400).
    allowed_hosts: list[str] = ["localhost", "127.0.0.1", "::1"]
    # Absolute base URL used in shared links and QR codes when known.
    public_url: str | None = None
    trusted_proxy_hops: int = 0
    # Without Redis: how long a closed parent's tab keeps its state (web/tab_states.py).
    tab_grace_seconds: float = Field(300, ge=1, le=3600)
    # Websocket bounds (web/ws_guard.py): one message's size, open sockets per client address.
    ws_max_message_bytes: int = Field(65536, ge=4096, le=16_000_000)
    ws_max_per_address: int = Field(20, ge=1, le=100_000)


def _default_database_url() -> str:
    VAR_DIR.mkdir(parents=True, exist_ok=True)
    return f"sqlite:///{VAR_DIR / 'zerosei.db'}"


def _secret_key() -> str:
    """ZEROSEI_SECRET_KEY, or a key generated once and kept in var/ (ignored by git)."""
    key = os.environ.get("ZEROSEI_SECRET_KEY")
    if key:
        return key
    path = VAR_DIR / "secret_key"
    if path.exists():
        return path.read_text().strip()
    VAR_DIR.mkdir(parents=True, exist_ok=True)
    key = secrets.token_urlsafe(48)
    path.write_text(key)
    path.chmod(0o600)
    return key


def allowed_origins(listed: str, public_url: str | None) -> list[str]:
    """ZEROSEI_CORS_ORIGINS (comma-separated; "*" = any, only when written) plus the site's own
    origin from ZEROSEI_PUBLIC_URL, so that setting the list never locks out the site's own pages.
    Empty: the site's own origin only (web/ws_guard.py compares it with the request's Host)."""
    origins = [o.strip().rstrip("/") for o in listed.split(",") if o.strip()]
    if "*" in origins:
        return ["*"]
    if public_url:
        parts = urlsplit(public_url)
        own = f"{parts.scheme}://{parts.netloc}"
        if parts.scheme and parts.netloc and own not in origins:
            origins.append(own)
    return origins


@functools.cache
def get_settings() -> Settings:
    env = os.environ
    public_url = (env.get("ZEROSEI_PUBLIC_URL") or "").rstrip("/") or None
    return Settings(
        database_url=env.get("DATABASE_URL") or _default_database_url(),
        port=int(env.get("PORT", "3000")),
        redis_url=env.get("REDIS_URL") or None,
        secret_key=_secret_key(),
        cors_allowed_origins=allowed_origins(env.get("ZEROSEI_CORS_ORIGINS", ""), public_url),
        allowed_hosts=_list(env.get("ZEROSEI_ALLOWED_HOSTS")) or default_allowed_hosts(public_url),
        public_url=public_url,
        trusted_proxy_hops=int(env.get("ZEROSEI_TRUSTED_PROXY_HOPS", "0")),
        tab_grace_seconds=env.get("ZEROSEI_TAB_GRACE_SECONDS", "300"),
        ws_max_message_bytes=env.get("ZEROSEI_WS_MAX_MESSAGE_BYTES", "65536"),
        ws_max_per_address=env.get("ZEROSEI_WS_MAX_PER_ADDRESS", "20"),
    )


def _list(text: str | None) -> list[str]:
    return [h.strip().lower().strip("[]") for h in (text or "").split(",") if h.strip()]


AGID_DECLARATION = re.compile(r"https://form\.agid\.gov\.it/view/[A-Za-z0-9][A-Za-z0-9._~%/-]{0,200}")


class Publisher(BaseModel):
    """Who publishes the service: shown in the header, footer, privacy text and accessibility declaration.

    Defaults are Regione Piemonte's; a comune or an ente gestore running its own copy sets its own.
    """

    name: str = Field("Regione Piemonte", min_length=2, max_length=120)
    url: str = Field("https://www.regione.piemonte.it", max_length=300)
    # A file under assets/ (e.g. "loghi/ente.svg"), served from our own origin; none by default.
    logo: str | None = None
    # The data controller (titolare del trattamento) and the address for privacy questions.
    privacy_controller: str = Field("Regione Piemonte", min_length=2, max_length=200)
    privacy_contact: EmailStr = "dpo@regione.piemonte.it"
    # Where accessibility feedback goes; unset, the privacy contact (the one address known by default).
    email: EmailStr | None = None
    # The Regione's official accessibility declaration on AgID's site (https://form.agid.gov.it/view/…).
    accessibility_declaration_url: str | None = None

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
    env = os.environ
    names = {
        "name": "ZEROSEI_PUBLISHER_NAME",
        "url": "ZEROSEI_PUBLISHER_URL",
        "logo": "ZEROSEI_PUBLISHER_LOGO",
        "email": "ZEROSEI_PUBLISHER_EMAIL",
        "privacy_controller": "ZEROSEI_PRIVACY_CONTROLLER",
        "privacy_contact": "ZEROSEI_PRIVACY_CONTACT",
        "accessibility_declaration_url": "ZEROSEI_ACCESSIBILITY_DECLARATION_URL",
    }
    values = {field: env[var].strip() for field, var in names.items() if env.get(var, "").strip()}
    try:
        return Publisher(**values)
    except ValidationError as exc:
        problems = "; ".join(f"{names.get(str(e['loc'][0]), e['loc'][0])}: {e['msg']}" for e in exc.errors())
        raise SystemExit(f"Configurazione non valida / invalid configuration: {problems}") from None


SECURITY_MODES = ("starttls", "tls", "none")
_MAIL_VARS = {
    "smtp_host": "ZEROSEI_SMTP_HOST",
    "smtp_port": "ZEROSEI_SMTP_PORT",
    "smtp_user": "ZEROSEI_SMTP_USER",
    "smtp_password": "ZEROSEI_SMTP_PASSWORD",
    "smtp_security": "ZEROSEI_SMTP_SECURITY",
    "mail_from": "ZEROSEI_MAIL_FROM",
    "review_days": "ZEROSEI_REVIEW_DAYS",
}


class MailSettings(BaseModel):
    """How e-mail leaves. Without an SMTP host every message becomes an .eml file in var/outbox/."""

    smtp_host: str | None = Field(None, max_length=253)
    smtp_port: int = Field(587, ge=1, le=65535)
    smtp_user: str | None = None
    smtp_password: str | None = None
    smtp_security: str = "starttls"
    mail_from: str = "zerosei@localhost"
    # Every published entry and each centre's contacts are confirmed at least this often.
    review_days: int = Field(180, ge=7, le=3650)

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

    @property
    def outbox_dir(self) -> Path:
        return VAR_DIR / "outbox"

    @property
    def uses_files(self) -> bool:
        return not self.smtp_host


def mail_settings_from(env: dict[str, str]) -> MailSettings:
    values = {field: env[var].strip() for field, var in _MAIL_VARS.items() if env.get(var, "").strip()}
    try:
        settings = MailSettings(**values)
    except ValidationError as exc:
        problems = "; ".join(f"{_MAIL_VARS.get(str(e['loc'][0]), e['loc'][0])}: {e['msg']}" for e in exc.errors())
        raise SystemExit(f"Configurazione non valida / invalid configuration: {problems}") from None
    if settings.smtp_host and "mail_from" not in values:
        raise SystemExit(
            "Configurazione non valida / invalid configuration: ZEROSEI_MAIL_FROM: "
            "required with ZEROSEI_SMTP_HOST (the address messages come from)"
        )
    if bool(settings.smtp_user) != bool(settings.smtp_password):
        raise SystemExit(
            "Configurazione non valida / invalid configuration: ZEROSEI_SMTP_USER and ZEROSEI_SMTP_PASSWORD "
            "go together (set both or neither)"
        )
    return settings


@functools.cache
def get_mail_settings() -> MailSettings:
    """ZEROSEI_SMTP_*, ZEROSEI_MAIL_FROM, ZEROSEI_REVIEW_DAYS; a bad value stops the start naming it."""
    return mail_settings_from(dict(os.environ))
