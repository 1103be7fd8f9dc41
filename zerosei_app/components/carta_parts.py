"""Pieces of the Carta's pages: a compact entry, a centre's header, share/QR/print for a centre."""

from pathlib import Path

import reflex as rx

from zerosei_app.components.contacts import contact_list
from zerosei_app.components.i18n import t
from zerosei_app.components.icons import icon
from zerosei_app.components.links import external, internal
from zerosei_app.components.mediation import mediation_lines
from zerosei_app.components.share_panel import LINK_INPUT_ID, SHARE_JS, share_toast
from zerosei_app.state.ui import UiState
from zerosei_app.view.carta_view import AreaView, CartaView, ServedView
from zerosei_app.view.percorso_view import ENTRY_TEXT_LANG, EntryView, FactView

# The Carta's own styles, only on its pages (inlined: no extra stylesheet request on every other page).
CARTA_CSS = (Path(__file__).with_name("carta.css")).read_text(encoding="utf-8")


def carta_style() -> rx.Component:
    return rx.el.style(CARTA_CSS)


def _fact(f: FactView) -> rx.Component:
    return rx.el.div(
        rx.el.dt(f.label), " ", rx.el.dd(f.value, lang=rx.cond(f.lang != "", f.lang, None)), class_name="fact"
    )


def carta_entry(e: EntryView) -> rx.Component:
    """One voce: title, summary, the facts (age range in words first), contacts, details on demand."""
    title_id = f"voce-{e.uid}"
    return rx.el.article(
        rx.el.div(
            rx.el.h4(e.title, id=title_id, class_name="entry-title", lang=ENTRY_TEXT_LANG),
            # The path's one trust label: "Da confermare con il centro" or "Verificato dal centro il …".
            rx.el.p(e.trust, class_name=rx.cond(e.is_verified, "verified", "verified not-yet")),
            class_name="entry-head",
        ),
        rx.cond(e.chiusura != "", rx.el.p(e.chiusura, class_name="closure")),
        rx.el.p(e.summary, class_name="summary", lang=ENTRY_TEXT_LANG),
        rx.el.dl(rx.foreach(e.facts, _fact), class_name="facts"),
        contact_list(e.links),
        rx.cond(
            e.description != "",
            rx.el.details(
                rx.el.summary(
                    rx.el.span(t("ui.path.entry.more"), class_name="more-show"),
                    rx.el.span(t("ui.path.entry.less"), class_name="more-hide"),
                ),
                rx.el.p(e.description, class_name="description", lang=ENTRY_TEXT_LANG),
                class_name="more",
            ),
        ),
        class_name="entry carta-entry",
        aria_labelledby=title_id,
    )


def area_section(a: AreaView, prefix="") -> rx.Component:
    area_id = prefix + "area-" + a.slug
    return rx.el.section(
        rx.el.h3(a.label, id=area_id, class_name="area-title"),
        rx.foreach(a.cards, lambda e: carta_entry(e)),
        class_name="carta-area",
        aria_labelledby=area_id,
    )


def _served(s: ServedView) -> rx.Component:
    return rx.el.div(rx.el.dt(s.label), rx.el.dd(s.names), class_name="served-group")


def status_badge(kind, text) -> rx.Component:
    return rx.el.p(text, class_name="carta-status status-" + kind)


def centro_facts(c: CartaView) -> rx.Component:
    """Who runs it, where, when, how to reach it, how sure we are."""
    return rx.fragment(
        rx.cond(c.chiusura != "", rx.el.p(c.chiusura, class_name="closure")),
        rx.cond(
            c.ente != "", rx.el.p(t("ui.path.centro.ente"), " ", rx.el.span(c.ente, lang="it"), class_name="muted")
        ),
        status_badge(c.status_kind, c.status),
        rx.el.p(c.updated, class_name="muted carta-updated"),
        rx.el.p(
            rx.cond(c.address != "", rx.el.span(c.address, ", ")),
            c.place,
            class_name="address",
            lang="it",  # the address and the comune, as written in Italy
        ),
        rx.cond(
            c.map_href != "",
            rx.el.p(
                external(icon("map"), t("ui.path.centro.map"), href=c.map_href, class_name="contact map"),
                class_name="map-line",
            ),
        ),
        rx.cond(c.hours != "", rx.el.p(rx.el.strong(t("ui.path.centro.hours")), " ", rx.el.span(c.hours, lang="it"))),
        mediation_lines(c.mediation),
        contact_list(c.links),
        rx.cond(c.no_contacts != "", rx.el.p(c.no_contacts, class_name="card-notes")),
    )


