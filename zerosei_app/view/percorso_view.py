"""What the path page renders, computed from the API's own `PercorsoOut` (the page shows what the API returns).

Plain Python (no Reflex): every text is ready in the parent's language, so components only place it.
"""

# No `from __future__ import annotations`: Reflex reads these field types at runtime.
import dataclasses
from dataclasses import dataclass, field
from functools import cache

from babel.dates import format_date

from zerosei_app.domain.catalog import TOPICS
from zerosei_app.domain.months import YearMonth
from zerosei_app.domain.path import group_by_category
from zerosei_app.i18n import normalize_lang, plural, t
from zerosei_app.i18n.format import month_year
from zerosei_app.schemas.percorso import CentroOut, FiglioOut, PercorsoOut, VoceOut
from zerosei_app.view.contacts import LinkView, all_links


@dataclass
class FactView:
    label: str
    value: str
    lang: str = ""  # "it" when the value is the centre's own text (entries stay in the language staff wrote them)


# Staff write in Italian (the staff area is Italian); screen readers must read it as Italian on an English page.
ENTRY_TEXT_LANG = "it"


@dataclass
class EntryView:
    uid: str  # unique on the page (an entry can appear for two children)
    id: int
    centro_id: int
    titolo: str
    sintesi: str
    descrizione: str
    starts: str = ""  # upcoming only: "Da marzo 2027 (tra 4 mesi)"
    facts: list[FactView] = field(default_factory=list)
    links: list[LinkView] = field(default_factory=list)
    verified: str = ""  # "Verificato il 12 marzo 2026" or "Non ancora verificato"
    is_verified: bool = False
    esempio: bool = False


@dataclass
class GroupView:
    label: str
    voci: list[EntryView] = field(default_factory=list)


@dataclass
class ChildView:
    uid: str
    heading: str  # "Per chi ha 1 anno e 6 mesi"
    age: str  # "1 anno e 6 mesi" (for the page header)
    note: str = ""  # e.g. the due month has passed
    now_title: str = ""
    now_groups: list[GroupView] = field(default_factory=list)
    now_empty: str = ""  # set when there is nothing for now
    upcoming_title: str = ""
    upcoming_groups: list[GroupView] = field(default_factory=list)
    upcoming_empty: str = ""


@dataclass
class CentroView:
    uid: str
    id: int
    nome: str
    indirizzo: str
    luogo: str  # "Torino (TO)"
    orari: str
    ente: str
    links: list[LinkView] = field(default_factory=list)
    map_href: str = ""
    notes: list[str] = field(default_factory=list)  # inferred link, uncertain data: said plainly


@dataclass
class ChipView:
    slug: str
    label: str
    pressed: bool = False


def centro_view(c: CentroOut, lang: str) -> CentroView:
    notes = []
    if c.inferito:
        km = f"{c.distanza_km:.0f}" if c.distanza_km is not None else "?"
        notes.append(t("path.centro.inferred", lang, km=km))
    if c.stato_verifica in ("parziale", "solo_nome", "incerto"):
        notes.append(t(f"path.centro.status.{c.stato_verifica}", lang))
    links = all_links(c.telefono, c.email, c.sito)
    if not links:
        notes.append(t("path.centro.no_contacts", lang))
    return CentroView(
        uid=f"c{c.id}",
        id=c.id,
        nome=c.nome,
        indirizzo=c.indirizzo or "",
        luogo=f"{c.comune} ({c.provincia})",
        orari=c.orari or "",
        ente=c.ente_gestore or "",
        links=links,
        map_href=c.mappa_url or "",
        notes=notes,
    )


def entry_view(v: VoceOut, uid: str, lang: str, starts: str = "") -> EntryView:
    # The facts, links and verified line depend on the entry and the language only: computed once per
    # entry output (shared by every path until the data changes, queries/percorso.py), then copied.
    key = ("entry_view", lang)
    if key not in v._view_memo:
        v._view_memo[key] = _entry_view(v, "", lang)
    return dataclasses.replace(v._view_memo[key], uid=uid, starts=starts)


def _entry_view(v: VoceOut, uid: str, lang: str, starts: str = "") -> EntryView:
    verified = (
        t("path.entry.verified_on", lang, date=format_date(v.verificato_il, format="long", locale=normalize_lang(lang)))
        if v.verificato_il
        else t("path.entry.not_verified", lang)
    )
    return EntryView(
        uid=uid,
        id=v.id,
        centro_id=v.centro_id,
        titolo=v.titolo,
        sintesi=v.sintesi,
        descrizione=v.descrizione,
        starts=starts,
        facts=_facts(v, lang),
        links=all_links(v.contatti.telefono, v.contatti.email, v.contatti.sito),
        verified=verified,
        is_verified=v.verificato_il is not None,
        esempio=v.esempio,
    )


