"""What the Carta's pages show (a centre's Carta, the directory, the print edition), ready in the
page's language. Plain Python, no Reflex.
"""

# No `from __future__ import annotations`: Reflex reads these field types at runtime.
from dataclasses import dataclass, field
from datetime import date

from zerosei_app.domain import clock
from zerosei_app.domain.carta import group_by_area
from zerosei_app.domain.catalog import MAX_AGE_MONTHS, MIN_AGE_MONTHS, PROVINCE
from zerosei_app.domain.contact_rule import CENTRO, ContactDetails, Holder, contact_actions
from zerosei_app.i18n import plural, t
from zerosei_app.i18n.coverage import ltr_isolate
from zerosei_app.models import Centro, Comune, EnteGestore
from zerosei_app.queries.carta import CartaCentro, DirectoryRow
from zerosei_app.queries.contacts import holder_comune, holder_ente
from zerosei_app.schemas.percorso import CentroOut, EnteGestoreOut, VoceOut
from zerosei_app.view import urls
from zerosei_app.view.chiusure import announce_text
from zerosei_app.view.contacts import LinkView
from zerosei_app.view.contacts_out import contacts_out
from zerosei_app.view.mediation import LanguageNameView, mediation_languages_view
from zerosei_app.view.percorso_out import announce, map_url, voce_fields
from zerosei_app.view.percorso_view import EntryView, centri_views, contact_links, entry_view, hours_text
from zerosei_app.view.wording import long_date

ORIGINI = ("esplicito", "ente_gestore", "inferito")
KNOWN = ("esplicito", "ente_gestore")  # a source, the Regione or the ente gestore says so; not a guess


def centro_contacts(centro: Centro, ente: EnteGestore | None, seat: Comune, lang: str) -> list[LinkView]:
    """The path's contact rule (domain/contact_rule.py): the centre's own contacts, else its ente
    gestore's, else its comune's site with the PEC last; each link says whose it is."""
    actions = contact_actions(
        Holder(CENTRO, centro.name, ContactDetails(centro.phone, centro.email, centro.website)),
        holder_ente(ente) if ente is not None else None,
        [holder_comune(seat)],
    )
    links, _intro, _pec_note = contact_links(contacts_out(actions), lang)
    return links


@dataclass
class ServedView:
    label: str  # "Il comune del centro", "Comuni dell'ente gestore"…
    names: str  # "Agliè, Bairo, Caluso"
    count: int = 0
    in_short: str = ""  # on paper instead of the names (the nearest-centre list: the live page has it)


@dataclass
class AreaView:
    slug: str
    label: str
    cards: list[EntryView] = field(default_factory=list)


@dataclass
class CartaView:
    id: int
    slug: str
    name: str
    href: str  # this page, in this language
    ente: str
    address: str
    place: str  # "Torino (TO)"
    provincia: str
    map_href: str
    hours: str
    links: list[LinkView] = field(default_factory=list)
    no_contacts: str = ""
    status_kind: str = ""  # verificato | parziale | solo_nome | incerto
    status: str = ""  # in words
    updated: str = ""  # "Ultimo aggiornamento: 3 marzo 2026" or the source's date
    served_title: str = ""  # "Comuni serviti: 53" (never the comuni it is only the nearest centre for)
    served: list[ServedView] = field(default_factory=list)  # by a source's, the Regione's or the ente's word
    nearest_for: list[ServedView] = field(default_factory=list)  # apart: only the nearest registered centre
    entries_count: str = ""  # "14 servizi e attività"
    areas: list[AreaView] = field(default_factory=list)
    has_examples: bool = False
    nothing_confirmed: bool = True  # no entry the centre confirmed: the page says so and shows staff the way in
    staff_href: str = "/staff/login"
    chiusura: str = ""  # a temporary closure in course or starting soon, in words
    mediation: list[LanguageNameView] = field(default_factory=list)  # its cultural mediators' languages


def _day(iso: str, lang: str) -> str:
    return long_date(date.fromisoformat(iso), lang)


def status_text(status: str, lang: str) -> str:
    return t(f"carta.status.{status}", lang) if status in ("verificato", "parziale", "solo_nome", "incerto") else ""


def updated_text(updated_on: str | None, source_date: str | None, lang: str) -> str:
    if updated_on:
        return t("carta.updated_on", lang, date=_day(updated_on, lang))
    if source_date:
        return t("carta.source_date", lang, date=ltr_isolate(source_date, lang))  # the source's own words
    return t("carta.source_undated", lang)


