"""The Reflex app: parents' pages, staff pages, the public JSON API under /api/v1."""

import reflex as rx

import zerosei_app.models  # noqa: F401  (every table on SQLModel.metadata, which Reflex's schema check reads)
from zerosei_app.api.app import api
from zerosei_app.auth.http_headers import staff_no_store
from zerosei_app.components.error_page import error_boundary
from zerosei_app.components.head import lang_boot_script
from zerosei_app.pages.public import register as register_public_pages
from zerosei_app.pages.staff import register as register_staff_pages
from zerosei_app.settings import check_all
from zerosei_app.web import log_guard, package_cache, reflex_patches, ws_guard
from zerosei_app.web.allowed_hosts import allowed_hosts
from zerosei_app.web.mail_retry import retry_mail
from zerosei_app.web.security_headers import content_security_policy
from zerosei_app.web.tab_states import drop_closed_parent_tabs
from zerosei_app.web.token_owner import use_worker_aware_tokens
from zerosei_app.web.upload_limit import upload_limit
from zerosei_app.web.warm_up import warm_up
from zerosei_app.web.ws_guard import websocket_limits

# Every setting is read and validated now: a bad variable stops the start, naming it.
check_all()
# Client values in log lines are cut and token-like values masked (ours and Reflex's).
log_guard.install()

app = rx.App(
    html_lang="it",
    # The public API, then no-store/no-frame headers on the staff pages, a CSP on every page and a
    # size limit on uploads (refused before anything reads the body), bounds on the websocket, and
    # outermost the Host check (a forged Host is refused before anything is built or cached).
    api_transformer=[api, staff_no_store, content_security_policy, upload_limit, websocket_limits, allowed_hosts],
    stylesheets=["/styles.css"],
    head_components=[
        rx.el.meta(name="theme-color", content="#0b5394"),
        # Path links carry birth months: never send them to other sites as a referrer.
        rx.el.meta(name="referrer", content="same-origin"),
        rx.el.link(rel="icon", href="/favicon.svg", type="image/svg+xml"),
        # "Add to home screen" and the saved paths (assets/manifest.json, assets/sw.js).
        rx.el.link(rel="manifest", href="/manifest.json"),
        rx.el.link(rel="apple-touch-icon", href="/icon-192.png"),
        lang_boot_script(),
    ],
)
# Reflex's connection toast and pulser speak English only: each page frame shows its own notice instead.
reflex_patches.hide_connection_overlay(app)
# A broken page shows our frame in the page's language (Reflex's shows a stack trace in English).
reflex_patches.use_error_boundary(app, error_boundary)
# Same-origin websocket, bounded messages and URLs (web/ws_guard.py).
ws_guard.install(app)
register_public_pages(app)
register_staff_pages(app)
# Each worker builds its indexes before serving, off the event loop; with Redis, a tab whose
# worker died comes back to another with its own state; without it, closed parents' tabs are
# not kept in memory for an hour.
app.register_lifespan_task(warm_up)
app.register_lifespan_task(use_worker_aware_tokens)
app.register_lifespan_task(drop_closed_parent_tabs)
# E-mail that could not go out is tried again every few minutes (mail/outbox.py).
app.register_lifespan_task(retry_mail)
# The HSDS data package is built in another process before anyone asks for it.
app.register_lifespan_task(package_cache.prebuild)
