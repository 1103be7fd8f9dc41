"""A card entry as staff write it: one pydantic model for the editor form and for CSV rows.

Length limits match the `card_entry` table; cross-field rules (age range, where, cost)
are field validators so each message lands beside the field it is about.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationInfo, field_validator

from . import languages
from .catalog import CATEGORIES, MAX_AGE_MONTHS, MIN_AGE_MONTHS, TOPICS
from .contact_formats import EmailText, PhoneText, UrlText
from .istat import MESSAGE as ISTAT_MESSAGE
from .istat import is_codice_istat
from .staff_labels import category_from_text, topic_from_text
from .validation import parse

TRUE_WORDS = frozenset({"si", "sì", "s", "yes", "y", "true", "1", "x", "on", "vero"})
FALSE_WORDS = frozenset({"no", "n", "false", "0", "", "off", "falso"})
_LANG = re.compile(r"^[a-z]{2,3}$")

# Editor field order (also the order of the CSV columns after `id`).
FIELDS: tuple[str, ...] = (
    "title",
    "summary",
    "description",
    "category",
    "topics",
    "age_min_months",
    "age_max_months",
    "provider",
    "online",
    "location",
    "location_comune",
    "schedule",
    "cost_free",
    "cost_note",
    "access",
    "contact_phone",
    "contact_email",
    "contact_url",
    "languages",
)

LABELS: dict[str, str] = {
    "title": "Titolo",
    "summary": "In breve",
    "description": "Descrizione",
    "category": "Area",
    "topics": "Temi",
    "age_min_months": "Età da",
    "age_max_months": "Età fino a",
    "provider": "Chi lo offre",
    "online": "Online",
    "location": "Dove",
    "location_comune": "Comune del luogo",
    "schedule": "Quando",
    "cost_free": "Gratuito",
    "cost_note": "Costo",
    "access": "Come accedere",
    "contact_phone": "Telefono",
    "contact_email": "E-mail",
    "contact_url": "Sito web",
    "languages": "Lingue",
}


def to_bool(value: Any) -> bool:
    if isinstance(value, bool):
        return value
    if value is None:
        return False
    text = str(value).strip().casefold()
    if text in TRUE_WORDS:
        return True
    if text in FALSE_WORDS:
        return False
    raise ValueError("Rispondi sì o no.")


def split_list(value: Any) -> list[str]:
    if value is None:
        return []
    if isinstance(value, (list, tuple)):
        return [str(v).strip() for v in value if str(v).strip()]
    return [p.strip() for p in re.split(r"[,;|\n]", str(value)) if p.strip()]


class EntryInput(BaseModel):
    model_config = ConfigDict(str_strip_whitespace=True, extra="ignore")

    title: str = Field(min_length=3, max_length=150)
    summary: str = Field(min_length=1, max_length=300)
    description: str = Field("", max_length=4000)
    category: str
    topics: list[str] = Field(default_factory=list)
    age_min_months: int = Field(ge=MIN_AGE_MONTHS, le=MAX_AGE_MONTHS)
    age_max_months: int = Field(ge=MIN_AGE_MONTHS, le=MAX_AGE_MONTHS)
    provider: str = Field("", max_length=200)
    online: bool = False
    location: str = Field("", max_length=300)
    location_comune: str | None = None
    schedule: str = Field("", max_length=300)
    cost_free: bool | None = None  # None: not stated (never shown as free)
    cost_note: str = Field("", max_length=300)
    access: str = Field("", max_length=500)
    contact_phone: PhoneText = Field("", max_length=80)
    contact_email: EmailText = Field("", max_length=254)
    contact_url: UrlText = Field("", max_length=500)
    languages: list[str] = Field(default_factory=list)  # empty: not stated

    @field_validator("category", mode="before")
    @classmethod
    def _category(cls, v: Any) -> str:
        text = str(v or "").strip()
        if not text:
            raise ValueError("Scegli l'area del servizio.")
        slug = category_from_text(text)
        if slug is None:
            raise ValueError(f"Area «{text[:40]}» sconosciuta.")
        return slug

    @field_validator("topics", mode="before")
    @classmethod
    def _topics(cls, v: Any) -> list[str]:
        out: list[str] = []
        for item in split_list(v):
            slug = topic_from_text(item)
            if slug is None:
                raise ValueError(f"Tema «{item[:40]}» sconosciuto.")
            if slug not in out:
                out.append(slug)
        return sorted(out, key=TOPICS.index)

    @field_validator("age_max_months")
    @classmethod
    def _age_order(cls, v: int, info: ValidationInfo) -> int:
        low = info.data.get("age_min_months")
        if low is not None and v < low:
            raise ValueError("L'età finale deve essere uguale o successiva all'età iniziale.")
        return v

    @field_validator("online", mode="before")
    @classmethod
    def _bool(cls, v: Any) -> bool:
        return to_bool(v)

    @field_validator("cost_free", mode="before")
    @classmethod
    def _maybe_bool(cls, v: Any) -> bool | None:
        if v is None or str(v).strip() == "":
            return None  # "Non indicato"
        return to_bool(v)

    @field_validator("location")
    @classmethod
    def _where(cls, v: str, info: ValidationInfo) -> str:
        if not v and not info.data.get("online"):
            raise ValueError("Indica dove si svolge, oppure segna che è online.")
        return v

    @field_validator("location_comune", mode="before")
    @classmethod
    def _comune(cls, v: Any) -> str | None:
        text = str(v or "").strip()
        if not text:
            return None
        if not is_codice_istat(text):
            raise ValueError(ISTAT_MESSAGE)
        return text

    @field_validator("cost_note")
    @classmethod
    def _cost(cls, v: str, info: ValidationInfo) -> str:
        if not v and info.data.get("cost_free") is False:
            raise ValueError("Se il servizio non è gratuito, indica il costo.")
        return v

    @field_validator("languages", mode="before")
    @classmethod
    def _languages(cls, v: Any) -> list[str]:
        items = [x.casefold() for x in split_list(v)]
        for code in items:
            if not _LANG.match(code):
                raise ValueError(
                    f"Lingua «{code[:20]}» non riconosciuta: scegli le lingue dall'elenco; in «Altre lingue» "
                    "scrivi codici di 2 lettere separati da virgole (per esempio «it, en, fr»)."
                )
        if len(items) > 12:
            raise ValueError("Al massimo 12 lingue.")
        return list(dict.fromkeys(items))

    def as_values(self) -> dict[str, Any]:
        """Values for the `card_entry` columns."""
        return self.model_dump()


def same_content(stored: Mapping[str, Any], new: Mapping[str, Any]) -> bool:
    """Equal for a reader: the order of the topics is not a change (seeded rows keep their own order)."""
    for key, value in new.items():
        old = stored.get(key)
        if key == "topics":
            if sorted(old or []) != sorted(value or []):
                return False
        elif old != value:
            return False
    return True


def form_to_raw(form: Mapping[str, Any]) -> dict[str, Any]:
    """The editor posts strings; checkboxes are present ("on") or absent, topics are `tema__<slug>`."""
    raw: dict[str, Any] = {name: form.get(name, "") for name in FIELDS if name not in ("topics", "online", "cost_free")}
    raw["online"] = "on" if form.get("online") else "off"
    # "Gratuito" is a radio: sì / no / non indicato (empty), so that neither is assumed.
    raw["cost_free"] = form.get("cost_free", "")
    raw["topics"] = [slug for slug in TOPICS if form.get(f"tema__{slug}")]
    picked = languages.from_form(form)  # the editor's picker of names; else `languages` as codes
    if picked is not None:
        raw["languages"] = picked  # nothing ticked: not stated (never assumed Italian)
    return raw


# The editor's "Confermata dal centro" checkbox: not a content field, it clears «Esempio» and marks the entry verified.
CONFIRM_FIELD = "confermata"


def confirmed_by_centre(form: Any) -> bool:
    """True when the editor's "Confermata dal centro" box was ticked (any unreadable value counts as no)."""
    if not isinstance(form, Mapping):
        return False
    try:
        return to_bool(form.get(CONFIRM_FIELD))
    except ValueError:
        return False


