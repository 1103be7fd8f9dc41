"""The official contacts of a comune or an ente gestore, as the Regione corrects them (messages in Italian)."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

from .contact_formats import EmailText, PhoneText, UrlText


class ContactsInput(BaseModel):
    model_config = ConfigDict(str_strip_whitespace=True, extra="ignore")

    website: UrlText = Field("", max_length=500)
    email: EmailText = Field("", max_length=254)
    pec: EmailText = Field("", max_length=254)
    phone: PhoneText = Field("", max_length=80)
    contacts_notes: str = Field("", max_length=1000)  # staff only


CONTACTS_FIELDS = tuple(ContactsInput.model_fields)
