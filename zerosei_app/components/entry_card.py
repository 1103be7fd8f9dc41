"""One voce of the Carta, compact: what it is and for whom first; details and "Segnala un errore" behind "Leggi di più".

Contacts: the entry's own, when it has some the centre card doesn't; otherwise one in-page link to its
centre's card, where the buttons are (each centre's buttons appear once on the page).
"""

import reflex as rx

from zerosei_app.components.contacts import contact_list
from zerosei_app.components.i18n import t
from zerosei_app.components.links import plain
from zerosei_app.components.report_form import report_area
from zerosei_app.view.percorso_view import ENTRY_TEXT_LANG, EntryView, FactView


def _fact(f: FactView) -> rx.Component:
    return rx.el.div(
        rx.el.dt(f.label), " ", rx.el.dd(f.value, lang=rx.cond(f.lang != "", f.lang, None)), class_name="fact"
    )


def _summary(e: EntryView) -> rx.Component:
    return rx.el.p(e.summary, class_name="summary", lang=ENTRY_TEXT_LANG)


def _contact(e: EntryView) -> rx.Component:
    return rx.cond(
        e.links.length() > 0,
        contact_list(e.links),
        rx.cond(
            e.centro_href != "",
            rx.el.p(
                t("ui.path.contacts_at"),
                " ",
                plain(e.centro_name, href=e.centro_href, lang="it"),
                class_name="contact-at",
            ),
        ),
    )


def _trust(e: EntryView) -> rx.Component:
    return rx.el.p(e.trust, class_name=rx.cond(e.is_verified, "verified", "verified not-yet"))


def entry_card(e: EntryView) -> rx.Component:
    title_id = f"voce-{e.uid}"
    return rx.el.article(
        rx.el.h4(e.title, id=title_id, class_name="entry-title", lang=ENTRY_TEXT_LANG),
        rx.cond(e.starts != "", rx.el.p(e.starts, class_name="starts")),
        rx.cond(e.chiusura != "", rx.el.p(e.chiusura, class_name="closure")),
        rx.cond(
            e.dates != "",
            rx.el.p(
                rx.el.strong(t("ui.sessions.next_dates")),
                " ",
                e.dates,
                " · ",
                plain(t("ui.sessions.add_to_calendar"), href=e.ics_href, download=True),
                class_name="entry-dates",
            ),
        ),
        rx.cond(e.for_whom != "", rx.el.p(e.for_whom, class_name="for-whom")),
        # Coming months: title and start only; what it is waits behind "Leggi di più".
        rx.cond(e.compact, rx.fragment(), rx.fragment(_summary(e), _contact(e), _trust(e))),
        rx.el.details(
            rx.el.summary(
                rx.el.span(t("ui.path.entry.more"), class_name="more-show"),
                rx.el.span(t("ui.path.entry.less"), class_name="more-hide"),
                rx.el.span(": ", e.title, class_name="sr-only", lang=ENTRY_TEXT_LANG),
            ),
            rx.cond(e.compact, rx.fragment(_summary(e), _contact(e), _trust(e))),
            rx.el.dl(rx.foreach(e.facts, _fact), class_name="facts"),
            rx.cond(e.description != "", rx.el.p(e.description, class_name="description", lang=ENTRY_TEXT_LANG)),
            report_area(e.uid, e.centro_id, e.id, e.title),
            class_name="more",
        ),
        class_name="entry",
        aria_labelledby=title_id,
    )
