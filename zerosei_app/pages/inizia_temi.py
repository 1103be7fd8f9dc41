"""/inizia/temi : step 3 of 3, "Cosa ti interessa?" (optional)."""

import reflex as rx

from zerosei_app.components.i18n import t
from zerosei_app.components.topic_chips import topic_chips
from zerosei_app.components.wizard_parts import step_page
from zerosei_app.state.wizard_temi import TemiStepState as S
from zerosei_app.view import urls

ROUTE = urls.STEP_TEMI


def _context() -> rx.Component:
    return rx.el.p(
        t("ui.wiz.for_comune"),
        " ",
        rx.el.strong(S.comune_label),
        rx.foreach(S.ages, lambda age: rx.fragment(" · ", rx.el.span(age))),
        class_name="context",
    )


def page() -> rx.Component:
    return step_page(
        3,
        "ui.wiz.temi.title",
        "ui.wiz.temi.hint",
        S.step_href["figli"],
        S,
        _context(),
        topic_chips(S.chips, S.toggle, t("ui.wiz.temi.legend"), "temi", S.chips_version),
        rx.el.div(
            rx.el.button(t("ui.wiz.temi.show"), type="button", on_click=S.submit, class_name="btn btn-primary"),
            rx.el.button(t("ui.wiz.temi.skip"), type="button", on_click=S.skip, class_name="btn btn-secondary"),
            class_name="actions",
        ),
    )