def _served_collapsible(s: ServedView) -> rx.Component:
    """On a phone a list of a hundred comuni would push the services far down: open on request."""
    return rx.el.details(
        rx.el.summary(s.label, " (", s.count, ")", class_name="served-summary"),
        rx.el.p(s.names, lang="it"),
        class_name="served-group",
    )


def served_list(c: CartaView, heading_id: str, collapsible: bool = False) -> rx.Component:
    groups = (
        rx.el.div(rx.foreach(c.served, _served_collapsible), class_name="served")
        if collapsible
        else rx.el.dl(rx.foreach(c.served, _served), class_name="served", lang="it")
    )
    # Comuni it is only the nearest registered centre for: apart, never counted as served.
    nearest = (
        rx.el.div(rx.foreach(c.nearest_for, _served_collapsible), class_name="served served-nearest")
        if collapsible
        else rx.el.div(rx.foreach(c.nearest_for, lambda s: rx.el.p(s.in_short)), class_name="served served-nearest")
    )
    return rx.el.section(
        rx.el.h2(c.served_title, id=heading_id),
        groups,
        nearest,
        class_name="carta-served",
        aria_labelledby=heading_id,
    )


def carta_share(state) -> rx.Component:
    """As on the path: the link, share (system sheet or copy), print, and a QR code made here."""
    return rx.el.section(
        rx.el.h2(t("ui.carta.share_title"), id="condividi-titolo"),
        rx.el.label(t("ui.carta.link_label"), html_for=LINK_INPUT_ID, class_name="label no-print"),
        rx.el.input(
            id=LINK_INPUT_ID,
            type="text",
            read_only=True,
            value=state.share_url,
            class_name="input link-input",
            on_focus=rx.call_script(f"document.getElementById('{LINK_INPUT_ID}')?.select()"),
        ),
        rx.el.p(state.share_url, class_name="print-only print-link"),
        rx.el.div(
            rx.el.button(
                t("ui.share.share"),
                type="button",
                on_click=rx.call_script(SHARE_JS, callback=state.share_result),
                class_name="btn btn-primary",
            ),
            rx.el.button(
                t("ui.share.print"),
                type="button",
                on_click=rx.call_script("window.print()"),
                class_name="btn btn-secondary",
            ),
            class_name="actions no-print",
        ),
        rx.cond(
            state.qr != "",
            rx.el.figure(
                rx.el.img(src=state.qr, alt=t("ui.carta.qr_alt"), width="180", height="180", class_name="qr-img"),
                rx.el.figcaption(t("ui.carta.qr_caption")),
                class_name="qr",
            ),
        ),
        share_toast(state),
        class_name="share",
        aria_labelledby="condividi-titolo",
    )


def back_to_directory(href) -> rx.Component:
    return rx.el.p(internal(t("ui.carta.all_centres"), href=href), class_name="no-print carta-back")


def carta_link(centro_id) -> rx.Component:
    """ "Tutta la Carta del centro" for the path's centre card: by id (`/carta?centro=<id>` leads to
    the centre's page), in the page's language."""
    base = "/carta?centro=" + centro_id.to_string()
    href = rx.cond(UiState.lang == "it", base, base + "&lang=" + UiState.lang)
    return rx.el.p(internal(t("ui.carta.centro_card_link"), href=href), class_name="carta-link no-print")
