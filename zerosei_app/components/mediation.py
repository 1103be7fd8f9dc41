"""A centre's cultural mediators, on the path's centre card and the Carta page (view/mediation.py's words)."""

import reflex as rx
from reflex_base.vars.base import Var

from zerosei_app.components.i18n import t
from zerosei_app.view.mediation import LanguageNameView


def _language_name(n: LanguageNameView) -> rx.Component:
    # Each name in its own language and script: read and drawn right (lang, dir "auto").
    return rx.fragment(n.sep, rx.el.span(n.name, lang=n.code, dir="auto"))


def mediation_lines(items: Var, asked: Var | str = "") -> rx.Component:
    """The line for the language the parent asked for (`lingua=`), then every language of the mediators."""
    return rx.fragment(
        rx.cond(asked != "", rx.el.p(asked, class_name="lingua-mediazione")),
        rx.cond(
            items.length() > 0,
            rx.el.p(
                rx.el.strong(t("ui.centro.mediazione")),
                " ",
                rx.foreach(items, _language_name),
                class_name="mediazione",
            ),
        ),
    )
