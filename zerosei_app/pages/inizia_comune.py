"""/inizia/comune : step 1 of 3, "Dove vivi?"."""

import reflex as rx

from zerosei_app.components.combobox import ComboIds, combobox
from zerosei_app.components.i18n import t
from zerosei_app.components.layout import page as layout
from zerosei_app.components.wizard_parts import notices, question
from zerosei_app.state.wizard_comune import ComuneStepState as S
from zerosei_app.view import urls

ROUTE = urls.STEP_COMUNE
IDS = ComboIds(input="comune-input", listbox="comune-listbox", hint="comune-aiuto", status="comune-stato")
ERROR_ID = "comune-errore"


def _comune_field() -> rx.Component:
    """The combobox, with the step's error and the comune chosen under it."""
    has_error = S.error != ""
    return combobox(
        S,
        IDS,
        ("ui.wiz.comune.label", "ui.wiz.comune.hint", "ui.wiz.comune.listbox"),
        ~S.ready,  # until the state has read the URL (see page() below)
        rx.cond(has_error, rx.el.p(S.error, id=ERROR_ID, class_name="field-error")),
        rx.cond(
            S.comune_code != "",
            rx.el.p(
                rx.el.span(t("ui.wiz.comune.chosen"), class_name="chosen-label"),
                " ",
                rx.el.strong(S.comune_label),
                class_name="chosen",
            ),
        ),
        input_props={
            "on_click": S.reopen,
            "aria_describedby": rx.cond(has_error, f"{IDS.hint} {ERROR_ID}", IDS.hint),
            "aria_invalid": rx.cond(has_error, "true", "false"),
            "dir": "auto",  # Italian town names read left to right, also on an Arabic page
            "enter_key_hint": "next",
            # On a slow phone reading the URL takes seconds: say so, rather than a mute grey box.
            "placeholder": rx.cond(S.ready, "", t("ui.wiz.comune.loading")),
            "aria_busy": rx.cond(S.ready, "false", "true"),
        },
    )


def page() -> rx.Component:
    """No skeleton here: the short form is prerendered as it is (no layout shift), and its controls
    stay disabled until the state has read the URL, so nothing typed before that is lost."""
    return layout(
        question(1, "ui.wiz.comune.title", back_href=S.step_href["home"]),
        notices(S.notices),
        _comune_field(),
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
