"""Reflex configuration; every value comes from zerosei_app.settings (the environment)."""

import sys

import reflex as rx

from zerosei_app.settings import get_settings

settings = get_settings()

config = rx.Config(
    app_name="zerosei_app",
    db_url=settings.database_url,
    redis_url=settings.redis_url,
    # Without Redis, tab states live in memory only: a family's choices are never written to
    # disk (the link is the state, so a restart loses nothing). Idle states expire after 1 h.
    state_manager_mode="redis" if settings.redis_url else "memory",
    # `reflex run --backend-only` (Reflex's production recipe, and the fault tests) refuses a
    # configured frontend port.
    frontend_port=None if "--backend-only" in sys.argv else settings.port,
    backend_port=settings.port,
    api_url=settings.public_url or f"http://localhost:{settings.port}",
    deploy_url=settings.public_url or f"http://localhost:{settings.port}",
    telemetry_enabled=False,
    cors_allowed_origins=settings.cors_allowed_origins,
    trusted_proxy_hops=settings.trusted_proxy_hops,
    show_built_with_reflex=False,
    # Parents' pages must be light: no sitemap generator, no Tailwind.
    disable_plugins=[rx.plugins.SitemapPlugin],
)
