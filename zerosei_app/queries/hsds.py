"""The directory in Open Referral HSDS 3.0 terms (the /api/v1/hsds API and its data package).

Mapping (README, "HSDS"): organizations are the enti gestori and the open centres (a centre's
`parent_organization_id` is its ente gestore); services are the published entries of open
centres; each centre is one physical location; the Carta's activity areas, the topics and the
age bounds are three taxonomies. Only published entries of open centres appear anywhere.
"""

from __future__ import annotations

import functools
import json
from dataclasses import dataclass, field
from datetime import UTC, date, datetime

from babel import Locale
from sqlmodel import Session, col, func, select

from zerosei_app.domain import clock
from zerosei_app.domain.catalog import CATEGORIES, MAX_AGE_MONTHS, MIN_AGE_MONTHS, PROVINCE, TOPICS
from zerosei_app.domain.chiusure import is_active
from zerosei_app.domain.hsds_ids import hsds_id
from zerosei_app.domain.text import fold
from zerosei_app.domain.vocabulary import StatoVerifica
from zerosei_app.i18n import t
from zerosei_app.models import AuditRecord, CardEntry, Centro, Comune, EnteGestore, StaffUser
from zerosei_app.queries.backed import backed_entries
from zerosei_app.queries.chiusure import all_by_owner
from zerosei_app.schemas.hsds import (
    AddressOut,
    AttributeOut,
    CostOptionOut,
    LanguageOut,
    LocationOut,
    MetadataOut,
    OrganizationListOut,
    OrganizationOut,
    PhoneOut,
    ScheduleOut,
    ServiceAtLocationListOut,
    ServiceAtLocationOut,
    ServiceListOut,
    ServiceOut,
    TaxonomyOut,
    TaxonomyTermOut,
)

HSDS_VERSION = "3.0"
SEED_SOURCE = "ZeroSei digitale: caricamento iniziale da fonti pubbliche; vedi il campo fonte"
COORDINATES_OF_COMUNE = (
    "Coordinate del comune del centro (geocodifica OpenStreetMap del comune), non dell'edificio del centro."
)
STATO_LABELS = {
    StatoVerifica.VERIFICATO: "Verificato",
    StatoVerifica.PARZIALE: "Verificato in parte",
    StatoVerifica.SOLO_NOME: "Solo nome e comune",
    StatoVerifica.INCERTO: "Incerto",
}
STATO_DESCRIPTIONS = {
    StatoVerifica.VERIFICATO: "Nome, sede e recapiti confermati da una fonte pubblica.",
    StatoVerifica.PARZIALE: "Esistenza confermata da una fonte; sede o recapiti incompleti o da confermare.",
    StatoVerifica.SOLO_NOME: "Le fonti danno solo il nome e il comune.",
    StatoVerifica.INCERTO: "Non è certo che sia un Centro per le famiglie regionale.",
}
_ROLE_LABEL = {"operatore": "operatore del centro (area operatori ZeroSei)", "regione": "Regione Piemonte"}


@dataclass(frozen=True)
class TaxonomyDef:
    key: str
    name: str
    description: str
    terms: tuple[tuple[str, str, str], ...]  # (code, name, description)


AGE_TERMS = (
    ("eta-minima-mesi", "Età minima in mesi", "Età minima in mesi compiuti (negativa: mesi prima della nascita)."),
    ("eta-massima-mesi", "Età massima in mesi", "Età massima in mesi compiuti."),
    ("gravidanza", "Dalla gravidanza", "Il servizio accoglie anche le famiglie in attesa (valore: da quanti mesi)."),
)

TAXONOMIES = (
    TaxonomyDef(
        "aree",
        "Carta ZeroSei – aree di attività",
        "Le aree di attività della Carta regionale per le famiglie ZeroSei (Regione Piemonte).",
        tuple((c, t(f"category.{c}", "it"), t(f"category.{c}", "en")) for c in CATEGORIES),
    ),
    TaxonomyDef(
        "temi",
        "Carta ZeroSei – temi",
        "I temi che un genitore può scegliere nel percorso ZeroSei.",
        tuple((c, t(f"topic.{c}", "it"), t(f"topic.{c}", "en")) for c in TOPICS),
    ),
    TaxonomyDef("eta", "ZeroSei – età", "Limiti di età dei servizi in mesi e accesso in gravidanza.", AGE_TERMS),
    TaxonomyDef(
        "verifica",
        "ZeroSei – stato di verifica dei centri",
        "Quanto le fonti pubbliche confermano un Centro per le famiglie (nome, sede, recapiti).",
        tuple((v.value, STATO_LABELS[v], STATO_DESCRIPTIONS[v]) for v in StatoVerifica),
    ),
)


