"""Find a centre by comune, CAP or name: the wizard's ARIA 1.2 combobox pattern (components/combobox.py)
over the directory's state."""

import reflex as rx
from reflex.vars.base import LiteralVar, Var
from reflex_base.event import EventChain, key_event

from zerosei_app.components.i18n import t
from zerosei_app.components.links import internal
from zerosei_app.state.carta import CartaState as S
from zerosei_app.state.carta import SearchOption
from zerosei_app.state.wizard_comune import NAV_KEYS
from zerosei_app.view.carta_view import DirCentroView

INPUT_ID = "carta-cerca"
LISTBOX_ID = "carta-cerca-elenco"
HINT_ID = "carta-cerca-aiuto"
_CLIENT_KEYS = [k for k in NAV_KEYS if k not in ("Home", "End")]


def _key_handler() -> Var:
    chain = LiteralVar.create(EventChain.create(value=S.key, args_spec=key_event, key="on_key_down"))
    keys = "[" + ",".join(f'"{k}"' for k in _CLIENT_KEYS) + "]"
    return Var(
        _js_expr=f"((_ev) => {{ if ({keys}.includes(_ev.key) && !_ev.isComposing) {{ _ev.preventDefault(); ({chain})(_ev); }} }})",
        _var_data=chain._get_all_var_data(),
    )


def _option(option: SearchOption, index) -> rx.Component:
    selected = index == S.active
    return rx.el.li(
        rx.el.span(option.name, class_name="opt-name"),
        rx.el.span(option.detail, class_name="opt-detail"),
        id=option.dom_id,
        role="option",
        aria_selected=rx.cond(selected, "true", "false"),
        class_name=rx.cond(selected, "opt active", "opt"),
        on_click=S.pick(option.key),
        custom_attrs={"onMouseDown": Var(_js_expr="((_ev) => _ev.preventDefault())")},
    )


def _found(c: DirCentroView) -> rx.Component:
    return rx.el.li(internal(c.nome, href=c.href, lang="it"), " – ", c.luogo)


def carta_search() -> rx.Component:
    return rx.el.div(
        rx.el.label(t("ui.carta.search_label"), html_for=INPUT_ID, class_name="label"),
        rx.el.p(t("ui.carta.search_hint"), id=HINT_ID, class_name="field-hint"),
        rx.el.div(
            rx.debounce_input(
                rx.el.input(
                    id=INPUT_ID,
                    type="text",
                    role="combobox",
                    value=S.text,
                    on_change=S.search,
                    on_blur=S.close,
                    aria_autocomplete="list",
                    aria_expanded=rx.cond(S.expanded, "true", "false"),
                    aria_controls=LISTBOX_ID,
                    aria_activedescendant=rx.cond(S.active_id != "", S.active_id, None),
                    aria_describedby=HINT_ID,
                    auto_complete="off",
                    auto_capitalize="none",
                    spell_check=False,
                    disabled=~S.loaded,
                    class_name="input",
                    custom_attrs={"onKeyDown": _key_handler()},
                ),
                debounce_timeout=120,
                force_notify_by_enter=True,
                force_notify_on_blur=True,
            ),
            rx.el.ul(
                rx.foreach(S.options, _option),
                id=LISTBOX_ID,
                role="listbox",
                aria_label=t("ui.carta.search_listbox"),
                hidden=~S.expanded,
                class_name="listbox",
            ),
            class_name="combo",
        ),
        rx.el.div(S.status, role="status", aria_live="polite", class_name="sr-only"),
        rx.el.div(
            rx.cond(
                S.found_title != "",
                rx.fragment(
                    rx.el.p(rx.el.strong(S.found_title)),
                    rx.el.ul(rx.foreach(S.found, _found), class_name="carta-found"),
                ),
            ),
            id="carta-trovati",
            tab_index=-1,
        ),
        class_name="field carta-search no-print",
    )
