"""What the path (and the Carta) render of the tappe and of the regional functions: texts ready in the
parent's language. Tappe are the Regione's text: translated by the catalogue while unchanged, else in Italian
(view/tappe_words.py); each text carries its language (`*_lang`) for the page's `lang=`."""

# No `from __future__ import annotations`: Reflex reads these field types at runtime.
from dataclasses import dataclass, field

from zerosei_app.i18n import t
from zerosei_app.schemas.percorso import FiglioOut, FonteOut, FunzioneOut, PercorsoOut, TappaOut
from zerosei_app.view.tappe_words import OUT_FIELDS, shows_italian, tappa_words
from zerosei_app.view.wording import long_date, source_date, starts_text, tappa_age_text


@dataclass
class TappaView:
    uid: str
    id: str
    title: str
    who: str
    summary: str
    timing: str
    title_lang: str = "it"  # the page's language when translated, "it" when edited or not translated yet
    who_lang: str = "it"
    summary_lang: str = "it"
    timing_lang: str = "it"
    in_italian: bool = False  # some text shows in Italian on a page in another language: a short note says so
    link: str = ""
    source: str = ""  # "Sky TG24 – Assegno unico…, maggio 2025"
    source_url: str = ""
    check: str = ""  # "Da verificare sul sito ufficiale" or "Verificato dalla Regione il 6 dicembre 2026"
    is_checked: bool = False
    starts: str = ""  # coming ones: "Da marzo 2027 (tra 4 mesi)"


@dataclass
class TappeListView:
    uid: str
    heading: str
    tappe: list[TappaView] = field(default_factory=list)  # the best fit (or soonest) first


def group_hint(now: list[TappeListView], upcoming: list[TappeListView], lang: str) -> str:
    """What the closed group holds: "(31)"."""
    return t("path.tappe.count", lang, n=sum(len(lst.tappe) for lst in [*now, *upcoming]))


@dataclass
class TappaPrintView:
    title: str
    age: str  # "dalla gravidanza a 6 anni"
    who: str
    timing: str
    source: str
    check: str
    title_lang: str = "it"
    who_lang: str = "it"
    timing_lang: str = "it"
    in_italian: bool = False


def print_tappa(x: TappaOut, lang: str) -> TappaPrintView:
    w = tappa_words(x, lang, OUT_FIELDS)
    return TappaPrintView(
        title=w["titolo"].text,
        age=tappa_age_text(x.eta_da_mesi, x.eta_a_mesi, lang),
        who=w["chi"].text,
        timing=w["quando"].text,
        source=source_line(x.fonte, lang),
        check=check_text(x, lang),
        title_lang=w["titolo"].lang,
        who_lang=w["chi"].lang,
        timing_lang=w["quando"].lang,
        in_italian=shows_italian({k: w[k] for k in ("titolo", "chi", "quando")}, lang),  # print shows no sintesi
    )


def print_tappe(tappe: list[TappaOut], lang: str) -> list[TappaPrintView]:
    return [print_tappa(x, lang) for x in tappe]


@dataclass
class FunzioneView:
    name: str
    text: str


@dataclass
class SourceView:
    label: str
    href: str


@dataclass
class FunzioniView:
    every: list[FunzioneView] = field(default_factory=list)  # irrinunciabili
    maybe: list[FunzioneView] = field(default_factory=list)
    sources: list[SourceView] = field(default_factory=list)


def source_line(f: FonteOut, lang: str) -> str:
    return f"{f.titolo}, {source_date(f.data, lang)}"


def check_text(x: TappaOut, lang: str) -> str:
    if x.verificato_il:
        return t("path.tappa.checked_on", lang, date=long_date(x.verificato_il, lang))
    return t("path.tappa.to_check", lang) if x.da_verificare else ""


def tappa_view(x: TappaOut, uid: str, lang: str) -> TappaView:
    starts = starts_text(x.da_mese, x.tra_mesi, lang) if not x.adesso and x.da_mese else ""
    w = tappa_words(x, lang, OUT_FIELDS)
    return TappaView(
        uid=uid,
        id=x.id,
        title=w["titolo"].text,
        who=w["chi"].text,
        summary=w["sintesi"].text,
        timing=w["quando"].text,
        title_lang=w["titolo"].lang,
        who_lang=w["chi"].lang,
        summary_lang=w["sintesi"].lang,
        timing_lang=w["quando"].lang,
        in_italian=shows_italian(w, lang),
        link=x.link or "",
        source=source_line(x.fonte, lang),
        source_url=x.fonte.url,
        check=check_text(x, lang),
        is_checked=x.verificato_il is not None,
        starts=starts,
    )


def _list(uid: str, heading: str, views: list[TappaView], lang: str) -> TappeListView:
    return TappeListView(uid, heading, views)


def _who(f: FiglioOut, lang: str) -> str:
    return t("path.for.expected", lang) if f.attesa else t("path.for.born", lang, age=f.eta)


def tappe_views(p: PercorsoOut, lang: str) -> tuple[list[TappeListView], list[TappeListView]]:
    """Per child, the tappe that fit now, then those opening soon: each tappa once on the page (under the first
    child it fits now; else under the child for whom it opens soonest)."""
    several = len(p.figli) > 1
    now_ids = {x.id for f in p.figli for x in f.tappe if x.adesso}
    shown: set[str] = set()
    now, upcoming = [], []
    for i, f in enumerate(p.figli):
        items = [x for x in f.tappe if x.adesso and x.id not in shown]
        shown.update(x.id for x in items)
        heading = t("path.tappe.now_for", lang, who=_who(f, lang)) if several else t("path.tappe.now", lang)
        if items:
            now.append(_list(f"tappe-{i + 1}", heading, [tappa_view(x, f"t{i}-{x.id}", lang) for x in items], lang))
    soonest: dict[str, tuple[int, int]] = {}
    for i, f in enumerate(p.figli):
        for x in f.tappe:
            if not x.adesso and x.id not in now_ids and (x.id not in soonest or x.tra_mesi < soonest[x.id][0]):
                soonest[x.id] = (x.tra_mesi, i)
    for i, f in enumerate(p.figli):
        items = [x for x in f.tappe if not x.adesso and soonest.get(x.id, (0, -1))[1] == i]
        heading = t("path.tappe.soon_for", lang, who=_who(f, lang)) if several else t("path.tappe.soon", lang)
        if items:
            views = [tappa_view(x, f"s{i}-{x.id}", lang) for x in items]
            upcoming.append(_list(f"tappe-prossime-{i + 1}", heading, views, lang))
    return now, upcoming


def funzioni_view(funzioni: list[FunzioneOut]) -> FunzioniView:
    sources: dict[str, SourceView] = {}
    for f in funzioni:
        sources.setdefault(f.fonte.url, SourceView(f.fonte.titolo, f.fonte.url))
    return FunzioniView(
        every=[FunzioneView(f.nome, f.testo) for f in funzioni if f.irrinunciabile],
        maybe=[FunzioneView(f.nome, f.testo) for f in funzioni if not f.irrinunciabile],
        sources=list(sources.values()),
    )