def _term_id(taxonomy: str, code: str) -> str:
    return hsds_id("taxonomy_term", f"{taxonomy}/{code}")


def taxonomy_out(d: TaxonomyDef) -> TaxonomyOut:
    return TaxonomyOut(id=hsds_id("taxonomy", d.key), name=d.name, description=d.description, version="1")


def taxonomy_terms(taxonomy_id: str | None = None) -> list[TaxonomyTermOut]:
    out = []
    for d in TAXONOMIES:
        tax_id = hsds_id("taxonomy", d.key)
        if taxonomy_id is not None and taxonomy_id != tax_id:
            continue
        for code, name, description in d.terms:
            out.append(
                TaxonomyTermOut(
                    id=_term_id(d.key, code),
                    code=code,
                    name=name,
                    description=description,
                    taxonomy=d.name,
                    taxonomy_id=tax_id,
                    language="it",
                )
            )
    return out


@functools.cache
def _term(taxonomy: str, code: str) -> TaxonomyTermOut:
    """Fixed vocabularies: built once per process (callers never modify the returned model)."""
    return next(x for x in taxonomy_terms(hsds_id("taxonomy", taxonomy)) if x.code == code)


# --- Loading ---------------------------------------------------------------------------------


@dataclass
class Change:
    when: datetime
    action: str
    before: dict | None
    after: dict | None
    role: str | None
    audit_id: int


@dataclass
class HsdsData:
    enti: dict[int, EnteGestore]
    centri: dict[int, tuple[Centro, Comune]]
    entries: list[CardEntry]
    changes: dict[tuple[str, int], Change]
    base_url: str = ""
    schedules: dict[int, list[ScheduleOut]] = field(default_factory=dict)
    closed: set[int] = field(default_factory=set)  # entries closed today (their own or their centre's closure)


def _closed_today(session: Session, entries: list[CardEntry], today: date) -> set[int]:
    by_centro, by_entry = all_by_owner(session)
    return {
        e.id
        for e in entries
        if any(is_active(w, today) for w in [*by_centro.get(e.centro_id, []), *by_entry.get(e.id, [])])
    }


def exported_entries(*columns):
    """THE entries HSDS and the data package export, as a select (of `columns`, default the rows),
    ordered by id: every list, page, count and whole export goes through here, so a change of
    which entries are open data is made once."""
    return (
        select(*(columns or (CardEntry,)))
        .join(Centro, col(Centro.id) == col(CardEntry.centro_id))
        .where(*backed_entries(), col(Centro.is_active).is_(True))
        .order_by(col(CardEntry.id))
    )


def centri_and_enti(session: Session) -> tuple[dict[int, tuple[Centro, Comune]], dict[int, EnteGestore]]:
    centri = {
        c.id: (c, m)
        for c, m in session.exec(
            select(Centro, Comune)
            .join(Comune, col(Comune.codice_istat) == col(Centro.codice_istat))
            .where(col(Centro.is_active).is_(True))
            .order_by(col(Centro.id))
        ).all()
    }
    enti = {e.id: e for e in session.exec(select(EnteGestore).order_by(col(EnteGestore.id))).all()}
    return centri, enti


def load(
    session: Session, base_url: str = "", entry_ids: list[int] | None = None, known=None, today: date | None = None
) -> HsdsData:
    """The whole directory, or (entry_ids) only these exported entries, e.g. one page of a list;
    `known`: (centri, enti) already loaded for this data version."""
    centri, enti = known or centri_and_enti(session)
    query = exported_entries()
    if entry_ids is not None:
        query = query.where(col(CardEntry.id).in_(entry_ids))
    entries = list(session.exec(query).all())
    changes = _last_changes(session, None if entry_ids is None else entries)
    data = HsdsData(enti=enti, centri=centri, entries=entries, changes=changes, base_url=base_url)
    from zerosei_app.queries.hsds_schedules import schedules_by_entry  # sessions as HSDS schedules

    data.schedules = schedules_by_entry(session, data, None if entry_ids is None else entry_ids)
    data.closed = _closed_today(session, entries, today or clock.today())
    return data


