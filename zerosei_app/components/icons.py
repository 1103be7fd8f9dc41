"""Tiny inline SVG icons (drawn here: no icon font, no download). Decorative: hidden from screen readers."""

import reflex as rx

_PATHS = {
    "tel": "M6.5 3h3l1.5 4.5-2 1.5a11 11 0 0 0 6 6l1.5-2 4.5 1.5v3a2 2 0 0 1-2 2A17 17 0 0 1 4.5 5a2 2 0 0 1 2-2z",
    "mail": "M3 5h18v14H3z M3 6l9 7 9-7",
    "web": "M12 3a9 9 0 1 0 0 18a9 9 0 1 0 0-18z M3 12h18 M12 3c3 3.5 3 14.5 0 18 M12 3c-3 3.5-3 14.5 0 18",
    "map": "M12 21s-7-6.5-7-11a7 7 0 0 1 14 0c0 4.5-7 11-7 11z M12 7.5a2.5 2.5 0 1 0 0 5a2.5 2.5 0 1 0 0-5z",
}


def icon(kind: str) -> rx.Component:
    return rx.el.svg(
        rx.el.svg.path(d=_PATHS[kind]),
        view_box="0 0 24 24",
        width="20",
        height="20",
        aria_hidden="true",
        focusable="false",
        class_name="icon",
    )


def icon_for(kind_var) -> rx.Component:
    """The icon for a LinkView.kind known only in the browser."""
    return rx.match(
        kind_var, ("tel", icon("tel")), ("mail", icon("mail")), ("web", icon("web")), ("pec", icon("mail")), icon("map")
    )
