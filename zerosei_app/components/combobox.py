"""The comune combobox, after the ARIA 1.2 "combobox with listbox popup" pattern.

input role=combobox + aria-expanded/-controls/-activedescendant; a listbox of options; arrow keys,
Enter and Escape; a polite live region saying how many comuni were found. The search itself is
the domain's (names, CAP, typos), run on the server.
"""

import reflex as rx
from reflex.vars.base import LiteralVar, Var
from reflex_base.event import EventChain, key_event

from zerosei_app.components.i18n import t
from zerosei_app.state.wizard_comune import NAV_KEYS, ComuneOption
from zerosei_app.state.wizard_comune import ComuneStepState as S

INPUT_ID = "comune-input"
LISTBOX_ID = "comune-listbox"
ERROR_ID = "comune-errore"
HINT_ID = "comune-aiuto"
# Only these keys reach the server; letters stay in the browser (typing must never wait on the network).
_CLIENT_KEYS = [k for k in NAV_KEYS if k not in ("Home", "End")]  # Home/End keep moving the caret


def nav_key_handler(handler) -> Var:
    """keydown for a combobox input: only the navigation keys go to `handler` (an event of the state)."""
    chain = LiteralVar.create(EventChain.create(value=handler, args_spec=key_event, key="on_key_down"))
    keys = "[" + ",".join(f'"{k}"' for k in _CLIENT_KEYS) + "]"
    return Var(
        _js_expr=f"((_ev) => {{ if ({keys}.includes(_ev.key) && !_ev.isComposing) {{ _ev.preventDefault(); ({chain})(_ev); }} }})",
        _var_data=chain._get_all_var_data(),
    )


def option_item(option, selected, on_pick) -> rx.Component:
    """One option of a combobox list (`option` has name, detail and dom_id)."""
    return rx.el.li(
        rx.el.span(option.name, class_name="opt-name", lang="it"),  # a place name, in Italian
        rx.el.span(option.detail, class_name="opt-detail"),
        id=option.dom_id,
        role="option",
        aria_selected=rx.cond(selected, "true", "false"),
        class_name=rx.cond(selected, "opt active", "opt"),
        on_click=on_pick,
        # Keep the focus in the input: a tap on an option must not count as leaving the field.
        custom_attrs={"onMouseDown": Var(_js_expr="((_ev) => _ev.preventDefault())")},
    )


def _key_handler() -> Var:
    return nav_key_handler(S.key)


def _option(option: ComuneOption, index) -> rx.Component:
    return option_item(option, index == S.active, S.pick(option.code))


def combobox() -> rx.Component:
    return rx.el.div(
        rx.el.label(t("ui.wiz.comune.label"), html_for=INPUT_ID, class_name="label"),
        rx.el.p(t("ui.wiz.comune.hint"), id=HINT_ID, class_name="field-hint"),
        rx.el.div(
            rx.debounce_input(
                rx.el.input(
                    id=INPUT_ID,
                    type="text",
                    role="combobox",
                    value=S.text,
                    on_change=S.search,
                    on_blur=S.close,  # a tap elsewhere closes the list (it must not cover "Continua")
                    on_click=S.reopen,
                    aria_autocomplete="list",
                    aria_expanded=rx.cond(S.expanded, "true", "false"),
                    aria_controls=LISTBOX_ID,
                    aria_activedescendant=rx.cond(S.active_id != "", S.active_id, None),
                    aria_describedby=rx.cond(S.error != "", f"{HINT_ID} {ERROR_ID}", HINT_ID),
                    aria_invalid=rx.cond(S.error != "", "true", "false"),
                    auto_complete="off",
                    auto_capitalize="none",
                    dir="auto",  # Italian town names read left to right, also on an Arabic page
                    spell_check=False,
                    enter_key_hint="next",
                    disabled=~S.ready,  # until the state has read the URL (see pages/inizia_comune.py)
                    # On a slow phone that takes seconds: say so, rather than a mute grey box.
                    placeholder=rx.cond(S.ready, "", t("ui.wiz.comune.loading")),
                    aria_busy=rx.cond(S.ready, "false", "true"),
                    class_name="input",
                    custom_attrs={"onKeyDown": _key_handler()},
                ),
                debounce_timeout=120,
                force_notify_by_enter=True,  # Enter right after typing sees the whole text
                force_notify_on_blur=True,
            ),
            rx.el.ul(
                rx.foreach(S.options, _option),
                id=LISTBOX_ID,
                role="listbox",
                aria_label=t("ui.wiz.comune.listbox"),
                hidden=~S.expanded,
                class_name="listbox",
            ),
            class_name="combo",
        ),
        rx.el.div(S.status, role="status", aria_live="polite", class_name="sr-only", id="comune-stato"),
        rx.cond(
            S.error != "",
            rx.el.p(S.error, id=ERROR_ID, class_name="field-error"),
        ),
        rx.cond(
            S.comune_code != "",
            rx.el.p(
                rx.el.span(t("ui.wiz.comune.chosen"), class_name="chosen-label"),
                " ",
                rx.el.strong(S.comune_label),
                class_name="chosen",
            ),
        ),
        class_name="field",
    )
