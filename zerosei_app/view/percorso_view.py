"""What the path page renders, computed from the API's own `PercorsoOut` (the page shows what the API returns).

Plain Python (no Reflex): every text is ready in the parent's language, so components only place it.
"""

# No `from __future__ import annotations`: Reflex reads these field types at runtime.
from dataclasses import dataclass, field

from babel.dates import format_date

from zerosei_app.domain.catalog import PROVINCE, TOPICS
from zerosei_app.domain.months import YearMonth
from zerosei_app.domain.path import group_by_category
from zerosei_app.i18n import normalize_lang, plural, t
from zerosei_app.i18n.format import month_year
from zerosei_app.schemas.percorso import CentroOut, ContattoOut, EnteGestoreOut, FiglioOut, PercorsoOut, VoceOut
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
    kind: str = "centro"  # centro | ente (the comune's ente gestore, when its centre is not registered)
    kicker: str = ""  # what it is for this family: "Il centro più vicino tra quelli registrati · a circa 31 km"
    contacts_intro: str = ""  # whose contacts follow, when they are not the centre's own
    pec_note: str = ""  # what a PEC is, when one is offered


@dataclass
class ChipView:
    slug: str
    label: str
    pressed: bool = False


def _kicker(c: CentroOut, lang: str) -> str:
    if not c.inferito:
        return t("path.centro.kicker.yours", lang)
    parts = [t("path.centro.kicker.nearest", lang)]
    if c.distanza_km is not None:
        parts.append(t("path.centro.kicker.km", lang, km=f"{c.distanza_km:.0f}"))
    if not c.stessa_provincia:
        parts.append(t("path.centro.kicker.province", lang, provincia=PROVINCE.get(c.provincia, c.provincia)))
    return " · ".join(parts)


def contact_links(contatti: list[ContattoOut], lang: str, card: str = "centro") -> tuple[list[LinkView], str, str]:
    """The rule's actions as links, each saying whose it is (unless it is the card's own: `card`);
    plus the intro and the PEC note."""
    links = []
    for a in contatti:
        kind = {"telefono": "tel", "email": "mail", "sito": "web", "pec": "pec"}[a.tipo]
        label = t("path.contact.pec_label", lang, address=a.testo) if a.tipo == "pec" else a.testo
        owner = t(f"path.contact.owner.{a.di}", lang, nome=a.di_nome) if a.di not in ("centro", card) else ""
        links.append(LinkView(kind, label, a.href, owner))
    first = contatti[0] if contatti else None
    intro = t(f"path.contact.intro.{first.di}", lang, nome=first.di_nome) if first and first.di != "centro" else ""
    pec_note = t("path.contact.pec_note", lang) if any(a.tipo == "pec" for a in contatti) else ""
    return links, intro, pec_note


def centro_view(c: CentroOut, lang: str) -> CentroView:
    notes = []
    if c.inferito:
        notes.append(t("path.centro.inferred_note", lang))
    if c.stato_verifica in ("parziale", "solo_nome", "incerto"):
        notes.append(t(f"path.centro.status.{c.stato_verifica}", lang))
    if c.contatti:
        links, intro, pec_note = contact_links(c.contatti, lang)
    else:  # built by hand (tests, old callers): the centre's own contacts
        links, intro, pec_note = all_links(c.telefono, c.email, c.sito), "", ""
    if not links:
        notes.append(t("path.centro.no_contacts_any", lang))
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
        kicker=_kicker(c, lang),
        contacts_intro=intro,
        pec_note=pec_note,
    )


def ente_view(e: EnteGestoreOut, lang: str) -> CentroView:
    links, _, pec_note = contact_links(e.contatti, lang, card="ente_gestore")
    return CentroView(
        uid=f"e{e.id}",
        id=e.id,
        nome=e.nome,
        indirizzo="",
        luogo="",
        orari="",
        ente="",
        links=links,
        notes=[t("path.ente.note", lang)],
        kind="ente",
        kicker=t("path.ente.kicker", lang),
        # Its own contacts need no intro; the comune's do (the ente has none registered).
        contacts_intro=t("path.ente.intro_comune", lang, nome=e.contatti[0].di_nome)
        if e.contatti and e.contatti[0].di == "comune"
        else "",
        pec_note=pec_note,
    )


def centri_views(centri: list[CentroOut], ente: EnteGestoreOut | None, lang: str) -> list[CentroView]:
    """The centres; the comune's ente gestore (when it runs none of them) first if every centre is only the
    nearest one, else after them."""
    views = [centro_view(c, lang) for c in centri]
    if ente is None:
        return views
    card = ente_view(ente, lang)
    return [card, *views] if all(c.inferito for c in centri) else [*views, card]


def entry_view(v: VoceOut, uid: str, lang: str, starts: str = "") -> EntryView:
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
    from babel import Locale

    try:
        return Locale.parse(normalize_lang(lang)).languages.get(code, code)
    except Exception:
        return code


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
