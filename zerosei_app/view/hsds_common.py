"""Building blocks of the HSDS records: metadata (who changed what, where values come from),
attributes (taxonomy terms), last-modified stamps, and the checks on addresses."""

from __future__ import annotations

import json
from datetime import UTC, datetime

from zerosei_app.domain.hsds_ids import hsds_id
from zerosei_app.models import CardEntry
from zerosei_app.queries.hsds import HsdsData, aware, modified_at
from zerosei_app.schemas.hsds import AttributeOut, MetadataOut
from zerosei_app.view.hsds_taxonomies import term

SEED_SOURCE = "ZeroSei digitale: caricamento iniziale da fonti pubbliche; vedi il campo fonte"
_ROLE_LABEL = {"operatore": "operatore del centro (area operatori ZeroSei)", "regione": "Regione Piemonte"}
# A change's `field_name` and values name the columns as HSDS readers have always read them (the columns got
# English names in revisions 0010-0011, and so did the audit's keys; the published names stay). It is also the
# list of what may be published: a column not named here (a centre's staff-only notes, the research key, an
# ente's contact notes) never leaves the audit log, even when the Regione changed it.
_PUBLISHED_FIELDS: dict[str, dict[str, str]] = {
    "centro": {
        "name": "nome",
        "slug": "slug",
        "codice_istat": "codice_istat",
        "address": "indirizzo",
        "phone": "telefono",
        "email": "email",
        "website": "sito",
        "hours": "orari",
        "hours_as_of": "orari_data",
        "mediation_languages": "lingue_mediazione",
        "ente_gestore_id": "ente_gestore_id",
        "ente_as_cited": "ente_nella_fonte",
        "services_cited": "servizi_citati",
        "source_url": "fonte_url",
        "source_date": "data_fonte",
        "stato_verifica": "stato_verifica",
        "verification_note": "nota_verifica",
        "lat": "lat",
        "lon": "lon",
        "is_active": "is_active",
        "version": "version",
    },
    "ente_gestore": {
        "name": "nome",
        "short_name": "sigla",
        "seat": "sede",
        "sigla_provincia": "sigla_provincia",
        "source_url": "fonte_url",
        "source_date": "data_fonte",
        "website": "sito",
        "email": "email",
        "pec": "pec",
        "phone": "telefono",
        "office_address": "indirizzo_sede",
        "codice_ipa": "codice_ipa",
        "contacts_source": "contatti_fonte",
        "contacts_source_date": "contatti_data_fonte",
    },
}


def _published(entity: str, values: dict | None) -> dict:
    names = _PUBLISHED_FIELDS.get(entity)
    if names is None:  # a voce: every column of a published entry is public
        return dict(values or {})
    return {names[k]: v for k, v in (values or {}).items() if k in names}


def _seed_metadata(
    entity: str, key: int, resource_id: str, resource_type: str, created: datetime | None
) -> MetadataOut:
    """A record no one has changed since the initial load."""
    when = aware(created) if created else None
    return MetadataOut(
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


def metadata(
    data: HsdsData, entity: str, key: int, resource_id: str, resource_type: str, created: datetime | None
) -> list[MetadataOut]:
    change = data.changes.get((entity, key))
    if change is None:
        return [_seed_metadata(entity, key, resource_id, resource_type, created)]
    before, after = _published(entity, change.before), _published(entity, change.after)
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


def provenance(e: CardEntry, sid: str) -> list[MetadataOut]:
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


def last_modified(data: HsdsData, entity: str, key: int, fallback: datetime) -> str:
    when = modified_at(data, entity, key, fallback)
    return when.astimezone(UTC).isoformat(timespec="seconds").replace("+00:00", "Z")


def url(value: str | None) -> str | None:
    value = (value or "").strip()
    return value if value.startswith(("http://", "https://")) and " " not in value else None


def email(value: str | None) -> str | None:
    value = (value or "").strip()
    return value if "@" in value and " " not in value else None


def attribute(
    link_id: str, link_type: str, taxonomy: str, code: str, value: str | None = None, entity: str = "service"
) -> AttributeOut:
    found = term(taxonomy, code)
    return AttributeOut(
        id=hsds_id("attribute", f"{link_id}/{taxonomy}/{code}"),
        link_id=link_id,
        link_type=link_type,
        link_entity=entity,
        taxonomy_term_id=found.id,
        value=value,
        taxonomy_term=found,
    )
