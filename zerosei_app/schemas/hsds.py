"""Output models of the HSDS 3.0 API (Open Referral), field names as the standard spells them.

Only the fields ZeroSei fills are declared; absent values are left out of the JSON (the HSDS
schemas type most fields as plain strings, never null), so dump with `exclude_none=True`.
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict


class _Out(BaseModel):
    model_config = ConfigDict(extra="forbid")


class MetadataOut(_Out):
    id: str
    resource_id: str | None = None
    resource_type: str | None = None
    last_action_date: str
    last_action_type: str
    field_name: str
    previous_value: str
    replacement_value: str
    updated_by: str


class TaxonomyOut(_Out):
    id: str
    name: str
    description: str
    uri: str | None = None
    version: str | None = None
    metadata: list[MetadataOut] | None = None


class TaxonomyTermOut(_Out):
    id: str
    code: str | None = None
    name: str
    description: str
    parent_id: str | None = None
    taxonomy: str | None = None
    taxonomy_detail: TaxonomyOut | None = None
    language: str | None = None
    taxonomy_id: str | None = None
    metadata: list[MetadataOut] | None = None


class AttributeOut(_Out):
    id: str
    link_id: str | None = None
    taxonomy_term_id: str | None = None
    link_type: str | None = None
    link_entity: str | None = None
    value: str | None = None
    taxonomy_term: TaxonomyTermOut | None = None


class PhoneOut(_Out):
    id: str
    location_id: str | None = None
    service_id: str | None = None
    organization_id: str | None = None
    number: str
    type: str | None = None
    description: str | None = None


class LanguageOut(_Out):
    id: str
    service_id: str | None = None
    location_id: str | None = None
    name: str | None = None
    code: str | None = None
    note: str | None = None


class CostOptionOut(_Out):
    id: str
    service_id: str | None = None
    option: str | None = None
    currency: str | None = None
    amount: float | None = None
    amount_description: str | None = None


class ScheduleOut(_Out):
    id: str
    service_id: str | None = None
    valid_from: str | None = None
    valid_to: str | None = None
    dtstart: str | None = None
    timezone: float | None = None
    until: str | None = None
    wkst: str | None = None
    freq: str | None = None
    interval: float | None = None
    byday: str | None = None
    description: str | None = None
    opens_at: str | None = None
    closes_at: str | None = None
    schedule_link: str | None = None
    attending_type: str | None = None
    notes: str | None = None


class AddressOut(_Out):
    id: str
    location_id: str | None = None
    address_1: str
    city: str
    region: str | None = None
    state_province: str
    postal_code: str
    country: str
    address_type: str


class LocationOut(_Out):
    id: str
    location_type: str
    organization_id: str | None = None
    name: str | None = None
    description: str | None = None
    latitude: float | None = None
    longitude: float | None = None
    external_identifier: str | None = None
    external_identifier_type: str | None = None
    languages: list[LanguageOut] | None = None
    addresses: list[AddressOut] | None = None
    phones: list[PhoneOut] | None = None
    attributes: list[AttributeOut] | None = None
    metadata: list[MetadataOut] | None = None


class OrganizationListOut(_Out):
    id: str
    name: str
    alternate_name: str | None = None
    description: str
    email: str | None = None
    website: str | None = None
    legal_status: str | None = None
    parent_organization_id: str | None = None


class ServiceListOut(_Out):
    id: str
    organization_id: str | None = None
    name: str
    alternate_name: str | None = None
    description: str | None = None
    url: str | None = None
    email: str | None = None
    status: str
    application_process: str | None = None
    fees_description: str | None = None
    eligibility_description: str | None = None
    minimum_age: float | None = None
    maximum_age: float | None = None
    assured_date: str | None = None
    assurer_email: str | None = None  # the centre's public address, never a person's
    alert: str | None = None
    last_modified: str | None = None
    organization: OrganizationListOut | None = None


class ServiceAtLocationOut(_Out):
    id: str
    service_id: str | None = None
    location_id: str | None = None
    description: str | None = None
    location: LocationOut | None = None
    schedules: list[ScheduleOut] | None = None
    phones: list[PhoneOut] | None = None
    metadata: list[MetadataOut] | None = None
    service: ServiceListOut | None = None


class ServiceOut(ServiceListOut):
    phones: list[PhoneOut] | None = None
    schedules: list[ScheduleOut] | None = None
    service_at_locations: list[ServiceAtLocationOut] | None = None
    languages: list[LanguageOut] | None = None
    cost_options: list[CostOptionOut] | None = None
    attributes: list[AttributeOut] | None = None
    metadata: list[MetadataOut] | None = None


class OrganizationOut(OrganizationListOut):
    phones: list[PhoneOut] | None = None
    locations: list[LocationOut] | None = None
    attributes: list[AttributeOut] | None = None
    metadata: list[MetadataOut] | None = None
    services: list[ServiceListOut | ServiceOut] | None = None


class ServiceAtLocationListOut(_Out):
    id: str
    service_id: str | None = None
    location_id: str | None = None
    description: str | None = None
    location: LocationOut | None = None
    service: ServiceListOut | None = None


class RootOut(_Out):
    version: str
    profile: str | None = None
    openapi_url: str | None = None


class PageOut(BaseModel):
    """An HSDS page (`#/components/schemas/Page` of the reference API) and its contents."""

    total_items: int
    total_pages: int
    page_number: int
    size: int
    first_page: bool
    last_page: bool
    empty: bool


class ServicePageOut(PageOut):
    contents: list[ServiceListOut | ServiceOut]


class OrganizationPageOut(PageOut):
    contents: list[OrganizationListOut | OrganizationOut]


class ServiceAtLocationPageOut(PageOut):
    contents: list[ServiceAtLocationListOut | ServiceAtLocationOut]


class TaxonomyPageOut(PageOut):
    contents: list[TaxonomyOut]


class TaxonomyTermPageOut(PageOut):
    contents: list[TaxonomyTermOut]
