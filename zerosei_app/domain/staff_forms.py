"""Every other input the staff screens accept (forms, event arguments, URL filters), as pydantic models."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from . import languages
from .catalog import CATEGORIES, TOPICS
from .contact_formats import EmailText, PhoneText, UrlText, clean_email
from .istat import CodiceIstat, is_codice_istat
from .language import is_language_code
from .permissions import ROLES
from .staff_labels import STATO_VERIFICA_LABELS
from .templates import TEMPLATES
from .vocabulary import ReportStatus, Role, StatoVerifica

_STRIP = ConfigDict(str_strip_whitespace=True, extra="ignore")


class Id(BaseModel):
    """A database id sent by the browser (only ever a lookup key: permissions are checked on the row)."""

    model_config = _STRIP
    id: int = Field(gt=0, lt=2**31)


class TemplateRef(BaseModel):
    """Which modello a new draft starts from (`modello=` in the new-entry address, or the picker's value: the
    alias keeps that key), by its index in TEMPLATES."""

    model_config = _STRIP
    index: int = Field(ge=0, lt=len(TEMPLATES), alias="modello")


class LoginInput(BaseModel):
    model_config = _STRIP
    email: str = Field(min_length=3, max_length=254)
    password: str = Field(min_length=1, max_length=1000)

    @field_validator("email")
    @classmethod
    def _fold(cls, v: str) -> str:
        return v.casefold()


class NewPasswordInput(BaseModel):
    model_config = ConfigDict(extra="ignore")  # passwords are not stripped: spaces count
    password: str = Field(min_length=1, max_length=1000)
    password2: str = Field(max_length=1000)

    @field_validator("password2")
    @classmethod
    def _same(cls, v: str, info) -> str:
        if info.data.get("password") is not None and v != info.data["password"]:
            raise ValueError("Le due password non coincidono.")
        return v


class PasswordChangeInput(NewPasswordInput):
    current: str = Field(min_length=1, max_length=1000)


class EmailInput(BaseModel):
    model_config = _STRIP
    email: str = Field(min_length=3, max_length=254)

    @field_validator("email")
    @classmethod
    def _email(cls, v: str) -> str:
        return clean_email(v).casefold()


class InviteInput(EmailInput):
    name: str = Field(min_length=2, max_length=150)
    role: str = Role.OPERATORE
    centri: list[int] = Field(default_factory=list)

    @field_validator("role")
    @classmethod
    def _role(cls, v: str) -> str:
        if v not in ROLES:
            raise ValueError("Ruolo non valido.")
        return v

    @field_validator("centri")
    @classmethod
    def _centri(cls, v: list[int], info) -> list[int]:
        if info.data.get("role") == Role.OPERATORE and not v:
            raise ValueError("Scegli almeno un centro per un operatore.")
        return sorted(set(v))


def checked_ids(form: dict[str, Any], prefix: str) -> list[int]:
    """Checkbox groups are posted as `<prefix><id>=on`."""
    out = []
    for key, value in form.items():
        if isinstance(key, str) and key.startswith(prefix) and value and key[len(prefix) :].isdigit():
            out.append(int(key[len(prefix) :]))
    return out


MAX_MEDIATION_LANGUAGES = 12
_FORM_HINT = (
    "scegli le lingue dall'elenco; in «Altre lingue» scrivi codici di 2 lettere separati da virgole "
    "(per esempio «ta, si»). Non salvata"
)


def mediation_language_codes(items: list[Any], hint: str = _FORM_HINT) -> list[str]:
    """The mediators' languages as stored (the staff form and the centres' CSV alike): ISO 639-1 codes,
    at most MAX_MEDIATION_LANGUAGES, each once; `hint` says how to write them where they were typed."""
    codes = [str(x).strip().casefold() for x in items]
    for code in codes:
        if not is_language_code(code):
            raise ValueError(f"Lingua «{code[:20]}» non riconosciuta: {hint}.")
    if len(codes) > MAX_MEDIATION_LANGUAGES:
        raise ValueError(f"Al massimo {MAX_MEDIATION_LANGUAGES} lingue.")
    return list(dict.fromkeys(codes))


class CentroProfileInput(BaseModel):
    """What a centre's own staff keep current."""

    model_config = _STRIP
    address: str = Field("", max_length=300)
    hours: str = Field("", max_length=500)
    phone: PhoneText = Field("", max_length=80)
    email: EmailText = Field("", max_length=254)
    website: UrlText = Field("", max_length=500)
    # The languages of the centre's cultural mediators (ISO 639-1); None: the form had no picker, keep them.
    mediation_languages: list[str] | None = None

    @field_validator("mediation_languages", mode="before")
    @classmethod
    def _languages(cls, v: Any) -> Any:
        if v is None:
            return None
        return mediation_language_codes(list(v) if isinstance(v, list | tuple) else [v])


