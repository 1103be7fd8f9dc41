"""The Reflex app: parents' pages, staff pages, the public JSON API under /api/v1."""

import reflex as rx

from zerosei_app.models import Comune  # importing the package registers every table
from zerosei_app.api.app import api
from zerosei_app.auth.http_headers import staff_no_store
from zerosei_app.components.head import lang_boot_script
from zerosei_app.pages.public import register as register_public_pages
from zerosei_app.pages.staff import register as register_staff_pages

# Reflex's start-up schema check compares the database with its registered models' metadata;
# every table shares SQLModel.metadata, so registering one table registers them all.
rx.ModelRegistry.register(Comune)

app = rx.App(
    html_lang="it",
    # The public API, then no-store/no-frame headers on the staff pages.
    api_transformer=[api, staff_no_store],
    stylesheets=["/styles.css"],
    head_components=[
        rx.el.meta(name="theme-color", content="#0b5394"),
        # Path links carry birth months: never send them to other sites as a referrer.
        rx.el.meta(name="referrer", content="same-origin"),
        rx.el.link(rel="icon", href="/favicon.svg", type="image/svg+xml"),
        lang_boot_script(),
    ],
)
register_public_pages(app)
register_staff_pages(app)
