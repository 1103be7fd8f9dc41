"""Registers the staff pages (/staff…)."""

import reflex as rx


def register(app: rx.App) -> None:  # noqa: ARG001 - filled in by the staff work
    return None