def _last_changes(session: Session, entries: list[CardEntry] | None = None) -> dict[tuple[str, int], Change]:
    """The last audit record of every entry and centre (or of these entries and their centres):
    when and how it last changed."""
    where = [col(AuditRecord.entity).in_(["card_entry", "centro"]), col(AuditRecord.entity_id).is_not(None)]
    if entries is not None:
        entry_ids = [e.id for e in entries]
        centro_ids = sorted({e.centro_id for e in entries})
        where = [
            ((AuditRecord.entity == "card_entry") & col(AuditRecord.entity_id).in_(entry_ids))
            | ((AuditRecord.entity == "centro") & col(AuditRecord.entity_id).in_(centro_ids))
        ]
    last = select(func.max(AuditRecord.id)).where(*where).group_by(AuditRecord.entity, AuditRecord.entity_id)
    rows = session.exec(
        select(AuditRecord, StaffUser.role)
        .outerjoin(StaffUser, col(StaffUser.id) == col(AuditRecord.user_id))
        .where(col(AuditRecord.id).in_(last))
    ).all()
    changes = {
        (a.entity, a.entity_id): Change(_aware(a.created_at), a.action, a.before, a.after, role, a.id)
        for a, role in rows
    }
    # A dated session added, cancelled or deleted changes its entry's schedules: when that is the
    # entry's latest change, the service's metadata says so.
    sessions = session.exec(
        select(AuditRecord, StaffUser.role)
        .outerjoin(StaffUser, col(StaffUser.id) == col(AuditRecord.user_id))
        .where(AuditRecord.entity == "entry_session")
        .order_by(col(AuditRecord.id))
    ).all()
    for a, role in sessions:
        entry_id = (a.after or a.before or {}).get("entry_id")
        key = ("card_entry", entry_id)
        current = changes.get(key)
        if isinstance(entry_id, int) and (current is None or current.audit_id < a.id):
            action = {"create": "schedule_add", "delete": "schedule_delete"}.get(a.action, f"schedule_{a.action}")
            changes[key] = Change(
                _aware(a.created_at), action, {"schedules": a.before}, {"schedules": a.after}, role, a.id
            )
    return changes


def _aware(when: datetime) -> datetime:
    return when if when.tzinfo else when.replace(tzinfo=UTC)


# --- Building blocks -------------------------------------------------------------------------


def _metadata(
    data: HsdsData, entity: str, key: int, resource_id: str, resource_type: str, created: datetime | None
) -> list[MetadataOut]:
    change = data.changes.get((entity, key))
    if change is None:
        when = _aware(created) if created else None
        return [
            MetadataOut(
                id=hsds_id("metadata", f"seed/{entity}/{key}"),
                resource_id=resource_id,
                resource_type=resource_type,
                last_action_date=when.date().isoformat() if when else "",
                last_action_type="create",
                field_name="",
                previous_value="",
                replacement_value="",
                updated_by=SEED_SOURCE,
            )
        ]
    before, after = change.before or {}, change.after or {}
    changed = [k for k in after if k != "version" and before.get(k) != after.get(k)]
    if change.action == "honest_content":  # issue 16's correction: the guessed old values are not republished
        changed = [k for k in changed if k != "motivo"]
        before, after = {}, {k: after.get(k) for k in changed}
    return [
        MetadataOut(
            id=hsds_id("metadata", f"audit/{change.audit_id}"),
            resource_id=resource_id,
            resource_type=resource_type,
            last_action_date=change.when.date().isoformat(),
            last_action_type=change.action,
            field_name=",".join(changed),
            previous_value=_values(before, changed),
            replacement_value=_values(after, changed),
            updated_by=_ROLE_LABEL.get(change.role or "", "ZeroSei digitale"),
        )
    ]


def _provenance(e: CardEntry, sid: str) -> list[MetadataOut]:
    """Where the service's values come from: the centre's confirmation (with its day), else the cited source."""
    if e.last_reviewed_on:
        who, what, day = "il centro (area operatori ZeroSei)", "confermato dal centro", e.last_reviewed_on.isoformat()
    else:
        who, what, day = "fonte pubblica citata", f"citato dalla fonte {e.source_url}", ""
    return [
        MetadataOut(
            id=hsds_id("metadata", f"provenance/card_entry/{e.id}"),
            resource_id=sid,
            resource_type="service",
            last_action_date=day,
            last_action_type="provenance",
            field_name="fonte",
            previous_value="",
            replacement_value=what[:2000],
            updated_by=who,
        )
    ]


