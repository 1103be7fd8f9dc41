"""Tappe (public steps) and the regional functions of the centres, compact: titles first, the rest one tap away."""

import reflex as rx

from zerosei_app.components.i18n import t
from zerosei_app.components.links import external
from zerosei_app.view.tappe_view import (
    FunzioneView,
    FunzioniView,
    SourceView,
    TappaPrintView,
    TappaView,
    TappeListView,
)

SOURCE_LANG = "it"  # a source's title names an Italian document: Italian on every page


def _fact(label, value, lang) -> rx.Component:
    """`lang`: the text's own language (the page's when translated, "it" when edited: view/tappe_words.py)."""
    return rx.cond(value != "", rx.el.div(rx.el.dt(label), " ", rx.el.dd(value, lang=lang), class_name="fact"))


def _in_italian_note(shown) -> rx.Component:
    return rx.cond(shown, rx.el.p(t("ui.tappa.in_italian"), class_name="muted tappa-it-note"))


def tappa_item(x: TappaView) -> rx.Component:
    return rx.el.li(
        rx.el.details(
            rx.el.summary(
                rx.el.span(x.title, class_name="tappa-title", lang=x.title_lang),
                rx.cond(x.starts != "", rx.el.span(x.starts, class_name="tappa-starts")),
            ),
            rx.el.p(x.summary, lang=x.summary_lang),
            rx.el.dl(
                _fact(t("ui.tappa.who"), x.who, x.who_lang),
                _fact(t("ui.tappa.when"), x.timing, x.timing_lang),
                class_name="facts",
            ),
            _in_italian_note(x.in_italian),
            rx.cond(x.link != "", rx.el.p(external(t("ui.tappa.official"), href=x.link))),
            rx.el.p(
                t("ui.tappa.source"), ": ", external(x.source, href=x.source_url, lang=SOURCE_LANG), class_name="src"
            ),
            rx.el.p(x.check, class_name=rx.cond(x.is_checked, "verified", "verified not-yet")),
        ),
        id=f"tappa-{x.uid}",
        class_name="tappa",
    )


def tappe_list(lst: TappeListView) -> rx.Component:
    return rx.el.div(
        rx.cond(lst.heading != "", rx.el.h3(lst.heading, id=lst.uid, class_name="list-title")),
        rx.el.ul(rx.foreach(lst.tappe, tappa_item), class_name="tappe-list"),
        class_name="tappe",
    )


def tappe_group(now, upcoming, count, funzioni: FunzioniView) -> rx.Component:
    """One closed group (the page must stay short on a phone, services first): the steps now and coming, then
    what to ask the centre."""
    return rx.el.details(
        rx.el.summary(
            rx.el.span(t("ui.tappe.title"), class_name="situational-title"),
            " ",
            rx.el.span(count, class_name="tappe-count"),
            class_name="situational-toggle",
        ),
        rx.foreach(now, tappe_list),
        rx.foreach(upcoming, tappe_list),
        funzioni_block(funzioni),
        id="tappe",
        class_name="situational tappe-group",
    )


def _funzione(f: FunzioneView) -> rx.Component:
    return rx.el.li(rx.el.strong(f.name), rx.el.span(" — ", f.text, class_name="muted"))


def _source(f: SourceView) -> rx.Component:
    return rx.el.li(external(f.label, href=f.href))


def funzioni_block(v: FunzioniView, mode: str = "path") -> rx.Component:
    """What every centre offers (the four irrinunciabili, in sight), what centres may offer and the sources.
    `path`: inside the tappe group, the rest one tap away; `carta`: a section of a centre's Carta, the rest one
    tap away; `print`: a section with everything open (paper has no taps)."""
    every = rx.fragment(
        rx.el.p(t("ui.funzioni.every")),
        rx.el.ul(rx.foreach(v.every, _funzione), class_name="funzioni-list"),
    )
    rest = rx.fragment(
        rx.el.ul(rx.foreach(v.maybe, _funzione), class_name="funzioni-list"),
        rx.el.p(t("ui.funzioni.note"), class_name="muted"),
        rx.el.p(t("ui.funzioni.sources"), class_name="fonti-title"),
        rx.el.ul(rx.foreach(v.sources, _source), class_name="fonti-list"),
    )
    if mode == "print":
        body = rx.fragment(every, rx.el.p(t("ui.funzioni.maybe")), rest)
    else:
        body = rx.fragment(
            every, rx.el.details(rx.el.summary(t("ui.funzioni.maybe")), rest, class_name="funzioni-more")
        )
    if mode == "path":
        return rx.el.div(
            rx.el.h3(t("ui.funzioni.toggle"), id="funzioni", class_name="list-title"), body, class_name="funzioni"
        )
    return rx.el.section(
        rx.el.h2(t("ui.funzioni.title"), id="funzioni-titolo"),
        body,
        class_name="funzioni",
        aria_labelledby="funzioni-titolo",
    )


def _print_tappa(x: TappaPrintView) -> rx.Component:
    return rx.el.li(
        rx.el.strong(x.title, lang=x.title_lang),
        rx.el.span(" · ", x.age, " · ", rx.el.span(x.who, lang=x.who_lang), class_name="muted"),
        rx.el.br(),
        rx.el.span(x.timing, lang=x.timing_lang),
        rx.el.br(),
        rx.el.small(t("ui.tappa.source"), ": ", rx.el.span(x.source, lang=SOURCE_LANG), " · ", x.check),
        _in_italian_note(x.in_italian),
        class_name="print-tappa",
    )


def print_tappe_section(tappe) -> rx.Component:
    """The print edition's compact list of the public steps, from pregnancy to 6 years."""
    return rx.el.section(
        rx.el.h2(t("ui.tappe.print_title"), id="tappe-titolo"),
        rx.el.p(t("ui.tappe.print_intro")),
        rx.el.ul(rx.foreach(tappe, _print_tappa), class_name="print-tappe"),
        class_name="print-tappe-section",
        aria_labelledby="tappe-titolo",
    )
