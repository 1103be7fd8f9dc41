"""Find a centre by comune, CAP or name: the comune combobox (components/combobox.py) over the
directory's state, and the centres it finds."""

import reflex as rx

from zerosei_app.components.combobox import ComboIds, combobox
from zerosei_app.components.contacts import contact_list
from zerosei_app.components.links import internal
from zerosei_app.state.carta import CartaState as S
from zerosei_app.view.carta_view import FoundView

IDS = ComboIds(input="carta-cerca", listbox="carta-cerca-elenco", hint="carta-cerca-aiuto")


def _found(c: FoundView) -> rx.Component:
    """Name (the centre's Carta), where, and what it is for this comune: the path's words."""
    return rx.el.li(
        rx.el.p(c.kicker, class_name="found-kicker"),
        rx.el.p(
            rx.cond(c.href != "", internal(c.name, href=c.href, lang="it"), rx.el.strong(c.name, lang="it")),
            rx.cond(c.place != "", rx.fragment(" – ", c.place)),
        ),
        rx.cond(c.note != "", rx.el.p(c.note, class_name="found-note")),
        contact_list(c.links),
        class_name="found",
    )


def carta_search() -> rx.Component:
    return combobox(
        S,
        IDS,
        ("ui.carta.search_label", "ui.carta.search_hint", "ui.carta.search_listbox"),
        ~S.loaded,
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
