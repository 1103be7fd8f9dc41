"""The comune combobox's words: its options ("Chivasso", "TO · 10034") and what its live region says.

One option type for both comboboxes (the wizard's "Dove vivi?" and the Carta's "find a centre"),
built from the domain's comune search. Plain Python, no Reflex.
"""

# No `from __future__ import annotations`: Reflex reads these field types at runtime.
from collections.abc import Sequence
from dataclasses import dataclass

from zerosei_app.domain.comuni_search import ComuneRecord
from zerosei_app.domain.text import fold
from zerosei_app.i18n import plural, t
from zerosei_app.view.carta_view import DirCentroView

MAX_OPTIONS = 8  # a phone screen shows about this many without scrolling
MAX_CENTRI = 3  # on the Carta, centres named like the text come first, then comuni


@dataclass
class ComboOption:
    value: str  # what a pick sends back: an ISTAT code, or on the Carta "c:<istat>" / "s:<slug>"
    name: str
    detail: str  # "TO · 10057"
    dom_id: str  # for aria-activedescendant


def comune_label(record: ComuneRecord) -> str:
    """ "Sant'Ambrogio di Torino (TO)": how a picked comune is named."""
    return f"{record.name} ({record.provincia})"


def comune_detail(record: ComuneRecord) -> str:
    """The province and the first two CAPs: "TO · 10051, 10052…"."""
    caps = ", ".join(record.cap[:2]) + ("…" if len(record.cap) > 2 else "")
    return f"{record.provincia} · {caps}" if caps else record.provincia


def _numbered(options: list[ComboOption], prefix: str) -> list[ComboOption]:
    for i, option in enumerate(options):
        option.dom_id = f"{prefix}{i}"
    return options


def comune_options(records: Sequence[ComuneRecord]) -> list[ComboOption]:
    """The wizard's options: one per comune found."""
    options = [ComboOption(r.codice_istat, r.name, comune_detail(r), "") for r in records[:MAX_OPTIONS]]
    return _numbered(options, "comune-opzione-")


def comune_status(found: int, more: bool, lang: str) -> str:
    """The wizard's live region after a search ("3 comuni trovati", "more than 8…", "none")."""
    if more:
        return t("wiz.comune.results_more", lang, n=MAX_OPTIONS)
    if found:
        return plural("wiz.comune.results", found, lang)
    return t("wiz.comune.no_results", lang)


def chosen_status(label: str, lang: str) -> str:
    return t("wiz.comune.chosen", lang, name=label)


def missing_comune_error(typed: bool, lang: str) -> str:
    """Why "Continua" did not move on: something typed but not picked, or nothing typed."""
    return t("wiz.comune.pick_from_list", lang) if typed else t("error.missing_comune", lang)


def carta_options(
    text: str, centri: Sequence[DirCentroView], records: Sequence[ComuneRecord], lang: str
) -> list[ComboOption]:
    """The Carta's options: up to three centres whose name or place holds the text, then comuni."""
    folded = fold(text)
    named = [c for c in centri if folded and folded in fold(f"{c.name} {c.place}")]
    options = [
        ComboOption(f"s:{c.slug}", c.name, t("carta.search.centro_detail", lang, luogo=c.place), "")
        for c in named[:MAX_CENTRI]
    ]
    options += [
        ComboOption(f"c:{r.codice_istat}", r.name, t("carta.search.comune_detail", lang, detail=comune_detail(r)), "")
        for r in records
    ]
    return _numbered(options[:MAX_OPTIONS], "carta-opzione-")


def carta_status(found: int, lang: str) -> str:
    return plural("carta.search.results", found, lang) if found else t("carta.search.none", lang)
