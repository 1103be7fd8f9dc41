""" "Prossimi appuntamenti": the next dated sessions, each with "Aggiungi al calendario", and for a
path the subscribable feed (webcal: and https). Shown only when there are sessions to show."""

from __future__ import annotations

import reflex as rx

from zerosei_app.components.i18n import t
from zerosei_app.components.links import plain
from zerosei_app.state.entry_sessions import EntrySessionsState as A
from zerosei_app.view.entry_sessions import EntrySessionView


def _item(a: EntrySessionView) -> rx.Component:
    return rx.el.li(
        rx.el.p(rx.el.strong(a.day), " · ", a.hours),
        rx.el.p(a.title, " – ", a.where),
        rx.el.p(plain(t("ui.sessions.add_to_calendar"), href=a.ics_href, download=True)),
        class_name="appuntamento",
        key=a.uid,
    )


def _section(on_mount, key=None) -> rx.Component:
    # The wrapper is always there (it loads the sessions when mounted); the labelled section only when
    # there is something to say, so no empty landmark is left for screen readers.
    return rx.el.div(
        rx.cond(
            A.has_sessions,
            rx.el.section(
                rx.el.h2(t("ui.sessions.upcoming"), id="appuntamenti-titolo"),
                rx.cond(
                    A.items.length() > 0,
                    rx.el.ul(rx.foreach(A.items, _item), class_name="appuntamenti"),
                    rx.el.p(t("ui.sessions.none")),
                ),
                rx.cond(
                    A.webcal_href != "",
                    rx.el.p(
                        plain(t("ui.sessions.subscribe"), href=A.webcal_href),
                        " (",
                        plain(".ics", href=A.feed_href),
                        "). ",
                        t("ui.sessions.subscribe_hint"),
                        class_name="appuntamenti-feed",
                    ),
                ),
                aria_labelledby="appuntamenti-titolo",
            ),
        ),
        id="appuntamenti",
        on_mount=on_mount,
        **({"key": key} if key is not None else {}),
    )


def path_sessions(key=None) -> rx.Component:
    """For /percorso: the path in the page's address. `key`: a Var that changes with the path
    (e.g. its share URL), so a new filter re-mounts the section and reloads it."""
    return _section(A.load_path, key)


def centro_sessions(centro_id) -> rx.Component:
    """For a centre's page (centro_id: an int or an int Var)."""
    return _section(A.load_centro(centro_id))
