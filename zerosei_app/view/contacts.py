"""Contacts as links a phone can use: tap to call, write, open the website.

Sources write contacts freely ("0141 399490 (su appuntamento)", two numbers, a bare domain),
so the text is kept for display and only the safe, dialable part goes into the href.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_PHONE = re.compile(r"\+?\d[\d ./-]{4,}\d")
_EMAIL = re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}")
_SITE = re.compile(r"(?:https?://)?(?:[A-Za-z0-9-]+\.)+[A-Za-z]{2,}(?:[/?#][^\s]*)?")


@dataclass
class LinkView:
    kind: str  # "tel", "mail", "web", "map"
    label: str  # what the parent reads
    href: str


def phone_links(text: str | None) -> list[LinkView]:
    """One `tel:` link per number in the text; the label keeps notes such as "(su appuntamento)"."""
    if not text:
        return []
    numbers = _PHONE.findall(text)
    links = []
    for number in numbers:
        digits = re.sub(r"[^\d+]", "", number)
        if len(digits.lstrip("+")) < 6:
            continue
        links.append(LinkView("tel", number.strip(), f"tel:{digits}"))
    if len(links) == 1 and text.strip() != links[0].label:
        links[0].label = text.strip()  # one number: show the whole text, notes included
    return links


def email_link(text: str | None) -> LinkView | None:
    match = _EMAIL.search(text or "")
    return LinkView("mail", match.group(0), f"mailto:{match.group(0)}") if match else None


def site_link(text: str | None) -> LinkView | None:
    """Only http(s) links: never `javascript:` or other schemes from the data."""
    text = (text or "").strip()
    match = _SITE.match(text)
    if not match or match.group(0) != text.split()[0]:
        return None
    url = match.group(0)
    if not url.lower().startswith(("http://", "https://")):
        url = f"https://{url}"
    label = re.sub(r"^https?://(www\.)?", "", url).rstrip("/")
    return LinkView("web", label, url)


def all_links(phone: str | None, email: str | None, site: str | None) -> list[LinkView]:
    links = phone_links(phone)
    links += [link for link in (email_link(email), site_link(site)) if link is not None]
    return links
