"""/inizia/comune : step 1 of 3, "Dove vivi?"."""

import reflex as rx

from zerosei_app.components.combobox import combobox
from zerosei_app.components.i18n import t
from zerosei_app.components.layout import page as layout
from zerosei_app.components.wizard_parts import notices, question
from zerosei_app.state.wizard_comune import ComuneStepState as S
from zerosei_app.view import urls

ROUTE = urls.STEP_COMUNE


def page() -> rx.Component:
    """No skeleton here: the short form is prerendered as it is (no layout shift), and its controls
    stay disabled until the state has read the URL, so nothing typed before that is lost."""
    return layout(
        question(1, "ui.wiz.comune.title", back_href=S.step_href["home"]),
        notices(S.notices),
        combobox(),
        rx.el.div(
            rx.el.button(
                t("ui.wiz.next"),
                type="button",
                id="comune-continua",
                on_click=S.submit,
                disabled=~S.ready,
                class_name="btn btn-primary",
            ),
            class_name="actions",
        ),
        main_class="wizard",
    )
