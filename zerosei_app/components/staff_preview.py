"""The entry as parents see it on the path page (mirrors the parents' entry card; text only, never HTML)."""

from __future__ import annotations

import reflex as rx
from reflex_base.vars.base import Var


def _row(term: str, value: Var) -> rx.Component:
    return rx.cond(value != "", rx.fragment(rx.el.dt(term), rx.el.dd(value)))


def entry_preview(p: Var, note: Var | str = "") -> rx.Component:
    return rx.el.section(
        rx.el.p("Anteprima: come la vedono le famiglie", class_name="st-preview-label"),
        rx.cond(note != "", rx.el.p(note, class_name="st-muted")),
        rx.el.article(
            rx.el.p(p.area, class_name="st-muted"),
            rx.el.h3(rx.cond(p.titolo != "", p.titolo, "(titolo)")),
            rx.cond(p.esempio, rx.el.span("esempio", class_name="st-badge example")),
            rx.el.p(p.sintesi),
            rx.el.div(rx.foreach(p.temi, lambda t: rx.el.span(t, class_name="st-chip")), class_name="st-chips"),
            rx.el.dl(
                _row("Età", p.eta),
                _row("Chi", p.ente),
                _row("Dove", p.dove),
                _row("Quando", p.quando),
                _row("Costo", p.costo),
                _row("Come accedere", p.accesso),
                _row("Telefono", p.telefono),
                _row("E-mail", p.email),
                _row("Sito", p.sito),
                _row("Lingue", p.lingue),
            ),
            rx.cond(p.descrizione != "", rx.el.details(rx.el.summary("Leggi di più"), rx.el.p(p.descrizione, class_name="st-pre"))),
            rx.el.p(rx.cond(p.verificato_il != "", "Verificato il " + p.verificato_il, "Non ancora verificato"), class_name="st-muted"),
            class_name="st-preview",
        ),
        aria_label="Anteprima",
    )
