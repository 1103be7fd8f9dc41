"""What the path page renders, computed from the API's own `PercorsoOut` (the page shows what the API returns).

Plain Python (no Reflex): every text is ready in the parent's language, so components only place it.
"""

# No `from __future__ import annotations`: Reflex reads these field types at runtime.
from dataclasses import dataclass, field

from babel.lists import format_list

from zerosei_app.domain import clock
from zerosei_app.domain.catalog import PROVINCE, SITUATIONAL_TOPICS, TOPICS
from zerosei_app.domain.months import YearMonth
from zerosei_app.domain.path import Placed, Placement, is_situational, place
from zerosei_app.domain.review import is_due
from zerosei_app.domain.source_text import hours_are_old
from zerosei_app.i18n import normalize_lang, plural, t
from zerosei_app.i18n.coverage import ltr_isolate
from zerosei_app.i18n.format import language_name, month_year
from zerosei_app.schemas.percorso import (
    CentroOut,
    ChiusuraOut,
    ContattoOut,
    EnteGestoreOut,
    FiglioOut,
    PercorsoOut,
    ProssimaOut,
    VoceOut,
)
from zerosei_app.settings import get_mail_settings
from zerosei_app.view.chiusure import closure_text
from zerosei_app.view.contacts import LinkView, all_links
from zerosei_app.view.mediation import LanguageNameView, mediation_asked, mediation_languages_view
from zerosei_app.view.wording import age_range_text, long_date, starts_text


@dataclass
class FactView:
    label: str
    value: str
    lang: str = ""  # "it" when the value is the centre's own text (entries stay in the language staff wrote them)


# Staff write in Italian (the staff area is Italian); screen readers must read it as Italian on an English page.
ENTRY_TEXT_LANG = "it"


@dataclass
class EntryView:
    uid: str  # unique on the page: each service is shown once
    id: int
    centro_id: int
    title: str
    summary: str
    description: str
    starts: str = ""  # coming ones: "Da marzo 2027 (tra 4 mesi)"
    for_whom: str = ""  # "Per chi ha 4 anni e per la gravidanza" (situational group), "Anche per la gravidanza, da…"
    facts: list[FactView] = field(default_factory=list)
    links: list[LinkView] = field(default_factory=list)  # the entry's own contacts, not its centre's
    centro_name: str = ""  # no own contacts: "Contatti: <centro>", an in-page link to the centre card
    centro_href: str = ""
    trust: str = ""  # "Da confermare con il centro" or "Verificato dal centro il 12 marzo 2026"
    is_verified: bool = False
    compact: bool = False  # coming months: the summary waits behind "Leggi di più" too
    chiusura: str = ""  # "Sospeso dal 1 agosto 2027 al 31 agosto 2027 (ferie)": in course or soon
    dates: str = ""  # its next dated sessions, in one line ("mar 13 ott 09:30 · mar 20 ott 09:30 (+5)")
    ics_href: str = ""  # "Aggiungi al calendario" for those sessions


@dataclass
class EntryListView:
    """A heading (for whom) and its services; the heading is empty on a one-child page."""

    uid: str
    heading: str = ""
    note: str = ""  # e.g. the due month has passed
    cards: list[EntryView] = field(default_factory=list)
    empty: str = ""  # set when nothing fits this child now


@dataclass
class ServicesView:
    """The services part of the path page: each service once, the best fit first, situational ones apart."""

    now: list[EntryListView] = field(default_factory=list)
    upcoming: list[EntryListView] = field(default_factory=list)
    upcoming_empty: str = ""
    situational: list[EntryView] = field(default_factory=list)
    situational_hint: str = ""  # what the collapsed group holds: "separazione, lutto… (5 servizi)"
    has_unconfirmed: bool = False


