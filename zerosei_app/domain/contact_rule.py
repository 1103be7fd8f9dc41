""" "Always an action": the one rule that decides which contacts a centre card offers.

1. The centre's own phone, e-mail and website, when it has at least one usable one.
2. Else those of its ente gestore (the consortium or comune that runs it).
3. Else the comune's: the family's own comune first (its social services can direct them),
   then the comune where the centre sits; its website (and phone or ordinary e-mail, when
   known), and its PEC last. A PEC is certified mail: it may refuse mail from an ordinary
   address, so it is offered only here, after the website, and labelled as what it is.
Every action names whose contact it is (`of`: centro | ente_gestore | comune, and `name`).

"Usable" means it becomes a working link: `tel:` with 6–15 digits, `mailto:` with a
well-formed address, or an http(s) URL with a dotted host. Sources write contacts freely
("0141 399490 (su appuntamento)", two numbers, a bare domain), so the text is kept for
display and only the dialable or addressable part goes into the link. Other schemes
(`javascript:` and the like) never become links.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

# Digits with single spaces, dots, dashes or slashes between them; " / " or ", " separate two numbers.
_PHONE = re.compile(r"\+?\d(?:[\d.\-]|[ /](?=\d))*\d")
_EMAIL = re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}")
_SITE = re.compile(
    r"(?:https?://)?(?:[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?\.)+[A-Za-z]{2,}(?::\d{1,5})?(?:[/?#][^\s\"'<>`]*)?",
    re.IGNORECASE,
)

CENTRO, ENTE_GESTORE, COMUNE = "centro", "ente_gestore", "comune"


@dataclass(frozen=True)
class Link:
    kind: str  # tel | mail | web | pec
    label: str  # the text as the source wrote it (notes included)
    href: str  # tel:… | mailto:… | http(s)://…


@dataclass(frozen=True)
class ContactDetails:
    phone: str | None = None
    email: str | None = None
    website: str | None = None
    pec: str | None = None


@dataclass(frozen=True)
class Holder:
    """Whose contacts these are: `of` is centro | ente_gestore | comune; `name` its name."""

    of: str
    name: str
    contacts: ContactDetails


@dataclass(frozen=True)
class ContactAction:
    kind: str
    label: str
    href: str
    of: str
    name: str


def phone_links(text: str | None) -> list[Link]:
    """One `tel:` link per number in the text; one number: the label keeps notes like "(su appuntamento)"."""
    if not text:
        return []
    links = []
    for number in _PHONE.findall(text):
        digits = re.sub(r"[^\d+]", "", number)
        if not 6 <= len(digits.lstrip("+")) <= 15:
            continue
        links.append(Link("tel", number.strip(), f"tel:{digits}"))
    if len(links) == 1 and text.strip() != links[0].label:
        links[0] = Link("tel", " ".join(text.split()), links[0].href)
    return links


def email_link(text: str | None, kind: str = "mail") -> Link | None:
    match = _EMAIL.search(text or "")
    return Link(kind, match.group(0), f"mailto:{match.group(0)}") if match else None


def site_link(text: str | None) -> Link | None:
    """Only http(s) links, and only when the whole first word is a web address."""
    text = (text or "").strip()
    match = _SITE.match(text)
    if not match or match.group(0) != text.split()[0]:
        return None
    url = match.group(0)
    if not url.lower().startswith(("http://", "https://")):
        url = f"https://{url}"
    label = re.sub(r"^https?://(www\.)?", "", url, flags=re.IGNORECASE).rstrip("/")
    return Link("web", label, url)


def own_links(r: ContactDetails) -> list[Link]:
    """Phone(s), e-mail, website: the ordinary ways to reach someone (never the PEC)."""
    links = phone_links(r.phone)
    links += [link for link in (email_link(r.email), site_link(r.website)) if link is not None]
    return links


def is_working(href: str) -> bool:
    """What a test (and staff checks) accept as a contact a phone can act on."""
    if href.startswith("tel:"):
        return 6 <= len(href[4:].lstrip("+")) <= 15 and href[4:].lstrip("+").isdigit()
    if href.startswith("mailto:"):
        return _EMAIL.fullmatch(href[7:]) is not None
    if href.lower().startswith(("http://", "https://")):
        return _SITE.fullmatch(href) is not None
    return False


def _actions(h: Holder, links: Sequence[Link]) -> list[ContactAction]:
    return [ContactAction(link.kind, link.label, link.href, h.of, h.name) for link in links]


def contact_actions(centro: Holder, ente: Holder | None, comuni: Sequence[Holder]) -> list[ContactAction]:
    """The contacts a centre card ends with, by the rule above (empty only when nobody has any)."""
    own = own_links(centro.contacts)
    if own:
        return _actions(centro, own)
    if ente is not None and (links := own_links(ente.contacts)):
        return _actions(ente, links)
    for comune in comuni:
        links = own_links(comune.contacts)
        if links:
            pec = email_link(comune.contacts.pec, kind="pec")
            return _actions(comune, [*links, *([pec] if pec else [])])
    for comune in comuni:  # no website anywhere: a PEC is still a way to write
        pec = email_link(comune.contacts.pec, kind="pec")
        if pec:
            return _actions(comune, [pec])
    return []
