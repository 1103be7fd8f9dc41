"""Contacts as links a phone can use: tap to call, write, open the website.

The parsing (what becomes a `tel:`, `mailto:` or http(s) link) and the rule that picks whose
contacts a centre card shows live in domain/contact_rule.py; here they become view models.
"""

from __future__ import annotations

from dataclasses import dataclass

from zerosei_app.domain import contact_rule
from zerosei_app.domain.contact_rule import Link


@dataclass
class LinkView:
    kind: str  # "tel", "mail", "web", "pec", "map"
    label: str  # what the parent reads
    href: str
    owner: str = ""  # whose contact it is, when not the card's own ("Comune di Formazza")


def _view(link: Link | None) -> LinkView | None:
    return LinkView(link.kind, link.label, link.href) if link is not None else None


def phone_links(text: str | None) -> list[LinkView]:
    """One `tel:` link per number in the text; the label keeps notes such as "(su appuntamento)"."""
    return [LinkView(x.kind, x.label, x.href) for x in contact_rule.phone_links(text)]


def email_link(text: str | None) -> LinkView | None:
    return _view(contact_rule.email_link(text))


def site_link(text: str | None) -> LinkView | None:
    """Only http(s) links: never `javascript:` or other schemes from the data."""
    return _view(contact_rule.site_link(text))


def all_links(phone: str | None, email: str | None, site: str | None) -> list[LinkView]:
    return [
        LinkView(x.kind, x.label, x.href)
        for x in contact_rule.own_links(contact_rule.ContactDetails(phone, email, site))
    ]
