"""/inizia/comune : step 1 of 3, "Dove vivi?"."""

import reflex as rx

from zerosei_app.components.combobox import combobox
from zerosei_app.components.i18n import t
from zerosei_app.components.layout import page as layout
from zerosei_app.components.wizard_parts import notices, question, skeleton
from zerosei_app.state import urls
from zerosei_app.state.wizard_comune import ComuneStepState as S

ROUTE = urls.STEP_COMUNE


def page() -> rx.Component:
    return layout(
        question(1, "ui.wiz.comune.title", back_href=S.step_href["home"]),
        rx.cond(
            S.ready,
            rx.fragment(
                notices(S.notices),
                combobox(),
                rx.el.div(
                    rx.el.button(
                        t("ui.wiz.next"), type="button", id="comune-continua", on_click=S.submit, class_name="btn btn-primary"
                    ),
                    class_name="actions",
                ),
            ),
            skeleton(),
        ),
        main_class="wizard",
    )