def carta_view(c: CartaCentro, lang: str, compact: bool = False, today: date | None = None) -> CartaView:
    """`compact` (the print edition): entries keep age, place, time and cost; the live page (its QR
    code) has the rest. `today` (Italy's date) decides which temporary closures are announced."""
    today = today or clock.today()
    centro, comune = c.centro, c.comune
    links = centro_contacts(centro, c.ente, comune, lang)
    by_origin: dict[str, list[Comune]] = {}
    for m, k in c.served:
        by_origin.setdefault(k.origine, []).append(m)
    served, nearest_for = [
        [
            ServedView(t(f"carta.served.{o}", lang), ", ".join(m.name for m in by_origin[o]), len(by_origin[o]))
            for o in origins
            if by_origin.get(o)
        ]
        for origins in (KNOWN, ("inferito",))
    ]
    for s in nearest_for:
        s.in_short = plural("carta.nearest_print", s.count, lang)
    entries = [VoceOut(**voce_fields(e), chiusura=announce(c.chiusure_entry.get(e.id), today)) for e in c.entries]
    areas = [
        AreaView(area, t(f"carta.area.{area}", lang), [_entry(s.v, centro, lang, compact) for s in items])
        for area, items in group_by_area(_Sortable(v) for v in entries)
    ]
    return CartaView(
        id=centro.id,
        slug=centro.slug or "",
        name=centro.name,
        href=urls.carta_url(centro.slug or "", lang),
        ente=c.ente.name if c.ente else (centro.ente_as_cited or ""),
        address=centro.address or "",
        place=f"{comune.name} ({comune.sigla_provincia})",
        provincia=comune.sigla_provincia,
        map_href=map_url(centro.address, comune.name) or "",
        hours=hours_text(centro.hours, centro.hours_as_of, lang),
        links=links,
        no_contacts="" if links else t("carta.no_contacts", lang),
        status_kind=centro.stato_verifica,
        status=status_text(centro.stato_verifica, lang),
        updated=updated_text(c.updated_on, centro.source_date, lang),
        served_title=plural("carta.n_comuni", sum(1 for _, k in c.served if k.origine in KNOWN), lang),
        served=served,
        nearest_for=nearest_for,
        entries_count=plural("carta.n_voci", len(entries), lang),
        areas=areas,
        has_examples=any(v.verificato_il is None for v in entries),  # some only from a source: say what that means
        nothing_confirmed=not any(v.verificato_il for v in entries),
        chiusura=announce_text(c.chiusure, today, "centro", lang),
        mediation=mediation_languages_view(centro.mediation_languages),
    )


def _entry(v: VoceOut, centro: Centro, lang: str, compact: bool) -> EntryView:
    """As on the path, minus what the centre's header already says ("Chi: <this centre>", "Dove:
    <its address>"); compact: also without how to access it and the languages."""
    view = entry_view(v, f"v{v.id}", lang)
    same = {centro.name, centro.address or ""}
    dropped = {t("path.fact.access", lang), t("path.fact.languages", lang)} if compact else set()
    view.facts = [f for f in view.facts if f.value not in same and f.label not in dropped]
    if compact:
        view.description = ""
    return view


class _Sortable:
    """group_by_area reads `.category`, `.age_min_months`, `.age_max_months`, `.title`."""

    def __init__(self, v: VoceOut) -> None:
        self.v = v
        self.category, self.age_min_months, self.age_max_months, self.title = (
            v.categoria,
            MIN_AGE_MONTHS if v.eta_min_mesi is None else v.eta_min_mesi,
            MAX_AGE_MONTHS if v.eta_max_mesi is None else v.eta_max_mesi,
            v.titolo,
        )


# --- Directory ---------------------------------------------------------------------------------


@dataclass
class DirCentroView:
    id: int
    slug: str
    name: str
    href: str
    place: str
    status_kind: str
    status: str
    n_comuni: str  # "Serve 3 comuni · il centro registrato più vicino per altri 54"
    contact: list[LinkView] = field(default_factory=list)  # the first way to reach it
    no_contacts: str = ""


@dataclass
class ProvinciaView:
    sigla: str
    name: str
    count: str  # "5 centri"
    centri: list[DirCentroView] = field(default_factory=list)


def dir_centro_view(r: DirectoryRow, lang: str) -> DirCentroView:
    links = centro_contacts(r.centro, r.ente, r.comune, lang)
    return DirCentroView(
        id=r.centro.id,
        slug=r.centro.slug or "",
        name=r.centro.name,
        href=urls.carta_url(r.centro.slug or "", lang),
        place=f"{r.comune.name} ({r.comune.sigla_provincia})",
        status_kind=r.centro.stato_verifica,
        status=status_text(r.centro.stato_verifica, lang),
        n_comuni=served_count_text(r.n_comuni, r.n_inferiti, lang),
        contact=links[:1],
        no_contacts="" if links else t("carta.no_contacts_short", lang),
    )


def served_count_text(known: int, inferred: int, lang: str) -> str:
    text = plural("carta.serves_n", known, lang)
    return text + (" · " + plural("carta.nearest_for_n", inferred, lang) if inferred else "")


@dataclass
class FoundView:
    """One answer of "find a centre" for a comune: what it is for that comune, said as the path says it."""

    uid: str
    name: str
    href: str  # the centre's Carta; "" for an ente gestore
    place: str
    kicker: str  # "Il tuo Centro per le famiglie" / "Il centro più vicino tra quelli registrati · a circa 46 km"
    note: str = ""
    links: list[LinkView] = field(default_factory=list)


def found_views(
    centri: list[CentroOut], ente: EnteGestoreOut | None, href_of: dict[int, str], lang: str
) -> list[FoundView]:
    """The centres serving a comune and its ente gestore, in the path's order and words (never a
    guessed centre named as the one that serves it)."""
    out = []
    for card in centri_views(centri, ente, lang):
        ente_card = card.kind == "ente"
        out.append(
            FoundView(
                uid=card.uid,
                name=card.name,
                href="" if ente_card else href_of.get(card.id, ""),
                place=card.place,
                kicker=card.kicker,
                note=card.notes[0] if card.notes and (ente_card or centri_inferred(centri, card.id)) else "",
                links=card.links[:3] if ente_card else card.links[:1],
            )
        )
    return out


def centri_inferred(centri: list[CentroOut], centro_id: int) -> bool:
    return any(c.id == centro_id and c.inferito for c in centri)


def directory_view(rows: list[DirectoryRow], lang: str) -> list[ProvinciaView]:
    groups: dict[str, list[DirCentroView]] = {}
    for r in rows:
        groups.setdefault(r.comune.sigla_provincia, []).append(dir_centro_view(r, lang))
    return [
        ProvinciaView(sigla, PROVINCE.get(sigla, sigla), plural("carta.n_centri", len(items), lang), items)
        for sigla, items in groups.items()
    ]