@dataclass
class CentroView:
    uid: str
    id: int
    name: str
    address: str
    place: str  # "Torino (TO)"
    hours: str
    ente: str
    links: list[LinkView] = field(default_factory=list)
    map_href: str = ""
    notes: list[str] = field(default_factory=list)  # inferred link, uncertain data: said plainly
    kind: str = "centro"  # centro | ente (the comune's ente gestore, when its centre is not registered)
    kicker: str = ""  # what it is for this family: "Il centro più vicino tra quelli registrati · a circa 31 km"
    contacts_intro: str = ""  # whose contacts follow, when they are not the centre's own
    pec_note: str = ""  # what a PEC is, when one is offered
    chiusura: str = ""  # "Centro chiuso dal … al … (ferie)": in course or soon
    mediation: list[LanguageNameView] = field(default_factory=list)  # its cultural mediators' languages
    mediation_asked: str = ""  # "Mediazione culturale in arabo presso il centro" (lingua= asked for it)


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


def contact_links(contacts: list[ContattoOut], lang: str, card: str = "centro") -> tuple[list[LinkView], str, str]:
    """The rule's actions as links, each saying whose it is (unless it is the card's own: `card`);
    plus the intro and the PEC note."""
    links = []
    for a in contacts:
        kind = {"telefono": "tel", "email": "mail", "sito": "web", "pec": "pec"}[a.tipo]
        label = t("path.contact.pec_label", lang, address=ltr_isolate(a.testo, lang)) if a.tipo == "pec" else a.testo
        owner = t(f"path.contact.owner.{a.di}", lang, nome=a.di_nome) if a.di not in ("centro", card) else ""
        links.append(LinkView(kind, label, a.href, owner))
    first = contacts[0] if contacts else None
    intro = t(f"path.contact.intro.{first.di}", lang, nome=first.di_nome) if first and first.di != "centro" else ""
    pec_note = t("path.contact.pec_note", lang) if any(a.tipo == "pec" for a in contacts) else ""
    return links, intro, pec_note


def centro_view(c: CentroOut, lang: str, language: str | None = None) -> CentroView:
    """`language`: the language the parent asked for (`lingua=`), if any."""
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
        name=c.nome,
        address=c.indirizzo or "",
        place=f"{c.comune} ({c.provincia})",
        hours=hours_text(c.orari, c.orari_indicati_nel, lang),
        ente=c.ente_gestore or "",
        links=links,
        map_href=c.mappa_url or "",
        notes=notes,
        kicker=_kicker(c, lang),
        contacts_intro=intro,
        pec_note=pec_note,
        chiusura=_closure(c.chiusura, "centro", lang),
        mediation=mediation_languages_view(c.lingue_mediazione),
        mediation_asked=mediation_asked(c.lingue_mediazione, language, lang),
    )


def _closure(c: ChiusuraOut | None, kind: str, lang: str) -> str:
    return closure_text(c.dal, c.al, c.motivo, c.in_corso, kind, lang) if c else ""