def confirmation_values(today: Any) -> dict[str, Any]:
    """What "Confermata dal centro" changes on the entry besides its text."""
    return {"last_reviewed_on": today, "is_example": False}


def validate_form(form: Mapping[str, Any]) -> tuple[EntryInput | None, dict[str, str]]:
    if not isinstance(form, Mapping):
        return None, {"": "Modulo non valido."}
    return parse(EntryInput, form_to_raw(form))


def entry_to_form(values: Mapping[str, Any]) -> dict[str, str]:
    """Stored values → the strings the editor's inputs start from."""
    out: dict[str, str] = {}
    for name in FIELDS:
        v = values.get(name)
        if name in ("topics", "languages"):
            out[name] = ", ".join(v or [])
        elif name in ("online",):
            out[name] = "on" if v else ""
        elif name == "cost_free":
            out[name] = "" if v is None else ("si" if v else "no")
        elif v is None:
            out[name] = ""
        else:
            out[name] = str(v)
    for slug in TOPICS:
        out[f"tema__{slug}"] = "on" if slug in (values.get("topics") or []) else ""
    out.update(languages.to_form(values.get("languages") or []))
    out[CONFIRM_FIELD] = ""  # unticked each time the form is filled: a confirmation is a deliberate act
    return out


__all__ = [
    "CATEGORIES",
    "CONFIRM_FIELD",
    "EntryInput",
    "FIELDS",
    "LABELS",
    "confirmation_values",
    "confirmed_by_centre",
    "entry_to_form",
    "form_to_raw",
    "validate_form",
]
