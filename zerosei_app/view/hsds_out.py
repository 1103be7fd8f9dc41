"""The directory in Open Referral HSDS 3.0 terms: services, services at locations and whole
organizations, built from queries/hsds.py's data (the words are Italian, as the directory's).

Unknown stays unknown: no fee, age or eligibility unless a source or the centre stated it.
"""

from __future__ import annotations

from babel import Locale

from zerosei_app.domain.catalog import CATEGORIES, MAX_AGE_MONTHS, MIN_AGE_MONTHS, TOPICS
from zerosei_app.domain.hsds_ids import hsds_id
from zerosei_app.domain.text import fold
from zerosei_app.domain.vocabulary import StatoVerifica
from zerosei_app.models import CardEntry, Centro, Comune, EnteGestore
from zerosei_app.queries.hsds import HsdsData
from zerosei_app.schemas.hsds import (
    AttributeOut,
    CostOptionOut,
    LanguageOut,
    OrganizationListOut,
    OrganizationOut,
    PhoneOut,
    ServiceAtLocationListOut,
    ServiceAtLocationOut,
    ServiceListOut,
    ServiceOut,
)
from zerosei_app.view.hsds_common import attribute, email, last_modified, metadata, provenance, url
from zerosei_app.view.hsds_places import centro_list_out, ente_list_out, location_out
from zerosei_app.view.hsds_schedules import entry_schedules
from zerosei_app.view.wording import age_in_years, hsds_eligibility_text, hsds_pregnancy_text

HSDS_VERSION = "3.0"


def _ages_stated(e: CardEntry) -> bool:
    """The whole 0–6 range (pregnancy included) means no age limit was stated: exported as absent."""
    return (e.age_min_months, e.age_max_months) != (MIN_AGE_MONTHS, MAX_AGE_MONTHS)


def _cost_stated(e: CardEntry) -> bool:
    return e.cost_free is not None or bool(e.cost_note.strip())


def _fees(e: CardEntry) -> str | None:
    if e.cost_free is True:
        return "Gratuito" + (f" ({e.cost_note.strip()})" if e.cost_note.strip() else "")
    return e.cost_note.strip() or ("A pagamento" if e.cost_free is False else None)


def service_list_out(data: HsdsData, e: CardEntry) -> ServiceListOut:
    c, m = data.centri[e.centro_id]
    parts = [p for p in (e.summary.strip(), e.description.strip()) if p]
    ages = _ages_stated(e)
    return ServiceListOut(
        id=hsds_id("service", e.id),
        organization_id=hsds_id("centro", e.centro_id),
        name=e.title,
        description="\n\n".join(parts) or None,
        url=url(e.contact_url),
        email=email(e.contact_email),
        status="temporarily closed" if e.id in data.closed else "active",
        application_process=e.access or None,
        fees_description=_fees(e),
        eligibility_description=hsds_eligibility_text(e.age_min_months, e.age_max_months) if ages else None,
        minimum_age=age_in_years(e.age_min_months) if ages else None,
        maximum_age=age_in_years(e.age_max_months) if ages else None,
        # Assured by the centre's own confirmation only; a source's mention is not an assurance.
        assured_date=e.last_reviewed_on.isoformat() if e.last_reviewed_on else None,
        # Who assures it: the centre, by its public address (never the operatrice who confirmed).
        assurer_email=email(c.email) if e.last_reviewed_on else None,
        alert=None,
        last_modified=last_modified(data, "card_entry", e.id, e.updated_at),
        organization=centro_list_out(data, c, m),
    )


def _language_name(code: str) -> str:
    return Locale("it").languages.get(code, code)


def _service_attributes(e: CardEntry, sid: str) -> list[AttributeOut]:
    attributes = [attribute(sid, "categoria", "aree", e.category)] if e.category in CATEGORIES else []
    attributes += [attribute(sid, "tema", "temi", x) for x in (e.topics or []) if x in TOPICS]
    if _ages_stated(e):
        attributes.append(attribute(sid, "eta", "eta", "eta-minima-mesi", str(e.age_min_months)))
        attributes.append(attribute(sid, "eta", "eta", "eta-massima-mesi", str(e.age_max_months)))
    if _ages_stated(e) and e.age_min_months < 0:
        attributes.append(attribute(sid, "eta", "eta", "gravidanza", hsds_pregnancy_text(e.age_min_months)))
    return attributes