def ente_view(e: EnteGestoreOut, lang: str) -> CentroView:
    links, _, pec_note = contact_links(e.contatti, lang, card="ente_gestore")
    return CentroView(
        uid=f"e{e.id}",
        id=e.id,
        name=e.nome,
        address="",
        place="",
        hours="",
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


def centri_views(
    centri: list[CentroOut], ente: EnteGestoreOut | None, lang: str, language: str | None = None
) -> list[CentroView]:
    """The centres; the comune's ente gestore (when it runs none of them) first if every centre is only the
    nearest one, else after them. `language`: the language the parent asked for, if any."""
    views = [centro_view(c, lang, language) for c in centri]
    if ente is None:
        return views
    card = ente_view(ente, lang)
    return [card, *views] if all(c.inferito for c in centri) else [*views, card]


def hours_text(hours: str | None, given_in: str | None, lang: str) -> str:
    """A centre's hours; those a source gave over a year ago say when ("orari indicati nel 2019: chiedi conferma")."""
    if not hours:
        return ""
    if not hours_are_old(given_in, clock.today()):
        return hours
    when = t("hours.when.covid", lang) if given_in == "covid" else given_in
    return f"{hours} — {t('path.centro.hours_dated', lang, when=when)}"


def _overdue(confirmed_on) -> bool:
    return confirmed_on is not None and is_due(confirmed_on, clock.today(), get_mail_settings().review_days)


def trust_text(v: VoceOut, lang: str) -> str:
    """One label: confirmed by the centre (with the day), else named by a public source, else not yet confirmed."""
    if v.verificato_il and not v.esempio:
        day = long_date(v.verificato_il, lang)
        # A confirmation older than the review cycle (ZEROSEI_REVIEW_DAYS) no longer vouches for today.
        if _overdue(v.verificato_il):
            return t("path.trust.overdue", lang, date=day)
        return t("path.entry.verified_on", lang, date=day)
    if v.fonte:
        return t("path.trust.sourced", lang)
    return t("path.trust.unconfirmed", lang)


def entry_view(
    v: VoceOut,
    uid: str,
    lang: str,
    starts: str = "",
    *,
    centri: dict[int, CentroOut] | None = None,
    compact: bool = False,
    centre_hrefs: dict[int, set[str]] | None = None,
) -> EntryView:
    centro = (centri or {}).get(v.centro_id)
    own = all_links(v.contatti.telefono, v.contatti.email, v.contatti.sito)
    if centro is not None:  # the centre card already has these buttons: point to it instead
        if centre_hrefs is None:
            centre_hrefs = {}
        if v.centro_id not in centre_hrefs:  # once per centre, not once per card
            centre_hrefs[v.centro_id] = {link.href for link in centro_view(centro, lang).links}
        own = [link for link in own if link.href not in centre_hrefs[v.centro_id]]
    return EntryView(
        uid=uid,
        id=v.id,
        centro_id=v.centro_id,
        title=v.titolo,
        summary=v.sintesi,
        description=v.descrizione or "",
        starts=starts,
        facts=_facts(v, lang),
        links=own,
        centro_name=centro.nome if centro is not None and not own else "",
        centro_href=f"#centro-c{v.centro_id}-nome" if centro is not None and not own else "",  # the card's heading
        trust=trust_text(v, lang),
        is_verified=bool(v.verificato_il and not v.esempio) and not _overdue(v.verificato_il),
        compact=compact,
        chiusura=_closure(v.chiusura, "voce", lang),
    )


def child_heading(f: FiglioOut, lang: str) -> str:
    if f.attesa:
        return t("path.child.heading_expected", lang, month=month_year(YearMonth.parse(f.attesa), lang))
    return t("path.child.heading", lang, age=f.eta)


def _for(f: FiglioOut, lang: str, v: VoceOut | None = None) -> str:
    """ "per chi ha 4 anni", "per la gravidanza" (the page has no names); "per chi nascerà" after birth."""
    if not f.attesa:
        return t("path.for.born", lang, age=f.eta)
    born = v is not None and v.eta_min_mesi is not None and v.eta_min_mesi >= 0
    return t("path.for.baby", lang) if born else t("path.for.expected", lang)


def _for_all(children: list[FiglioOut], who: tuple[int, ...], lang: str) -> str:
    labels = list(dict.fromkeys(_for(children[i], lang) for i in who))  # twins: said once
    text = format_list(labels, locale=normalize_lang(lang)) if labels else ""
    return text[:1].upper() + text[1:]


def _starts(p: ProssimaOut, lang: str) -> str:
    return starts_text(p.da_mese, p.tra_mesi, lang)


@dataclass
class _Cards:
    """What every card of the services part needs: the services by id, when each opens per child, the centres."""

    children: list[FiglioOut]
    lang: str
    entries: dict[int, VoceOut]
    soon: list[dict[int, ProssimaOut]]  # per child: the services opening later, by id
    centri: dict[int, CentroOut]
    centre_hrefs: dict[int, set[str]] = field(default_factory=dict)  # each centre card's links, reused by its cards

    @property
    def several(self) -> bool:
        return len(self.children) > 1

    def card(self, item: Placed, home: int | None = None, compact: bool = False) -> EntryView:
        v, lang = self.entries[item.key], self.lang
        starts = _starts(self.soon[home][item.key], lang) if home is not None else ""
        view = entry_view(
            v, f"v{v.id}", lang, starts, centri=self.centri, compact=compact, centre_hrefs=self.centre_hrefs
        )
        others = [i for i in item.soon_for if i != home]
        if self.several and others:  # fits one child now (or soon), starts later for another: say so here
            view.for_whom = " · ".join(
                t(
                    "path.for.also_soon",
                    lang,
                    who=_for(self.children[i], lang, v),
                    month=_month(self.soon[i][item.key], lang),
                )
                for i in others
            )
        return view


def _cards(p: PercorsoOut, lang: str) -> _Cards:
    entries: dict[int, VoceOut] = {}
    soon: list[dict[int, ProssimaOut]] = []
    for f in p.figli:
        entries.update({v.id: v for v in f.prossimi})
        soon.append({v.id: v for v in f.prossimi})
    entries.update({v.id: v for f in p.figli for v in f.adesso})  # the "now" copy when both exist
    return _Cards(p.figli, lang, entries, soon, {c.id: c for c in p.centri})


def _now_lists(p: PercorsoOut, plan: Placement, cards: _Cards) -> list[EntryListView]:
    """Per child what fits now (said when nothing does), then the services shared by several children."""
    lang = cards.lang
    now: list[EntryListView] = []
    shared_children = {i for who, _ in plan.shared for i in who}
    for i, f in enumerate(p.figli):
        items = plan.now[i]
        nothing = not items and i not in shared_children  # say so, with the centre, even if "Se ti serve" has some
        if items or nothing or f.nato_presumibilmente:
            now.append(
                EntryListView(
                    uid=f"adesso-{i + 1}",
                    heading=child_heading(f, lang),
                    note=t("path.child.born_presumably", lang) if f.nato_presumibilmente else "",
                    cards=[cards.card(x) for x in items],
                    empty=t("path.now_empty" if p.centri else "path.now_empty_ente", lang) if nothing else "",
                )
            )
    for n, (who, items) in enumerate(plan.shared):
        now.append(
            EntryListView(
                uid=f"insieme-{n + 1}", heading=_for_all(p.figli, who, lang), cards=[cards.card(x) for x in items]
            )
        )
    return now


def _upcoming_lists(plan: Placement, cards: _Cards) -> list[EntryListView]:
    return [
        EntryListView(
            uid=f"prossimi-{i + 1}",
            heading=child_heading(cards.children[i], cards.lang),
            cards=[cards.card(x, home=i, compact=True) for x in items],
        )
        for i, items in enumerate(plan.upcoming)
        if items
    ]


def _situational_card(item: Placed, cards: _Cards) -> EntryView:
    """A "Se ti serve" card: for the children it fits now, else for the one it opens soonest for."""
    if item.now_for:
        view, who = cards.card(item), item.now_for
    else:
        home = min(item.soon_for, key=lambda i: cards.soon[i][item.key].tra_mesi)
        view, who = cards.card(item, home=home), (home,)
    if cards.several:
        view.for_whom = _for_all(cards.children, who, cards.lang)
    return view


def services_view(p: PercorsoOut, lang: str) -> ServicesView:
    """Each service once: per child the best fit first, shared ones under one heading, situational ones apart."""
    cards = _cards(p, lang)
    sets_apart = {key for key, v in cards.entries.items() if is_situational(v.temi, p.temi)}
    plan = place(
        [[v.id for v in f.adesso] for f in p.figli],
        [[(v.id, v.tra_mesi) for v in f.prossimi] for f in p.figli],
        situational=sets_apart.__contains__,
    )
    # Built in page order: a centre's links are computed by its first card (cards.centre_hrefs).
    now = _now_lists(p, plan, cards)
    upcoming = _upcoming_lists(plan, cards)
    situational = [_situational_card(item, cards) for item in plan.situational]
    shown = [*(e for lst in now for e in lst.cards), *(e for lst in upcoming for e in lst.cards), *situational]
    return ServicesView(
        now=now,
        upcoming=upcoming,
        upcoming_empty="" if upcoming else t("path.upcoming_empty", lang),
        situational=situational,
        situational_hint=_situational_hint([cards.entries[x.key] for x in plan.situational], lang),
        has_unconfirmed=any(not e.is_verified for e in shown),
    )


def _month(v: ProssimaOut, lang: str) -> str:
    return month_year(YearMonth.parse(v.da_mese), lang)


def _situational_hint(entries: list[VoceOut], lang: str) -> str:
    """What is inside the collapsed group, so a parent knows whether to open it."""
    if not entries:
        return ""
    found = {topic for v in entries for topic in v.temi if topic in SITUATIONAL_TOPICS}
    topics = [t(f"topic.{slug}", lang).lower() for slug in TOPICS if slug in found]
    return t(
        "path.situational.hint", lang, topics=", ".join(topics), n=plural("path.n_situational", len(entries), lang)
    )


def chips(selected: list[str] | tuple[str, ...], lang: str) -> list[ChipView]:
    return [ChipView(slug, t(f"topic.{slug}", lang), slug in selected) for slug in TOPICS]


def jump_to_centri(centri: list[CentroOut], lang: str) -> tuple[str, str]:
    """The jump bar's last link: to the one centre's card, or to the centres' section."""
    if len(centri) == 1:
        return t("ui.path.jump_centro", lang), f"#centro-c{centri[0].id}-nome"
    return t("ui.path.jump_centri", lang), "#centri"


def counts_text(p: PercorsoOut, lang: str, sv: ServicesView | None = None) -> str:
    """ "5 servizi adatti adesso, 3 nei prossimi mesi": the cards of the two main sections (each service once;
    the situational group says its own number). Pass `sv` when already built."""
    sv = sv if sv is not None else services_view(p, lang)
    now = sum(len(lst.cards) for lst in sv.now)
    soon = sum(len(lst.cards) for lst in sv.upcoming)
    return t("path.counts", lang, now=plural("path.n_services", now, lang), soon=soon)


def _facts(v: VoceOut, lang: str) -> list[FactView]:
    """Only what the source or the centre stated: an unknown fact is left out, never filled in."""
    where = v.luogo or ""
    if v.online:
        where = f"{where} · {t('path.entry.online', lang)}" if where else t("path.entry.online", lang)
    price = v.costo
    cost = t("path.entry.free", lang) if price is not None and price.gratuito else ""
    if price is not None and price.nota:
        cost = f"{cost} · {price.nota}" if cost else price.nota
    written = ENTRY_TEXT_LANG if lang != ENTRY_TEXT_LANG else ""
    ages = age_range_text(v.eta_min_mesi, v.eta_max_mesi, lang) if v.eta_min_mesi is not None else ""
    facts = [
        ("path.fact.age", ages, ""),
        ("path.fact.who", v.ente or "", written),
        ("path.fact.where", where, written if not v.online else ""),
        ("path.fact.when", v.quando or "", written),
        ("path.fact.cost", cost, written if not (price is not None and price.gratuito) else ""),
        ("path.fact.access", v.accesso or "", written),
    ]
    languages = v.lingue or []
    if [code for code in languages if code != "it"]:
        facts.append(("path.fact.languages", ", ".join(language_name(code, lang) for code in languages), ""))
    return [FactView(t(key, lang), value, value_lang) for key, value, value_lang in facts if value]


def add_dates(services: ServicesView, dates: dict[int, str], ics: dict[int, str]) -> None:
    """Each card with dated sessions gets its next dates inside it (state/percorso.py reads them)."""
    for card in [
        *(e for lst in services.now for e in lst.cards),
        *(e for lst in services.upcoming for e in lst.cards),
    ]:
        card.dates, card.ics_href = dates.get(card.id, ""), ics.get(card.id, "")
    for card in services.situational:
        card.dates, card.ics_href = dates.get(card.id, ""), ics.get(card.id, "")
