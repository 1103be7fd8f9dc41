"""Registers the parents' pages (one module per route under pages/)."""

import reflex as rx

from zerosei_app.pages import home


def register(app: rx.App) -> None:
    app.add_page(home.page, route="/", title=home.TITLE, description=home.DESCRIPTION)
