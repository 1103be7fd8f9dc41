"""The entry exactly as parents see it: the parents' own card component (components/entry_card.py),
fed by the same pipeline as the path page (view/percorso_out.voce_fields → view/percorso_view.entry_view).

Only its "Segnala un errore" area is hidden here (a staff preview must not file reports); a note says so.
"""

from __future__ import annotations

import reflex as rx
from reflex_base.vars.base import Var

from zerosei_app.components.entry_card import entry_card


def entry_preview(p: Var, area: Var, note: Var | str = "") -> rx.Component:
    return rx.el.section(
        rx.el.p("Anteprima: come la vedono le famiglie nel loro percorso", class_name="st-preview-label"),
        rx.cond(note != "", rx.el.p(note, class_name="st-muted")),
        rx.el.div(
            rx.el.p(area, class_name="group-title"),
            entry_card(p),
            rx.el.p("Sotto ogni voce le famiglie trovano anche «Segnala un errore».", class_name="st-muted st-small"),
            class_name="st-parent-preview",
        ),
        aria_label="Anteprima",
    )
