"""The Regione's official lists as CSV: the centres, and which comuni each one serves.

Parsing only checks each cell's format; names of comuni, centres and enti gestori are
resolved against the database by queries/csv_import.py (and applied by commands/csv_import.py).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, field_validator

from .contact_formats import EmailText, PhoneText, UrlText
from .contact_rule import email_link, is_working, phone_links, site_link
from .csv_common import Column, CsvTable, read_csv
from .entry_form import split_list, to_bool
from .staff_forms import mediation_language_codes
from .staff_labels import STATO_VERIFICA_LABELS
from .text import fold
from .validation import parse
from .vocabulary import StatoVerifica

CENTRI_COLUMNS: tuple[Column, ...] = (
    Column("id", "ID", numeric=True),
    Column("name", "Nome", ("nome centro", "centro"), required=True),
    Column("comune", "Comune", ("comune sede", "codice istat"), required=True),
    Column("address", "Indirizzo"),
    Column("phone", "Telefono"),
    Column("email", "E-mail", ("mail",)),
    Column("website", "Sito web", ("url",)),
    Column("hours", "Orari"),
    Column("ente_gestore", "Ente gestore", ("ente",)),
    Column("stato_verifica", "Stato verifica", ("verifica",)),
    Column("active", "Attivo", ("aperto",)),
    # Optional: a file without it leaves each centre's stated languages as they are.
    Column("mediation_languages", "Lingue mediazione", ("lingue mediazione culturale", "mediazione culturale")),
)
_LANGUAGES_HINT = "scrivi codici di 2 lettere (ISO 639-1) separati da virgole, per esempio «ar, ro»"

COPERTURA_COLUMNS: tuple[Column, ...] = (
    Column("centro", "Centro", ("id centro", "centro id", "nome centro"), required=True),
    Column("comune", "Comune servito", ("comune", "codice istat", "istat"), required=True),
)

_STATUS_WORDS = {fold(k): k for k in STATO_VERIFICA_LABELS} | {fold(v): k for k, v in STATO_VERIFICA_LABELS.items()}
_HEADERS_C = {c.key: c.header for c in CENTRI_COLUMNS}
_HEADERS_K = {c.key: c.header for c in COPERTURA_COLUMNS}


class CentroRowInput(BaseModel):
    model_config = ConfigDict(str_strip_whitespace=True, extra="ignore")

    id: int | None = Field(None, gt=0)
    name: str = Field(min_length=3, max_length=250)
    comune: str = Field(min_length=1, max_length=120)
    address: str = Field("", max_length=300)
    phone: PhoneText = Field("", max_length=80)
    email: EmailText = Field("", max_length=254)
    website: UrlText = Field("", max_length=500)
    hours: str = Field("", max_length=500)
    ente_gestore: str = Field("", max_length=250)
    stato_verifica: str = StatoVerifica.VERIFICATO  # an official list is a verified source
    active: bool = True
    # The cultural mediators' languages; None: the file has no such column (the stored ones stay).
    mediation_languages: list[str] | None = None

    @field_validator("id", mode="before")
    @classmethod
    def _id(cls, v: Any) -> Any:
        return None if v in ("", None) else v

    # Parents get these as tap-to-call, write and open links: what passes must become a working one.
    @field_validator("phone")
    @classmethod
    def _phone_link(cls, v: str) -> str:
        links = phone_links(v) if v else []
        if v and (not links or not all(is_working(x.href) for x in links)):
            raise ValueError(f"«{v[:40]}» non diventa un numero da chiamare: scrivi solo numeri, come 011 1234567.")
        return v

    @field_validator("email")
    @classmethod
    def _email_link(cls, v: str) -> str:
        link = email_link(v) if v else None
        if v and (link is None or link.label != v or not is_working(link.href)):
            raise ValueError("Indirizzo e-mail non valido: controlla che sia come nome@esempio.it.")
        return v

    @field_validator("website")
    @classmethod
    def _site_link(cls, v: str) -> str:
        link = site_link(v) if v else None
        if v and (link is None or not is_working(link.href)):
            raise ValueError("Indirizzo web non valido: scrivilo come www.esempio.it o https://www.esempio.it/pagina.")
        return v

    @field_validator("stato_verifica", mode="before")
    @classmethod
    def _status(cls, v: Any) -> str:
        text = str(v or "").strip()
        if not text:
            return StatoVerifica.VERIFICATO
        status = _STATUS_WORDS.get(fold(text))
        if status is None:
            raise ValueError("Stato di verifica: verificato, parziale, solo_nome o incerto.")
        return status

    @field_validator("active", mode="before")
    @classmethod
    def _active(cls, v: Any) -> bool:
        return True if v in ("", None) else to_bool(v)

    @field_validator("mediation_languages", mode="before")
    @classmethod
    def _languages(cls, v: Any) -> list[str]:
        return mediation_language_codes(split_list(v), _LANGUAGES_HINT)  # an empty cell: none stated


class CoperturaRowInput(BaseModel):
    model_config = ConfigDict(str_strip_whitespace=True, extra="ignore")

    centro: str = Field(min_length=1, max_length=250)
    comune: str = Field(min_length=1, max_length=120)


@dataclass
class ParsedRow:
    line: int
    value: BaseModel | None
    errors: dict[str, str] = field(default_factory=dict)


@dataclass
class ParsedFile:
    table: CsvTable
    rows: list[ParsedRow]

    @property
    def ok(self) -> bool:
        return not self.table.errors and all(r.value is not None and not r.errors for r in self.rows)


def _parse(data: bytes | str, columns, model, headers: Mapping[str, str]) -> ParsedFile:
    table = read_csv(data, columns)
    rows = []
    if not table.errors:
        for r in table.rows:
            value, errors = parse(model, {k: v for k, v in r.values.items() if not k.startswith("__")})
            named = {headers.get(k, k): m for k, m in errors.items()}
            if "__extra__" in r.values:
                named[""] = r.values["__extra__"]
            rows.append(ParsedRow(r.line, value, named))
    return ParsedFile(table, rows)


def parse_centri_csv(data: bytes | str) -> ParsedFile:
    return _parse(data, CENTRI_COLUMNS, CentroRowInput, _HEADERS_C)


def parse_copertura_csv(data: bytes | str) -> ParsedFile:
    return _parse(data, COPERTURA_COLUMNS, CoperturaRowInput, _HEADERS_K)