def _values(values: dict, keys: list[str]) -> str:
    if not keys:
        return ""
    return json.dumps({k: values.get(k) for k in keys}, ensure_ascii=False, default=str)[:2000]


def _last_modified(data: HsdsData, entity: str, key: int, fallback: datetime) -> str:
    change = data.changes.get((entity, key))
    when = change.when if change else _aware(fallback)
    return when.astimezone(UTC).isoformat(timespec="seconds").replace("+00:00", "Z")


def _url(value: str | None) -> str | None:
    value = (value or "").strip()
    return value if value.startswith(("http://", "https://")) and " " not in value else None


def _email(value: str | None) -> str | None:
    value = (value or "").strip()
    return value if "@" in value and " " not in value else None


def _attribute(
    link_id: str, link_type: str, taxonomy: str, code: str, value: str | None = None, entity: str = "service"
) -> AttributeOut:
    term = _term(taxonomy, code)
    return AttributeOut(
        id=hsds_id("attribute", f"{link_id}/{taxonomy}/{code}"),
        link_id=link_id,
        link_type=link_type,
        link_entity=entity,
        taxonomy_term_id=term.id,
        value=value,
        taxonomy_term=term,
    )


# --- Organizations and locations -------------------------------------------------------------


def ente_list_out(e: EnteGestore) -> OrganizationListOut:
    where = f" con sede a {e.sede}" if e.sede else ""
    prov = f" ({e.sigla_provincia})" if e.sigla_provincia else ""
    return OrganizationListOut(
        id=hsds_id("ente_gestore", e.id),
        name=e.nome,
        alternate_name=e.sigla or None,
        description=f"Ente gestore delle funzioni socio-assistenziali{where}{prov}, Piemonte.",
        legal_status="ente gestore delle funzioni socio-assistenziali",
    )


def centro_list_out(data: HsdsData, c: Centro, m: Comune) -> OrganizationListOut:
    cited = f" Servizi citati dalla fonte: {c.servizi_citati}." if c.servizi_citati else ""
    return OrganizationListOut(
        id=hsds_id("centro", c.id),
        name=c.nome,
        description=f"Centro per le famiglie a {m.nome} ({m.sigla_provincia}).{cited}",
        email=_email(c.email),
        website=_url(c.sito),
        legal_status="Centro per le famiglie",
        parent_organization_id=hsds_id("ente_gestore", c.ente_gestore_id) if c.ente_gestore_id in data.enti else None,
    )


def location_out(data: HsdsData, c: Centro, m: Comune) -> LocationOut:
    loc_id = hsds_id("location", c.id)
    # Centres are placed at their comune's coordinates unless staff gave the building's own.
    own = c.lat is not None and c.lon is not None and (c.lat, c.lon) != (m.lat, m.lon)
    lat, lon = (c.lat, c.lon) if own else (m.lat, m.lon)
    notes = [f"Sede di {c.nome}, {m.nome} ({m.sigla_provincia})."]
    if lat is not None and not own:
        notes.append(COORDINATES_OF_COMUNE)
    addresses = None
    street = (c.indirizzo or "").strip()
    if street and not street.lower().startswith("non indicato"):
        caps = list(m.cap or [])
        addresses = [
            AddressOut(
                id=hsds_id("address", c.id),
                location_id=loc_id,
                address_1=street,
                city=m.nome,
                region="Piemonte",
                state_province=PROVINCE.get(m.sigla_provincia, m.sigla_provincia),
                # A comune with several CAPs: the street's CAP isn't known, so none is given.
                postal_code=caps[0] if len(caps) == 1 else "",
                country="IT",
                address_type="physical",
            )
        ]
    phones = None
    if c.telefono:
        phones = [PhoneOut(id=hsds_id("phone", f"location/{c.id}"), location_id=loc_id, number=c.telefono)]
    return LocationOut(
        id=loc_id,
        location_type="physical",
        organization_id=hsds_id("centro", c.id),
        name=c.nome,
        description=" ".join(notes),
        latitude=lat,
        longitude=lon,
        external_identifier=m.codice_istat,
        external_identifier_type="codice ISTAT del comune",
        addresses=addresses,
        phones=phones,
    )


