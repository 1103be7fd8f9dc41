"""One voce of the Carta: the essentials first, details on demand, honesty about verification."""

import reflex as rx

from zerosei_app.components.contacts import contact_list
from zerosei_app.components.i18n import t
from zerosei_app.components.report_form import report_area
from zerosei_app.view.percorso_view import ENTRY_TEXT_LANG, EntryView, FactView


def _fact(f: FactView) -> rx.Component:
    return rx.el.div(
        rx.el.dt(f.label), " ", rx.el.dd(f.value, lang=rx.cond(f.lang != "", f.lang, None)), class_name="fact"
    )


def entry_card(e: EntryView) -> rx.Component:
    title_id = f"voce-{e.uid}"
    return rx.el.article(
        rx.el.div(
            rx.el.h5(e.titolo, id=title_id, class_name="entry-title", lang=ENTRY_TEXT_LANG),
            rx.cond(
                e.esempio,
                rx.el.span(
                    t("ui.path.entry.example"),
                    rx.el.span(t("ui.path.entry.example_sr"), class_name="sr-only"),
                    class_name="badge badge-example",
                ),
            ),
            class_name="entry-head",
        ),
        rx.cond(e.starts != "", rx.el.p(e.starts, class_name="starts")),
        rx.el.p(e.sintesi, class_name="summary", lang=ENTRY_TEXT_LANG),
        rx.el.dl(rx.foreach(e.facts, _fact), class_name="facts"),
        contact_list(e.links),
        rx.cond(
            e.descrizione != "",
            rx.el.details(
                rx.el.summary(
                    rx.el.span(t("ui.path.entry.more"), class_name="more-show"),
                    rx.el.span(t("ui.path.entry.less"), class_name="more-hide"),
                ),
                rx.el.p(e.descrizione, class_name="description", lang=ENTRY_TEXT_LANG),
                class_name="more",
            ),
        ),
        rx.el.p(e.verified, class_name=rx.cond(e.is_verified, "verified", "verified not-yet")),
        report_area(e.uid, e.centro_id, e.id, e.titolo),
        class_name="entry",
        aria_labelledby=title_id,
    )
