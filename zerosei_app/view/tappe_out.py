"""Tappe and regional functions in their API form (`TappaOut`, `FunzioneOut`): the path page, the API and the
Carta share them. Built from the rows queries/tappe.py reads; the functions' names and texts are worded here."""

from __future__ import annotations

from zerosei_app.domain import funzioni
from zerosei_app.domain.age import Child
from zerosei_app.domain.tappe import select_tappe
from zerosei_app.i18n import t
from zerosei_app.models import Tappa
from zerosei_app.schemas.percorso import FonteOut, FunzioneOut, TappaOut


def tappa_fields(x: Tappa) -> dict:
    return dict(
        id=x.id,
        titolo=x.title,
        sintesi=x.summary,
        quando=x.timing,
        chi=x.who,
        link=x.link,
        fonte=FonteOut(titolo=x.source_title, url=x.source_url, data=x.source_date),
        verificato_il=x.verified_on,
        da_verificare=x.needs_check,
        eta_da_mesi=x.age_min_months,
        eta_a_mesi=x.age_max_months,
    )


def tappe_for_child(tappe: list[Tappa], child: Child) -> list[TappaOut]:
    """Those that fit now (best fit first), then those opening within the year (soonest first)."""
    path = select_tappe(tappe, child)
    return [TappaOut(**tappa_fields(x), adesso=True) for x in path.now] + [
        TappaOut(**tappa_fields(s.tappa), adesso=False, tra_mesi=s.starts_in_months, da_mese=str(s.starts_on))
        for s in path.upcoming
    ]


def tappe_out(tappe: list[Tappa]) -> list[TappaOut]:
    """Every given tappa, in the given order, as for no child in particular (the Carta's print edition)."""
    return [TappaOut(**tappa_fields(x), adesso=False) for x in tappe]


def source_out(key: str, lang: str) -> FonteOut:
    f = funzioni.SOURCES[key]
    return FonteOut(titolo=t(f"funzioni.fonte.{key}", lang), url=f.url, data=f.date)


def funzioni_out(lang: str) -> list[FunzioneOut]:
    """What every centre offers, then what centres may offer: what a parent can ask for."""
    return [
        FunzioneOut(
            id=f.id,
            nome=t(f"funzione.{f.id}", lang),
            testo=t(f"funzione.{f.id}.testo", lang),
            irrinunciabile=f.irrinunciabile,
            fonte=source_out(f.source, lang),
        )
        for f in [*funzioni.irrinunciabili(), *funzioni.others()]
    ]
