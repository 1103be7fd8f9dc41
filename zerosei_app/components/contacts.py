"""Contact links big enough for a thumb: call, write, website; each says whose it is when not the card's own."""

import reflex as rx

from zerosei_app.components.icons import icon_for
from zerosei_app.components.links import external, plain
from zerosei_app.view.contacts import LinkView


def _label(link: LinkView) -> rx.Component:
    return rx.el.span(
        # Numbers and addresses read left to right, also in Arabic (a PEC label is a sentence: isolated in view/).
        rx.el.span(link.label, class_name="contact-label", dir=rx.cond(link.kind == "pec", "auto", "ltr")),
        rx.cond(link.owner != "", rx.el.span(link.owner, class_name="contact-owner")),
        class_name="contact-text",
    )


def contact_link(link: LinkView) -> rx.Component:
    return rx.el.li(
        rx.cond(
            link.kind == "web",
            external(icon_for(link.kind), _label(link), href=link.href, class_name="contact"),
            plain(icon_for(link.kind), _label(link), href=link.href, class_name="contact"),
        )
    )


def contact_list(links) -> rx.Component:
    return rx.cond(links.length() > 0, rx.el.ul(rx.foreach(links, contact_link), class_name="contacts"))