def organization_out(data: HsdsData, org_id: str, full_service: bool = False) -> OrganizationOut | None:
    for e in data.enti.values():
        if hsds_id("ente_gestore", e.id) == org_id:
            return OrganizationOut(
                **ente_list_out(e).model_dump(),
                metadata=_metadata(data, "ente_gestore", e.id, org_id, "organization", None),
                services=[],
            )
    for c, m in data.centri.values():
        if hsds_id("centro", c.id) == org_id:
            phones = None
            if c.telefono:
                phones = [PhoneOut(id=hsds_id("phone", f"centro/{c.id}"), organization_id=org_id, number=c.telefono)]
            mine = [e for e in data.entries if e.centro_id == c.id]
            return OrganizationOut(
                **centro_list_out(data, c, m).model_dump(),
                phones=phones,
                locations=[location_out(data, c, m)],
                metadata=_metadata(data, "centro", c.id, org_id, "organization", c.created_at),
                attributes=[_attribute(org_id, "stato_verifica", "verifica", c.stato_verifica, None, "organization")]
                if c.stato_verifica in set(StatoVerifica)
                else None,
                services=[service_out(data, e) if full_service else service_list_out(data, e) for e in mine],
            )
    return None


def organizations(data: HsdsData) -> list[OrganizationListOut]:
    """Enti gestori first (by id), then centres (by id): a stable order for paging."""
    return [ente_list_out(e) for e in data.enti.values()] + [
        centro_list_out(data, c, m) for c, m in data.centri.values()
    ]


# --- Services --------------------------------------------------------------------------------


def _years(months: int) -> float:
    return round(max(0, months) / 12, 2)


def _ages_stated(e: CardEntry) -> bool:
    """The whole 0–6 range (pregnancy included) means no age limit was stated: exported as absent."""
    return (e.age_min_months, e.age_max_months) != (MIN_AGE_MONTHS, MAX_AGE_MONTHS)


def _cost_stated(e: CardEntry) -> bool:
    return e.cost_free is not None or bool(e.cost_note.strip())


def _fees(e: CardEntry) -> str | None:
    if e.cost_free is True:
        return "Gratuito" + (f" ({e.cost_note.strip()})" if e.cost_note.strip() else "")
    return e.cost_note.strip() or ("A pagamento" if e.cost_free is False else None)


def _eligibility(e: CardEntry) -> str:
    start = (
        f"dal {-e.age_min_months}° mese prima della nascita" if e.age_min_months < 0 else f"da {e.age_min_months} mesi"
    )
    return f"Bambini {start} a {e.age_max_months} mesi e le loro famiglie."


def service_list_out(data: HsdsData, e: CardEntry) -> ServiceListOut:
    c, m = data.centri[e.centro_id]
    parts = [p for p in (e.summary.strip(), e.description.strip()) if p]
    return ServiceListOut(
        id=hsds_id("service", e.id),
        organization_id=hsds_id("centro", e.centro_id),
        name=e.title,
        description="\n\n".join(parts) or None,
        url=_url(e.contact_url),
        email=_email(e.contact_email),
        status="temporarily closed" if e.id in data.closed else "active",
        application_process=e.access or None,
        # Unknown stays unknown: no fee, age or eligibility unless a source or the centre stated it.
        fees_description=_fees(e),
        eligibility_description=_eligibility(e) if _ages_stated(e) else None,
        minimum_age=_years(e.age_min_months) if _ages_stated(e) else None,
        maximum_age=_years(e.age_max_months) if _ages_stated(e) else None,
        # Assured by the centre's own confirmation only; a source's mention is not an assurance.
        assured_date=e.last_reviewed_on.isoformat() if e.last_reviewed_on else None,
        # Who assures it: the centre, by its public address (never the operatrice who confirmed).
        assurer_email=_email(c.email) if e.last_reviewed_on else None,
        alert=None,
        last_modified=_last_modified(data, "card_entry", e.id, e.updated_at),
        organization=centro_list_out(data, c, m),
    )


def _language_name(code: str) -> str:
    return Locale("it").languages.get(code, code)


