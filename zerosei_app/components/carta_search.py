"""Find a centre by comune, CAP or name: the wizard's ARIA 1.2 combobox pattern (components/combobox.py)
over the directory's state."""

import reflex as rx
from reflex.vars.base import Var

from zerosei_app.components.combobox import nav_key_handler, option_item
from zerosei_app.components.contacts import contact_list
from zerosei_app.components.i18n import t
from zerosei_app.components.links import internal
from zerosei_app.state.carta import CartaState as S
from zerosei_app.state.carta import SearchOption
from zerosei_app.view.carta_view import FoundView

INPUT_ID = "carta-cerca"
LISTBOX_ID = "carta-cerca-elenco"
HINT_ID = "carta-cerca-aiuto"


def _key_handler() -> Var:
    return nav_key_handler(S.key)


def _option(option: SearchOption, index) -> rx.Component:
    return option_item(option, index == S.active, S.pick(option.key))


def _found(c: FoundView) -> rx.Component:
    """Name (the centre's Carta), where, and what it is for this comune: the path's words."""
    return rx.el.li(
        rx.el.p(c.kicker, class_name="found-kicker"),
        rx.el.p(
            rx.cond(c.href != "", internal(c.nome, href=c.href, lang="it"), rx.el.strong(c.nome, lang="it")),
            rx.cond(c.luogo != "", rx.fragment(" – ", c.luogo)),
        ),
        rx.cond(c.note != "", rx.el.p(c.note, class_name="found-note")),
        contact_list(c.links),
        class_name="found",
    )


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
