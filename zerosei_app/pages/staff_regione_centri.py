"""/staff/regione/centri (Regione): the centres' Carte at a glance, each number linked to where it is fixed."""

from __future__ import annotations

import reflex as rx

from zerosei_app.components.staff_layout import badge, button, link, stack_cell, staff_page
from zerosei_app.domain.regione_view import SORT_LABELS
from zerosei_app.state.staff_regione_centri import StaffRegioneCentriState as S


def _header(key: str) -> rx.Component:
    """A column header that sorts the table by it (a link: the order is in the address)."""
    return rx.el.th(
        link(SORT_LABELS[key], f"/staff/regione/centri?ordine={key}"),
        scope="col",
        aria_sort=rx.cond(S.order == key, "ascending", "none"),
    )


def _sort_nav() -> rx.Component:
    """The same orders as the column headers, also on a phone (where the table shows as cards)."""
    return rx.el.nav(
        rx.el.span("Ordina per: ", class_name="st-label"),
        *[
            rx.fragment(
                rx.cond(
                    S.order == key,
                    rx.el.strong(label, aria_current="true"),
                    link(label, f"/staff/regione/centri?ordine={key}"),
                ),
                " · " if i < len(SORT_LABELS) - 1 else "",
            )
            for i, (key, label) in enumerate(SORT_LABELS.items())
        ],
        aria_label="Ordina i centri",
        class_name="st-sortnav",
    )


def _invitation(r) -> rx.Component:
    return rx.fragment(
        badge(r.invitation, r.invitation_badge),
        rx.cond(r.invitation_href != "", rx.fragment(" ", link("Invita", r.invitation_href))),
    )


def row(r) -> rx.Component:
    return rx.el.tr(
        rx.el.td(
            link(r.name, r.href),
            rx.el.br(),
            rx.el.span(r.place, class_name="st-muted"),
            class_name="st-stack-title",
        ),
        stack_cell("Account", _invitation(r)),
        stack_cell("Pubblicate", link(r.published, r.entries_href, aria_label="Voci di " + r.name)),
        stack_cell("Confermate", r.confirmed),
        stack_cell(
            "Da confermare",
            rx.cond(r.to_confirm_href != "", link(r.to_confirm, r.to_confirm_href), r.to_confirm),
        ),
        stack_cell("Ultima conferma", r.last_confirmed),
        stack_cell("Promemoria", r.reminders),
        stack_cell(
            "Chiusure",
            rx.cond(r.chiusure != "", link(r.chiusure, r.chiusure_href), link("Aggiungi", r.chiusure_href)),
        ),
    )


def _comuni() -> rx.Component:
    return rx.el.section(
        rx.el.h2("Comuni dove le famiglie non vedono ancora nessuna voce confermata", id="comuni-titolo"),
        rx.el.p(
            S.n_comuni.to_string(),
            " comuni, di cui ",
            S.n_comuni_inferred.to_string(),
            " serviti solo dal centro più vicino (collegamento da confermare). Per ognuno: dove si risolve.",
            class_name="st-muted",
        ),
        rx.el.ul(
            rx.foreach(
                S.comuni,
                lambda c: rx.el.li(
                    rx.el.strong(c.name),
                    " (",
                    c.provincia,
                    ") · ",
                    c.centro,
                    " · ",
                    link(c.action, c.href, aria_label=c.action + ": " + c.name),
                    rx.cond(c.inferito, rx.fragment(" ", badge("collegamento dedotto", "inferito"))),
                ),
            ),
            class_name="st-list",
        ),
        rx.cond(
            S.n_comuni > S.comuni.length(),
            rx.el.p(
                "Sono mostrati i primi ",
                S.comuni.length().to_string(),
                ", per provincia. ",
                link("Tutti i comuni e i loro centri", "/staff/regione"),
                class_name="st-muted",
            ),
        ),
        aria_labelledby="comuni-titolo",
    )


def page() -> rx.Component:
    return staff_page(
        rx.el.p(link("← Centri e comuni", "/staff/regione"), class_name="st-crumbs"),
        rx.el.h1("Le Carte dei centri"),
        rx.el.p(
            S.n_centri.to_string(),
            " centri aperti · ",
            S.n_without_account.to_string(),
            " senza un account attivo · ",
            S.n_due.to_string(),
            " voci pubblicate da confermare (mai confermate, esempi o confermate più di ",
            S.review_days.to_string(),
            " giorni fa).",
        ),
        rx.el.div(
            button("Scarica CSV", on_click=S.export, kind="secondary"),
            link("Account del personale", "/staff/utenti", class_name="st-btn secondary"),
            class_name="st-actions",
        ),
        _sort_nav(),
        rx.el.div(
            rx.el.table(
                rx.el.thead(
                    rx.el.tr(
                        _header("centro"),
                        _header("account"),
                        _header("pubblicate"),
                        _header("confermate"),
                        _header("da_confermare"),
                        _header("ultima_conferma"),
                        _header("promemoria"),
                        rx.el.th("Chiusure", scope="col"),
                    )
                ),
                rx.el.tbody(rx.foreach(S.rows, row)),
                class_name="st-table st-stack",
            ),
            class_name="st-table-wrap",
        ),
        _comuni(),
    )