def _cost_option(e: CardEntry, sid: str) -> CostOptionOut | None:
    if not _cost_stated(e):
        return None
    return CostOptionOut(
        id=hsds_id("cost_option", e.id),
        service_id=sid,
        option=_fees(e),
        currency="EUR",
        amount=0.0 if e.cost_free is True else None,
        amount_description=e.cost_note or None,
    )


def _languages(e: CardEntry, sid: str) -> list[LanguageOut] | None:
    return [
        LanguageOut(id=hsds_id("language", f"{e.id}/{code}"), service_id=sid, code=code, name=_language_name(code))
        for code in (e.languages or [])
    ] or None


def service_out(data: HsdsData, e: CardEntry, base_url: str = "") -> ServiceOut:
    """The whole service; `base_url`: the public site, for the links to its sessions' .ics."""
    base = service_list_out(data, e)
    sid = base.id
    phones = [PhoneOut(id=hsds_id("phone", f"service/{e.id}"), service_id=sid, number=e.contact_phone)]
    cost = _cost_option(e, sid)
    return ServiceOut(
        **base.model_dump(exclude={"organization"}),
        organization=base.organization,
        phones=phones if e.contact_phone.strip() else None,
        schedules=entry_schedules(e, data.schedules.get(e.id, []), base_url) or None,
        service_at_locations=[service_at_location_out(data, e, with_service=False)],
        languages=_languages(e, sid),
        cost_options=[cost] if cost else None,
        attributes=_service_attributes(e, sid),
        metadata=metadata(data, "card_entry", e.id, sid, "service", e.created_at) + provenance(e, sid),
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


# --- Organizations ---------------------------------------------------------------------------


def _ente_out(data: HsdsData, e: EnteGestore, org_id: str) -> OrganizationOut:
    return OrganizationOut(
        **ente_list_out(e).model_dump(),
        metadata=metadata(data, "ente_gestore", e.id, org_id, "organization", None),
        services=[],
    )


def _centro_out(
    data: HsdsData, c: Centro, m: Comune, org_id: str, full_service: bool, base_url: str
) -> OrganizationOut:
    phones = None
    if c.phone:
        phones = [PhoneOut(id=hsds_id("phone", f"centro/{c.id}"), organization_id=org_id, number=c.phone)]
    mine = [e for e in data.entries if e.centro_id == c.id]
    verified = c.stato_verifica in set(StatoVerifica)
    return OrganizationOut(
        **centro_list_out(data, c, m).model_dump(),
        phones=phones,
        locations=[location_out(data, c, m)],
        metadata=metadata(data, "centro", c.id, org_id, "organization", c.created_at),
        attributes=[attribute(org_id, "stato_verifica", "verifica", c.stato_verifica, None, "organization")]
        if verified
        else None,
        services=[service_out(data, e, base_url) if full_service else service_list_out(data, e) for e in mine],
    )


def organization_out(
    data: HsdsData, org_id: str, full_service: bool = False, base_url: str = ""
) -> OrganizationOut | None:
    for e in data.enti.values():
        if hsds_id("ente_gestore", e.id) == org_id:
            return _ente_out(data, e, org_id)
    for c, m in data.centri.values():
        if hsds_id("centro", c.id) == org_id:
            return _centro_out(data, c, m, org_id, full_service, base_url)
    return None


def organizations(data: HsdsData) -> list[OrganizationListOut]:
    """Enti gestori first (by id), then centres (by id): a stable order for paging."""
    return [ente_list_out(e) for e in data.enti.values()] + [
        centro_list_out(data, c, m) for c, m in data.centri.values()
    ]


def organizations_matching(items: list[OrganizationListOut], search: str) -> list[OrganizationListOut]:
    """The organizations whose name, short name or description contains `search` (accents and case folded)."""
    if not search.strip():
        return items
    needle = fold(search.strip())
    return [o for o in items if needle in fold(f"{o.name} {o.alternate_name or ''} {o.description}")]
