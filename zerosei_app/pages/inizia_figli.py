"""/inizia/figli : step 2 of 3, "Il tuo bambino o la tua bambina"."""

import reflex as rx

from zerosei_app.components.child_row import child_row
from zerosei_app.components.i18n import t
from zerosei_app.components.links import internal
from zerosei_app.components.wizard_parts import step_page
from zerosei_app.state.wizard_children import ChildrenStepState as S
from zerosei_app.view import urls

ROUTE = urls.STEP_CHILDREN


def _context() -> rx.Component:
    """Where the parent is: the comune they chose, changeable."""
    return rx.el.p(
        t("ui.wiz.for_comune"),
        " ",
        rx.el.strong(S.comune_label),
        " · ",
        internal(t("ui.wiz.change"), href=S.step_href["comune"]),
        class_name="context",
    )


def _needs_comune() -> rx.Component:
    return rx.el.div(
        rx.el.p(t("ui.wiz.need_comune"), class_name="notice"),
        internal(t("ui.wiz.go_comune"), href=S.step_href["comune"], class_name="btn btn-primary"),
    )


def _form() -> rx.Component:
    return rx.fragment(
        _context(),
        rx.el.div(rx.foreach(S.rows, child_row), class_name="children"),
        rx.cond(
            S.can_add,
            rx.el.button(
                "+ ",
                t("ui.wiz.figli.add"),
                type="button",
                id="figli-aggiungi",
                on_click=S.add,
                class_name="btn btn-secondary add",
            ),
            rx.el.p(t("ui.wiz.figli.max"), class_name="muted", id="figli-aggiungi", tab_index=-1),
        ),
        rx.el.div(
            rx.el.button(t("ui.wiz.next"), type="button", on_click=S.submit, class_name="btn btn-primary"),
            class_name="actions",
        ),
    )


def page() -> rx.Component:
    return step_page(
        2,
        "ui.wiz.figli.title",
        "ui.wiz.figli.hint",
        S.step_href["comune"],
        S,
        rx.cond(S.has_comune, _form(), _needs_comune()),
    )
