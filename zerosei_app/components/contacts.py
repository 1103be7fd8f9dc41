"""Contact links big enough for a thumb: call, write, website."""

import reflex as rx

from zerosei_app.components.icons import icon_for
from zerosei_app.components.links import external, plain
from zerosei_app.view.contacts import LinkView


def contact_link(link: LinkView) -> rx.Component:
    return rx.el.li(
        rx.cond(
            link.kind == "web",
            external(icon_for(link.kind), link.label, href=link.href, class_name="contact"),
            plain(icon_for(link.kind), link.label, href=link.href, class_name="contact"),
        )
    )


def contact_list(links) -> rx.Component:
    return rx.cond(links.length() > 0, rx.el.ul(rx.foreach(links, contact_link), class_name="contacts"))
