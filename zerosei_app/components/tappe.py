"""Tappe (public steps) and the regional functions of the centres, compact: titles first, the rest one tap away."""

import reflex as rx

from zerosei_app.components.i18n import t
from zerosei_app.components.links import external
from zerosei_app.view.tappe_view import FonteView, FunzioneView, FunzioniView, TappaView, TappeListView

TEXT_LANG = "it"  # the Regione's text, in Italian on every page


def _fact(label, value) -> rx.Component:
    return rx.cond(value != "", rx.el.div(rx.el.dt(label), " ", rx.el.dd(value, lang=TEXT_LANG), class_name="fact"))


def tappa_item(x: TappaView) -> rx.Component:
    return rx.el.li(
        rx.el.details(
            rx.el.summary(
                rx.el.span(x.titolo, class_name="tappa-title", lang=TEXT_LANG),
                rx.cond(x.starts != "", rx.el.span(x.starts, class_name="tappa-starts")),
            ),
            rx.el.p(x.sintesi, lang=TEXT_LANG),
            rx.el.dl(_fact(t("ui.tappa.who"), x.chi), _fact(t("ui.tappa.when"), x.quando), class_name="facts"),
            rx.cond(x.link != "", rx.el.p(external(t("ui.tappa.official"), href=x.link))),
            rx.el.p(t("ui.tappa.source"), ": ", external(x.fonte, href=x.fonte_url, lang=TEXT_LANG), class_name="src"),
            rx.el.p(x.check, class_name=rx.cond(x.is_checked, "verified", "verified not-yet")),
        ),
        id=f"tappa-{x.uid}",
        class_name="tappa",
    )


def tappe_list(lst: TappeListView) -> rx.Component:
    return rx.el.div(
        rx.el.h3(lst.heading, id=lst.uid, class_name="list-title"),
        rx.el.ul(rx.foreach(lst.tappe, tappa_item), class_name="tappe-list"),
        rx.cond(
            lst.more.length() > 0,
            rx.el.details(
                rx.el.summary(lst.more_label, class_name="tappe-more-toggle"),
                rx.el.ul(rx.foreach(lst.more, tappa_item), class_name="tappe-list"),
                class_name="tappe-more",
            ),
        ),
        class_name="tappe",
    )


def _funzione(f: FunzioneView) -> rx.Component:
    return rx.el.li(rx.el.strong(f.nome), rx.el.span(" — ", f.testo, class_name="muted"))


def _fonte(f: FonteView) -> rx.Component:
    return rx.el.li(external(f.label, href=f.href))


def funzioni_block(v: FunzioniView, heading_id: str = "funzioni") -> rx.Component:
    """The four irrinunciabili in sight; what centres may offer and the sources behind one tap."""
    return rx.el.section(
        rx.el.h2(t("ui.funzioni.title"), id=heading_id),
        rx.el.p(t("ui.funzioni.every")),
        rx.el.ul(rx.foreach(v.every, _funzione), class_name="funzioni-list"),
        rx.el.details(
            rx.el.summary(t("ui.funzioni.maybe")),
            rx.el.ul(rx.foreach(v.maybe, _funzione), class_name="funzioni-list"),
            rx.el.p(t("ui.funzioni.note"), class_name="muted"),
            rx.el.h3(t("ui.funzioni.sources"), class_name="list-title"),
            rx.el.ul(rx.foreach(v.fonti, _fonte), class_name="fonti-list"),
            class_name="funzioni-more",
        ),
        class_name="funzioni",
        aria_labelledby=heading_id,
    )
