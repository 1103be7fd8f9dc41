"""The print edition's content: contents by province, one section per centre with its QR code."""

# No `from __future__ import annotations`: Reflex reads these field types at runtime.
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date

from zerosei_app.domain.catalog import PROVINCE
from zerosei_app.queries.carta import CartaCentro
from zerosei_app.view import urls
from zerosei_app.view.carta_view import CartaView, carta_view
from zerosei_app.view.share import qr_data_uri


@dataclass
class PrintEntryRef:
    name: str
    anchor: str  # "#stampa-<slug>"


@dataclass
class PrintProvincia:
    name: str
    centri: list[PrintEntryRef] = field(default_factory=list)


@dataclass
class PrintSection:
    carta: CartaView
    anchor: str  # "stampa-<slug>"
    url: str  # the live page, absolute
    qr: str  # data URI (SVG) made here


def print_sections(
    data: list[CartaCentro], lang: str, absolute: Callable[[str], str], today: date | None = None
) -> tuple[list[PrintProvincia], list[PrintSection]]:
    """`today` (Italy's date, default now): which temporary closures the edition announces."""
    sections = []
    contents: dict[str, PrintProvincia] = {}
    for c in data:
        view = carta_view(c, lang, compact=True, today=today)
        url = absolute(urls.carta_url(view.slug, lang))
        anchor = f"stampa-{view.slug}"
        sections.append(PrintSection(view, anchor, url, qr_data_uri(url)))
        sigla = c.comune.sigla_provincia
        contents.setdefault(sigla, PrintProvincia(PROVINCE.get(sigla, sigla))).centri.append(
            PrintEntryRef(view.name, "#" + anchor)
        )
    return list(contents.values()), sections
