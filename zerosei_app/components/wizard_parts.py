"""Pieces every wizard step uses: the progress line, the question, link notices, the buttons."""

import reflex as rx

from zerosei_app.components.i18n import t
from zerosei_app.components.layout import page as layout
from zerosei_app.components.links import internal

TOTAL_STEPS = 3


def progress(step: int) -> rx.Component:
    """ "Passo 1 di 3" as text (read first by screen readers) plus three bars for the eye."""
    return rx.el.div(
        rx.el.p(t(f"ui.wiz.step{step}"), class_name="progress-text"),
        rx.el.ol(
            *[
                rx.el.li(
                    class_name="progress-bar done" if n <= step else "progress-bar",
                    aria_hidden="true",
                )
                for n in range(1, TOTAL_STEPS + 1)
            ],
            class_name="progress",
            aria_hidden="true",
        ),
        class_name="progress-wrap",
    )


def question(step: int, title_key: str, hint_key: str | None = None, back_href=None) -> rx.Component:
    return rx.fragment(
        back_link(back_href) if back_href is not None else rx.fragment(),
        progress(step),
        rx.el.h1(t(title_key), id="titolo-passo", tab_index=-1),
        rx.el.p(t(hint_key), class_name="hint") if hint_key else rx.fragment(),
    )


def notices(items) -> rx.Component:
    """Problems with the link the parent came from (already in their language)."""
    return rx.cond(
        items.length() > 0,
        rx.el.div(
            rx.el.h2(t("ui.notice.title"), class_name="notice-title"),
            rx.el.ul(rx.foreach(items, lambda m: rx.el.li(m))),
            class_name="notice",
            role="status",
        ),
    )


def back_link(href, key: str = "ui.wiz.back") -> rx.Component:
    """Small, at the top: the big button of a step is always the one that moves forward."""
    return internal(rx.el.span("‹\u00a0", aria_hidden="true"), t(key), href=href, class_name="back-link")


def skeleton() -> rx.Component:
    """Shown until the state has read the URL: same place, no text in a possibly wrong language."""
    return rx.el.div(
        rx.el.div(class_name="sk sk-line"),
        rx.el.div(class_name="sk sk-box"),
        rx.el.div(class_name="sk sk-line short"),
        class_name="skeleton",
        aria_hidden="true",
    )


def step_page(step: int, title_key: str, hint_key: str, back_href, state, *body) -> rx.Component:
    """A wizard step: its question, then, once the state has read the URL, the link's notices and
    the step's own content (a skeleton until then)."""
    return layout(
        question(step, title_key, hint_key, back_href=back_href),
        rx.cond(state.ready, rx.fragment(notices(state.notices), *body), skeleton()),
        main_class="wizard",
    )