def child_view(f: FiglioOut, index: int, lang: str) -> ChildView:
    uid = f"f{index + 1}"
    if f.attesa:
        heading = t("path.child.heading_expected", lang, month=month_year(YearMonth.parse(f.attesa), lang))
    else:
        heading = t("path.child.heading", lang, age=f.eta)
    now = [entry_view(v, f"{uid}-a-{v.id}", lang) for v in f.adesso]
    upcoming = [
        entry_view(
            p,
            f"{uid}-p-{p.id}",
            lang,
            starts=t(
                "path.entry.starts",
                lang,
                month=month_year(YearMonth.parse(p.da_mese), lang),
                months=plural("age.months", p.tra_mesi, lang),
            ),
        )
        for p in f.prossimi
    ]
    return ChildView(
        uid=uid,
        heading=heading,
        age=f.eta,
        note=t("path.child.born_presumably", lang) if f.nato_presumibilmente else "",
        now_title=t("path.now", lang),
        now_groups=_groups(now, f.adesso, lang),
        now_empty="" if now else t("path.now_empty", lang),
        upcoming_title=t("path.upcoming", lang),
        upcoming_groups=_groups(upcoming, f.prossimi, lang),
        upcoming_empty="" if upcoming else t("path.upcoming_empty", lang),
    )


def chips(selected: list[str] | tuple[str, ...], lang: str) -> list[ChipView]:
    return [ChipView(slug, t(f"topic.{slug}", lang), slug in selected) for slug in TOPICS]


def children_views(p: PercorsoOut, lang: str) -> list[ChildView]:
    return [child_view(f, i, lang) for i, f in enumerate(p.figli)]


def counts_text(p: PercorsoOut, lang: str) -> str:
    """ "7 servizi adatti adesso, 3 nei prossimi mesi" (distinct entries across children)."""
    now = {v.id for f in p.figli for v in f.adesso}
    soon = {v.id for f in p.figli for v in f.prossimi} - now
    return t("path.counts", lang, now=plural("path.n_services", len(now), lang), soon=len(soon))


def age_range_text(age_min: int, age_max: int, lang: str) -> str:
    if age_max < 0:
        return t("path.age.pregnancy", lang)
    to = _age_words(age_max, lang)
    if age_min < 0:
        return t("path.age.from_pregnancy", lang, to=to)
    if age_min == 0:
        return t("path.age.from_birth", lang, to=to)
    return t("path.age.range", lang, start=_age_words(age_min, lang), to=to)


def _age_words(months: int, lang: str) -> str:
    if months % 12 == 0 and months > 0:
        return plural("age.years", months // 12, lang)
    return plural("age.months", months, lang)


def _facts(v: VoceOut, lang: str) -> list[FactView]:
    where = v.luogo
    if v.online:
        where = f"{where} · {t('path.entry.online', lang)}" if where else t("path.entry.online", lang)
    cost = t("path.entry.free", lang) if v.costo.gratuito else ""
    if v.costo.nota:
        cost = f"{cost} · {v.costo.nota}" if cost else v.costo.nota
    written = ENTRY_TEXT_LANG if lang != ENTRY_TEXT_LANG else ""
    facts = [
        ("path.fact.age", age_range_text(v.eta_min_mesi, v.eta_max_mesi, lang), ""),
        ("path.fact.who", v.ente, written),
        ("path.fact.where", where, written if not v.online else ""),
        ("path.fact.when", v.quando, written),
        ("path.fact.cost", cost, written if not v.costo.gratuito else ""),
        ("path.fact.access", v.accesso, written),
    ]
    other_langs = [code for code in v.lingue if code != "it"]
    if other_langs:
        facts.append(("path.fact.languages", ", ".join(_language_name(code, lang) for code in v.lingue), ""))
    return [FactView(t(key, lang), value, value_lang) for key, value, value_lang in facts if value]


def _language_name(code: str, lang: str) -> str:
    try:
        return _language_names(normalize_lang(lang)).get(code, code)
    except Exception:
        return code


@cache  # Locale.parse costs more than the rest of an entry's card
def _language_names(lang: str):
    from babel import Locale

    return Locale.parse(lang).languages


def _groups(views: list[EntryView], entries: list[VoceOut], lang: str) -> list[GroupView]:
    """Grouped by category in the Carta's order, keeping the API's order inside each group."""
    by_id = {view.uid: entry.categoria for view, entry in zip(views, entries, strict=True)}

    class _Item:  # group_by_category only needs `.category`
        def __init__(self, view: EntryView) -> None:
            self.view, self.category = view, by_id[view.uid]

    return [
        GroupView(label=t(f"category.{category}", lang), voci=[item.view for item in items])
        for category, items in group_by_category(_Item(view) for view in views)
    ]
