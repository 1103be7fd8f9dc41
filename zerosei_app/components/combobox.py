"""The comune combobox, after the ARIA 1.2 "combobox with listbox popup" pattern, over a state
using state/combobox.py (the wizard's "Dove vivi?" and the Carta's "find a centre").

input role=combobox + aria-expanded/-controls/-activedescendant; a listbox of options; arrow keys,
Enter and Escape; a polite live region saying what was found. The search itself is the domain's
(names, CAP, typos), run on the server.
"""

from dataclasses import dataclass

import reflex as rx
from reflex.vars.base import LiteralVar, Var
from reflex_base.event import EventChain, key_event

from zerosei_app.components.i18n import t
from zerosei_app.state.combobox import NAV_KEYS
from zerosei_app.view.comune_options import ComboOption
from zerosei_app.web.reflex_patches import js_var

# Only these keys reach the server; letters stay in the browser (typing must never wait on the network).
_CLIENT_KEYS = [k for k in NAV_KEYS if k not in ("Home", "End")]  # Home/End keep moving the caret


@dataclass(frozen=True)
class ComboIds:
    """The element ids (the label, hint, aria attributes and the e2e tests point at them)."""

    input: str
    listbox: str
    hint: str
    status: str | None = None  # the live region's, where a test or a script needs one


def nav_key_handler(handler) -> Var:
    """keydown for a combobox input: only the navigation keys go to `handler` (an event of the state)."""
    chain = LiteralVar.create(EventChain.create(value=handler, args_spec=key_event, key="on_key_down"))
    keys = "[" + ",".join(f'"{k}"' for k in _CLIENT_KEYS) + "]"
    return js_var(
        f"((_ev) => {{ if ({keys}.includes(_ev.key) && !_ev.isComposing) {{ _ev.preventDefault(); ({chain})(_ev); }} }})",
        reads=chain,
    )


def _option(state, option: ComboOption, index) -> rx.Component:
    selected = index == state.active
    return rx.el.li(
        rx.el.span(option.name, class_name="opt-name", lang="it"),  # a place name, in Italian
        rx.el.span(option.detail, class_name="opt-detail"),
        id=option.dom_id,
        role="option",
        aria_selected=rx.cond(selected, "true", "false"),
        class_name=rx.cond(selected, "opt active", "opt"),
        on_click=state.pick(option.value),
        # Keep the focus in the input: a tap on an option must not count as leaving the field.
        custom_attrs={"onMouseDown": js_var("((_ev) => _ev.preventDefault())")},
    )


def _input(state, ids: ComboIds, disabled, input_props: dict) -> rx.Component:
    return rx.debounce_input(
        rx.el.input(
            id=ids.input,
            type="text",
            role="combobox",
            value=state.text,
            on_change=state.search,
            on_blur=state.close,  # a tap elsewhere closes the list (it must not cover the buttons)
            aria_autocomplete="list",
            aria_expanded=rx.cond(state.expanded, "true", "false"),
            aria_controls=ids.listbox,
            aria_activedescendant=rx.cond(state.active_id != "", state.active_id, None),
            auto_complete="off",
            auto_capitalize="none",
            spell_check=False,
            disabled=disabled,
            class_name="input",
            custom_attrs={"onKeyDown": nav_key_handler(state.key)},
            **{"aria_describedby": ids.hint, **input_props},
        ),
        debounce_timeout=120,
        force_notify_by_enter=True,  # Enter right after typing sees the whole text
        force_notify_on_blur=True,
    )


def combobox(
    state, ids: ComboIds, keys: tuple[str, str, str], disabled, *after, input_props=None, class_name="field"
) -> rx.Component:
    """Label, hint, the input and its listbox, the live region, then `after` (errors, results…).

    `keys`: the ui texts of the label, the hint and the listbox's name; `input_props`: the input's
    further attributes (they may replace aria_describedby)."""
    label, hint, listbox = keys
    return rx.el.div(
        rx.el.label(t(label), html_for=ids.input, class_name="label"),
        rx.el.p(t(hint), id=ids.hint, class_name="field-hint"),
        rx.el.div(
            _input(state, ids, disabled, input_props or {}),
            rx.el.ul(
                rx.foreach(state.options, lambda option, index: _option(state, option, index)),
                id=ids.listbox,
                role="listbox",
                aria_label=t(listbox),
                hidden=~state.expanded,
                class_name="listbox",
            ),
            class_name="combo",
        ),
        rx.el.div(state.status, role="status", aria_live="polite", class_name="sr-only", id=ids.status),
        *after,
        class_name=class_name,
    )
