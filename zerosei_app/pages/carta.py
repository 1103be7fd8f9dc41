"""/carta: the directory of the Centri per le famiglie, by province, with the app's own map."""

import reflex as rx

from zerosei_app.components.carta_parts import carta_style
from zerosei_app.components.carta_search import carta_search
from zerosei_app.components.contacts import contact_list
from zerosei_app.components.i18n import t
from zerosei_app.components.layout import page as layout
from zerosei_app.components.links import internal, plain
from zerosei_app.components.wizard_parts import skeleton
from zerosei_app.state.carta import CartaState as S
from zerosei_app.view.carta_map import HEIGHT, WIDTH, MarkerView
from zerosei_app.view.carta_view import DirCentroView, ProvinciaView
from zerosei_app.view.urls import CARTA_MAPPA as MAP_PATH

ROUTE = "/carta"


def _centro(c: DirCentroView) -> rx.Component:
    return rx.el.li(
        rx.el.h4(internal(c.name, href=c.href), class_name="dir-name", lang="it"),
        rx.el.p(c.place, " · ", c.n_comuni, class_name="muted"),
        rx.el.p(c.status, class_name="carta-status status-" + c.status_kind),
        contact_list(c.contact),
        rx.cond(c.no_contacts != "", rx.el.p(c.no_contacts, class_name="muted")),
        class_name="dir-centro",
    )


def _provincia(p: ProvinciaView) -> rx.Component:
    heading_id = "prov-" + p.sigla
    return rx.el.section(
        rx.el.h3(p.name, " ", rx.el.span("(", p.count, ")", class_name="muted"), id=heading_id),
        rx.el.ul(rx.foreach(p.centri, _centro), class_name="dir-list"),
        aria_labelledby=heading_id,
        class_name="dir-provincia",
    )


def _marker(m: MarkerView) -> rx.Component:
    # A plain link (not the router's): sixteen of them render at once, and each router link costs more.
    return plain(
        rx.el.span(class_name="marker-dot", aria_hidden="true"),
        href=m.href,
        aria_label=m.label,
        title=m.label,
        class_name="map-marker",
        style={"left": m.left, "top": m.top},
    )


def _legend_item(cls: str, key: str) -> rx.Component:
    return rx.el.li(rx.el.span(class_name=f"swatch {cls}", aria_hidden="true"), t(key))


def carta_map() -> rx.Component:
    """Dots: one cached image (alt text = the summary); markers: real links over it."""
    return rx.el.section(
        rx.el.h2(t("ui.carta.map_title"), id="mappa-titolo"),
        rx.el.div(
            rx.el.img(
                src=MAP_PATH,
                alt=S.map_summary,
                width=f"{WIDTH:g}",
                height=f"{HEIGHT:g}",
                loading="lazy",
                decoding="async",
                class_name="map-img",
            ),
            rx.foreach(S.marker_list, _marker),
            class_name="map-box",
        ),
        rx.el.h3(t("ui.carta.map_legend"), class_name="legend-title"),
        rx.el.ul(
            _legend_item("sw-esplicito", "ui.carta.map_esplicito"),
            _legend_item("sw-ente", "ui.carta.map_ente"),
            _legend_item("sw-ente-noto", "ui.carta.map_ente_noto"),
            _legend_item("sw-inferito", "ui.carta.map_inferito"),
            _legend_item("sw-centro", "ui.carta.map_centro"),
            class_name="legend",
        ),
        class_name="carta-map no-print",
        aria_labelledby="mappa-titolo",
    )


def page() -> rx.Component:
    return layout(
        carta_style(),
        rx.el.h1(t("ui.carta.dir_title"), tab_index=-1),
        rx.el.p(t("ui.carta.dir_intro")),
        # Always there (disabled until the state arrives): the content below it appears without moving it.
        carta_search(),
        rx.cond(
            S.loaded,
            rx.fragment(
                rx.el.section(
                    rx.el.h2(t("ui.carta.list_title"), id="elenco-titolo"),
                    rx.foreach(S.province, _provincia),
                    aria_labelledby="elenco-titolo",
                    class_name="dir",
                ),
                carta_map(),
                rx.el.p(internal(t("ui.carta.print_link"), href=S.print_href), class_name="no-print"),
            ),
            skeleton(),
        ),
        main_class="carta-dir",
    )