def centro_form_to_raw(form: Mapping[str, Any]) -> dict[str, Any]:
    """The centre form's posted strings, with the mediators' languages picker read as one list."""
    raw = {k: v for k, v in form.items() if not str(k).startswith(languages.MEDIATION_PREFIX)}
    raw.pop(languages.MEDIATION_OTHER_FIELD, None)
    picked = languages.from_form(form, languages.MEDIATION_PREFIX, languages.MEDIATION_OTHER_FIELD)
    if picked is not None:
        raw["mediation_languages"] = picked  # nothing ticked: not stated
    return raw


class CentroAdminInput(CentroProfileInput):
    """What only the Regione changes: name, comune, ente gestore, verification."""

    name: str = Field(min_length=3, max_length=250)
    codice_istat: str
    ente_gestore_id: int | None = None
    stato_verifica: str = StatoVerifica.VERIFICATO
    internal_notes: str = Field("", max_length=4000)  # staff only: research notes, sources, doubts

    @field_validator("codice_istat")
    @classmethod
    def _istat(cls, v: str) -> str:
        if not is_codice_istat(v):
            raise ValueError("Scegli il comune dall'elenco.")
        return v

    @field_validator("ente_gestore_id", mode="before")
    @classmethod
    def _ente(cls, v: Any) -> Any:
        return None if v in ("", None, "0") else v

    @field_validator("stato_verifica")
    @classmethod
    def _status(cls, v: str) -> str:
        if v not in STATO_VERIFICA_LABELS:
            raise ValueError("Stato di verifica non valido.")
        return v


SORTS = ("titolo", "modificate", "verifica", "eta")
SORT_LABELS = {
    "titolo": "Titolo (A-Z)",
    "modificate": "Modificate di recente",
    "verifica": "Da più tempo senza verifica",
    "eta": "Età (dalla gravidanza)",
}


class EntryListQuery(BaseModel):
    """Filters of the entries list, read from the URL (unknown values fall back to "all").

    The URL keys stay Italian (`stato`, `verifica`, `tema`, `ordine`: bookmarked links): each field's alias is its
    key, the one place they are mapped; `to_params` writes them back.
    """

    model_config = _STRIP
    centro: int = Field(gt=0, lt=2**31)
    q: str = Field("", max_length=100)
    status: Literal["", "draft", "published", "archived", "attive"] = Field("attive", alias="stato")
    area: str = ""
    topic: str = Field("", alias="tema")
    verification: Literal["", "da_verificare"] = Field("", alias="verifica")
    order: str = Field("titolo", alias="ordine")

    @field_validator("status", mode="before")
    @classmethod
    def _status(cls, v: Any) -> Any:
        if v == "tutte":
            return ""
        return v if v in ("", "draft", "published", "archived", "attive") else "attive"

    @field_validator("verification", mode="before")
    @classmethod
    def _verification(cls, v: Any) -> Any:
        return v if v == "da_verificare" else ""

    @field_validator("area")
    @classmethod
    def _area(cls, v: str) -> str:
        return v if v in CATEGORIES else ""

    @field_validator("topic")
    @classmethod
    def _topic(cls, v: str) -> str:
        return v if v in TOPICS else ""

    @field_validator("order")
    @classmethod
    def _order(cls, v: str) -> str:
        return v if v in SORTS else "titolo"

    def to_params(self) -> dict[str, str]:
        """The URL query of these filters, under the URL keys (the fields' aliases)."""
        values = self.model_dump(by_alias=True)
        out = {"centro": str(self.centro)}
        for key in ("q", "area", "tema", "verifica"):
            if values[key]:
                out[key] = values[key]
        if self.status != "attive":
            out["stato"] = self.status or "tutte"
        if self.order != "titolo":
            out["ordine"] = self.order
        return out


class ReportStatusInput(BaseModel):
    model_config = _STRIP
    id: int = Field(gt=0, lt=2**31)
    status: ReportStatus


class ComuneCode(BaseModel):
    model_config = _STRIP
    codice_istat: CodiceIstat


class SearchText(BaseModel):
    model_config = _STRIP
    q: str = Field("", max_length=100)
