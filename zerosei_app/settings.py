"""Configuration from the environment (one place; read once per process)."""

from __future__ import annotations

import functools
import os
import re
import secrets
from pathlib import Path
from urllib.parse import urlsplit

from pydantic import BaseModel, EmailStr, Field, ValidationError, field_validator

PROJECT_ROOT = Path(__file__).resolve().parent.parent
ASSETS_DIR = PROJECT_ROOT / "assets"
VAR_DIR = Path(os.environ.get("ZEROSEI_VAR_DIR", PROJECT_ROOT / "var"))


class Settings(BaseModel):
    database_url: str
    port: int = Field(3000, ge=1, le=65535)
    redis_url: str | None = None
    secret_key: str = Field(min_length=32)
    # Origins allowed to open the websocket / call the API from a browser.
    cors_allowed_origins: list[str] = ["*"]
    # Absolute base URL used in shared links and QR codes when known.
    public_url: str | None = None
    trusted_proxy_hops: int = 0
    # Without Redis: how long a closed parent's tab keeps its state (web/tab_states.py).
    tab_grace_seconds: float = Field(300, ge=1, le=3600)


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
    """ZEROSEI_CORS_ORIGINS (comma-separated; "*" = any) plus the site's own origin from
    ZEROSEI_PUBLIC_URL, so that setting the list never locks out the site's own pages."""
    origins = [o.strip().rstrip("/") for o in listed.split(",") if o.strip()] or ["*"]
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
        cors_allowed_origins=allowed_origins(env.get("ZEROSEI_CORS_ORIGINS", "*"), public_url),
        public_url=public_url,
        trusted_proxy_hops=int(env.get("ZEROSEI_TRUSTED_PROXY_HOPS", "0")),
        tab_grace_seconds=env.get("ZEROSEI_TAB_GRACE_SECONDS", "300"),
    )


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
