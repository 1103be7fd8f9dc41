"""/carta/stampa: the whole Carta (or one province, or one centre) for A4 from the browser's print.

Cover with the date, contents by province, then one section per centre, each starting on a new
page (carta.css), with a QR code to its live page.
"""

import reflex as rx

from zerosei_app.components.carta_parts import area_section, carta_style, centro_facts, served_list
from zerosei_app.components.i18n import t
from zerosei_app.components.layout import page as layout
from zerosei_app.components.links import internal, plain
from zerosei_app.components.tappe import funzioni_block, print_tappe_section
from zerosei_app.components.wizard_parts import skeleton
from zerosei_app.state.carta_print import CartaPrintState as S
from zerosei_app.view.carta_print import PrintEntryRef, PrintProvincia, PrintSection

ROUTE = "/carta/stampa"


def _ref(r: PrintEntryRef) -> rx.Component:
    return rx.el.li(plain(r.name, href=r.anchor, lang="it"))


def _contents_group(p: PrintProvincia) -> rx.Component:
    return rx.el.li(rx.el.strong(p.name), rx.el.ul(rx.foreach(p.centri, _ref)))


def _cover() -> rx.Component:
    return rx.el.section(
        rx.el.p(rx.el.strong("ZeroSei"), " · ", t("ui.footer.region"), class_name="cover-brand"),
        rx.el.h1(t("ui.carta.dir_title"), tab_index=-1),
        rx.el.p(S.scope, class_name="cover-scope"),
        rx.el.p(S.edition, class_name="cover-date"),
        rx.el.p(t("ui.carta.print_frame"), class_name="cover-frame", id="come-leggere"),
        # Once for the whole edition: what the centres wrote stays in Italian.
        rx.cond(S.lang != "it", rx.el.p(t("ui.path.entries_in_italian"), class_name="examples-note")),
        rx.cond(
            S.notices.length() > 0,
            rx.el.ul(rx.foreach(S.notices, lambda n: rx.el.li(n)), class_name="notice", role="status"),
        ),
        rx.el.div(
            rx.el.button(
                t("ui.carta.print_now"),
                type="button",
                on_click=rx.call_script("window.print()"),
                class_name="btn btn-primary",
            ),
            internal(t("ui.carta.all_centres"), href=S.directory_href, class_name="btn btn-secondary"),
            class_name="actions no-print",
        ),
        rx.el.nav(
            rx.el.h2(t("ui.carta.contents"), id="indice"),
            rx.el.ul(rx.foreach(S.contents, _contents_group), class_name="contents"),
            aria_labelledby="indice",
        ),
        class_name="cover",
    )


def _section(s: PrintSection) -> rx.Component:
    c = s.carta
    return rx.el.article(
        rx.el.header(
            rx.el.div(
                rx.el.h2(c.name, id=s.anchor + "-nome", lang="it"),
                centro_facts(c),
                class_name="print-head-text",
            ),
            rx.el.figure(
                rx.el.img(src=s.qr, alt=t("ui.carta.qr_alt"), width="110", height="110", class_name="print-qr"),
                rx.el.figcaption(t("ui.carta.page_link"), " ", rx.el.span(s.url, class_name="print-url", dir="ltr")),
                class_name="print-qr-box",
            ),
            class_name="print-head",
        ),
        served_list(c, s.anchor + "-comuni"),
        rx.cond(
            c.areas.length() > 0,
            rx.el.div(rx.foreach(c.areas, lambda a: area_section(a, s.anchor + "-")), class_name="print-areas"),
            rx.el.p(t("ui.carta.no_entries"), " ", t("ui.carta.no_entries_ask"), class_name="empty"),
        ),
        class_name="print-section",
        id=s.anchor,
        aria_labelledby=s.anchor + "-nome",
    )


def page() -> rx.Component:
    return layout(
        carta_style(),
        rx.cond(
            S.loaded,
            rx.fragment(
                _cover(),
                funzioni_block(S.funzioni, "print"),  # once: the same for every centre
                print_tappe_section(S.tappe),
                rx.foreach(S.sections, _section),
            ),
            skeleton(),
        ),
        main_class="stampa",
    )