def service_out(data: HsdsData, e: CardEntry) -> ServiceOut:
    base = service_list_out(data, e)
    sid = base.id
    attributes = [_attribute(sid, "categoria", "aree", e.category)] if e.category in CATEGORIES else []
    attributes += [_attribute(sid, "tema", "temi", x) for x in (e.topics or []) if x in TOPICS]
    if _ages_stated(e):
        attributes.append(_attribute(sid, "eta", "eta", "eta-minima-mesi", str(e.age_min_months)))
        attributes.append(_attribute(sid, "eta", "eta", "eta-massima-mesi", str(e.age_max_months)))
    if _ages_stated(e) and e.age_min_months < 0:
        attributes.append(
            _attribute(sid, "eta", "eta", "gravidanza", f"da {-e.age_min_months} mesi prima della nascita")
        )
    cost = None
    if _cost_stated(e):
        cost = CostOptionOut(
            id=hsds_id("cost_option", e.id),
            service_id=sid,
            option=_fees(e),
            currency="EUR",
            amount=0.0 if e.cost_free is True else None,
            amount_description=e.cost_note or None,
        )
    phones = [PhoneOut(id=hsds_id("phone", f"service/{e.id}"), service_id=sid, number=e.contact_phone)]
    schedules = list(data.schedules.get(e.id, []))
    if e.schedule.strip():
        schedules.insert(0, ScheduleOut(id=hsds_id("schedule", f"text/{e.id}"), service_id=sid, description=e.schedule))
    return ServiceOut(
        **base.model_dump(exclude={"organization"}),
        organization=base.organization,
        phones=phones if e.contact_phone.strip() else None,
        schedules=schedules or None,
        service_at_locations=[service_at_location_out(data, e, with_service=False)],
        languages=[
            LanguageOut(id=hsds_id("language", f"{e.id}/{code}"), service_id=sid, code=code, name=_language_name(code))
            for code in (e.languages or [])
        ]
        or None,
        cost_options=[cost] if cost else None,
        attributes=attributes,
        metadata=_metadata(data, "card_entry", e.id, sid, "service", e.created_at) + _provenance(e, sid),
    )


def service_at_location_out(data: HsdsData, e: CardEntry, with_service: bool = True) -> ServiceAtLocationOut:
    c, m = data.centri[e.centro_id]
    return ServiceAtLocationOut(
        id=hsds_id("service_at_location", e.id),
        service_id=hsds_id("service", e.id),
        location_id=hsds_id("location", c.id),
        description=e.location or None,
        location=location_out(data, c, m),
        service=service_list_out(data, e) if with_service else None,
    )


def service_at_location_list_out(data: HsdsData, e: CardEntry) -> ServiceAtLocationListOut:
    full = service_at_location_out(data, e)
    return ServiceAtLocationListOut(
        **full.model_dump(include={"id", "service_id", "location_id", "description"}),
        location=full.location,
        service=full.service,
    )


# --- Filters ---------------------------------------------------------------------------------


def filter_entries(
    data: HsdsData,
    *,
    search: str = "",
    organization_id: str | None = None,
    taxonomy_term_id: str | None = None,
    taxonomy_id: str | None = None,
    modified_after: datetime | None = None,
) -> list[CardEntry]:
    out = []
    needle = fold(search.strip())
    if search.strip() and not needle:
        return []  # only punctuation or symbols: nothing can contain it (an empty needle would match all)
    for e in data.entries:
        c, m = data.centri[e.centro_id]
        if organization_id and organization_id not in {
            hsds_id("centro", c.id),
            hsds_id("ente_gestore", c.ente_gestore_id) if c.ente_gestore_id else "",
        }:
            continue
        if taxonomy_term_id or taxonomy_id:
            terms = {_term_id("aree", e.category)} | {_term_id("temi", x) for x in e.topics or []}
            taxes = {hsds_id("taxonomy", "aree")} | ({hsds_id("taxonomy", "temi")} if e.topics else set())
            if taxonomy_term_id and taxonomy_term_id not in terms:
                continue
            if taxonomy_id and taxonomy_id not in taxes:
                continue
        if needle and needle not in fold(" ".join((e.title, e.summary, e.description, c.nome, m.nome))):
            continue
        if modified_after is not None:
            changed = datetime.fromisoformat(_last_modified(data, "card_entry", e.id, e.updated_at))
            if changed < _aware(modified_after):
                continue
        out.append(e)
    return out


def entry_by_service_id(data: HsdsData, service_id: str, kind: str = "service") -> CardEntry | None:
    return next((e for e in data.entries if hsds_id(kind, e.id) == service_id), None)
