"""HSDS organizations (enti gestori and centres, as list items) and locations (one per centre)."""

from __future__ import annotations

from babel import Locale

from zerosei_app.domain.catalog import PROVINCE
from zerosei_app.domain.hsds_ids import hsds_id
from zerosei_app.domain.languages import LANGUAGES
from zerosei_app.models import Centro, Comune, EnteGestore
from zerosei_app.queries.hsds import HsdsData
from zerosei_app.schemas.hsds import AddressOut, LanguageOut, LocationOut, OrganizationListOut, PhoneOut
from zerosei_app.view.hsds_common import email, url

COORDINATES_OF_COMUNE = (
    "Coordinate del comune del centro (geocodifica OpenStreetMap del comune), non dell'edificio del centro."
)

MEDIATION_NOTE = "Mediazione culturale presso il centro"
_ITALIAN_NAMES = {code: italian for code, _, italian in LANGUAGES}


def ente_list_out(e: EnteGestore) -> OrganizationListOut:
    where = f" con sede a {e.seat}" if e.seat else ""
    prov = f" ({e.sigla_provincia})" if e.sigla_provincia else ""
    return OrganizationListOut(
        id=hsds_id("ente_gestore", e.id),
        name=e.name,
        alternate_name=e.short_name or None,
        description=f"Ente gestore delle funzioni socio-assistenziali{where}{prov}, Piemonte.",
        legal_status="ente gestore delle funzioni socio-assistenziali",
    )


def centro_list_out(data: HsdsData, c: Centro, m: Comune) -> OrganizationListOut:
    cited = f" Servizi citati dalla fonte: {c.services_cited}." if c.services_cited else ""
    return OrganizationListOut(
        id=hsds_id("centro", c.id),
        name=c.name,
        description=f"Centro per le famiglie a {m.name} ({m.sigla_provincia}).{cited}",
        email=email(c.email),
        website=url(c.website),
        legal_status="Centro per le famiglie",
        parent_organization_id=hsds_id("ente_gestore", c.ente_gestore_id) if c.ente_gestore_id in data.enti else None,
    )


def _addresses(c: Centro, m: Comune, loc_id: str) -> list[AddressOut] | None:
    street = (c.address or "").strip()
    if not street or street.lower().startswith("non indicato"):
        return None
    caps = list(m.cap or [])
    return [
        AddressOut(
            id=hsds_id("address", c.id),
            location_id=loc_id,
            address_1=street,
            city=m.name,
            region="Piemonte",
            state_province=PROVINCE.get(m.sigla_provincia, m.sigla_provincia),
            # A comune with several CAPs: the street's CAP isn't known, so none is given.
            postal_code=caps[0] if len(caps) == 1 else "",
            country="IT",
            address_type="physical",
        )
    ]


def _language_name(code: str) -> str:
    """The picker's Italian name; a code outside it (from an import) by Babel's Italian names."""
    return _ITALIAN_NAMES.get(code) or Locale("it").languages.get(code, code)


def _mediation_languages(c: Centro, loc_id: str) -> list[LanguageOut] | None:
    """One language per code the centre stated for its cultural mediators; none stated: none given."""
    return [
        LanguageOut(
            id=hsds_id("language", f"location/{c.id}/{code}"),
            location_id=loc_id,
            name=_language_name(code),
            code=code,
            note=MEDIATION_NOTE,
        )
        for code in (c.mediation_languages or [])
    ] or None


def location_out(data: HsdsData, c: Centro, m: Comune) -> LocationOut:
    loc_id = hsds_id("location", c.id)
    # Centres are placed at their comune's coordinates unless staff gave the building's own.
    own = c.lat is not None and c.lon is not None and (c.lat, c.lon) != (m.lat, m.lon)
    lat, lon = (c.lat, c.lon) if own else (m.lat, m.lon)
    notes = [f"Sede di {c.name}, {m.name} ({m.sigla_provincia})."]
    if lat is not None and not own:
        notes.append(COORDINATES_OF_COMUNE)
    phones = None
    if c.phone:
        phones = [PhoneOut(id=hsds_id("phone", f"location/{c.id}"), location_id=loc_id, number=c.phone)]
    return LocationOut(
        id=loc_id,
        location_type="physical",
        organization_id=hsds_id("centro", c.id),
        name=c.name,
        description=" ".join(notes),
        latitude=lat,
        longitude=lon,
        external_identifier=m.codice_istat,
        external_identifier_type="codice ISTAT del comune",
        languages=_mediation_languages(c, loc_id),
        addresses=_addresses(c, m, loc_id),
        phones=phones,
    )
