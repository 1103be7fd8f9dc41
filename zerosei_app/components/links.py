"""Two kinds of links: inside the app (client-side navigation) and everything else (a plain <a>)."""

import reflex as rx
from reflex_components_core.el.elements.inline import A
from reflex_components_core.react_router.dom import ReactRouterLink


def internal(*children, href, **props) -> rx.Component:
    """A page of ours: React Router navigates without reloading the app."""
    return ReactRouterLink.create(*children, to=href, **props)


def plain(*children, href, **props) -> rx.Component:
    """tel:, mailto:, other sites, in-page anchors: the browser handles them (and moves focus)."""
    return A.create(*children, href=href, **props)


def external(*children, href, **props) -> rx.Component:
    """Another site: opened in place (no new tab surprises), never sending our URL as referrer."""
    return A.create(*children, href=href, rel="noopener noreferrer", **props)
