"""Sharing a path: the absolute link, its QR code, and a title that says what it is without birth months.

Plain Python (no Reflex); the path page and the share-meta route (link previews) both use it.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

import segno

from zerosei_app.domain.hosts import host_allowed
from zerosei_app.domain.link import PathQuery, validate_for_path
from zerosei_app.i18n import t
from zerosei_app.settings import get_settings
from zerosei_app.view.wording import share_age_band

_ORIGIN = re.compile(r"https?://[A-Za-z0-9.-]+(?::[0-9]{1,5})?")


@dataclass(frozen=True)
class ShareMeta:
    title: str
    description: str


def base_url(public_url: str | None, origin: str | None, allowed_hosts: tuple[str, ...] | list[str] = ("*",)) -> str:
    """settings.public_url when configured, else the origin the browser used (if it looks like one
    and its host is one the site answers to: a forged Host never reaches a link)."""
    public = (public_url or "").strip().rstrip("/")
    if _ORIGIN.fullmatch(public):
        return public
    candidate = (origin or "").strip().rstrip("/")
    if _ORIGIN.fullmatch(candidate) and host_allowed(candidate.split("://", 1)[1], allowed_hosts):
        return candidate
    return ""


def site_base(origin: str | None = None, *, scheme: str | None = None, host: str | None = None) -> str:
    """THE absolute base of links, QR codes, og:url, e-mails and the API's `url`: ZEROSEI_PUBLIC_URL,
    else the request's origin when its host is in ZEROSEI_ALLOWED_HOSTS, else "". The origin is the
    browser's `origin` header (pages) or `scheme`://`host` of the request (HTTP routes)."""
    if origin is None and host is not None:
        origin = f"{scheme or 'http'}://{host}"
    settings = get_settings()
    return base_url(settings.public_url, origin, settings.allowed_hosts)


def absolute(base: str, path_and_query: str) -> str:
    return f"{base}{path_and_query}" if base else path_and_query


QR_STYLE = {"scale": 4, "border": 2, "dark": "#000", "light": "#fff"}


@lru_cache(maxsize=256)
def qr_data_uri(url: str) -> str:
    """An SVG QR code as a data URI: made here, no third-party service sees the link."""
    return segno.make(url, error="m").svg_data_uri(**QR_STYLE)


@lru_cache(maxsize=256)
def qr_svg(url: str) -> bytes:
    """The same QR code as an SVG document (the path page loads it as an image, web/path_qr.py)."""
    out = io.BytesIO()
    segno.make(url, error="m").save(out, kind="svg", xmldecl=False, **QR_STYLE)
    return out.getvalue()


def age_bands(q: PathQuery, today: date, lang: str) -> list[str]:
    """ "bambino di 1 anno", "in attesa": enough to describe a path, never the birth month."""
    children, _ = validate_for_path(q, today)
    return list(dict.fromkeys(share_age_band(child, lang) for child in children))


def share_meta(q: PathQuery, comune_name: str | None, today: date) -> ShareMeta:
    lang = q.lang
    if not comune_name:
        return ShareMeta(t("share.title_generic", lang), t("share.description_generic", lang))
    bands = age_bands(q, today, lang)
    title = t("share.title", lang, comune=comune_name)
    if not bands:
        return ShareMeta(title, t("share.description_generic", lang))
    return ShareMeta(title, t("share.description", lang, comune=comune_name, who=", ".join(bands)))
