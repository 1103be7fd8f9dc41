"""Which ente gestore serves each comune, as the Regione sets it by CSV: the template, the export of the
current list and the reading of a filled-in file. Only formats are checked here; comuni and enti are
resolved against the database by queries/comune_ente.py (and set by commands/comune_ente.py).

Columns: `Codice ISTAT` (required; a spreadsheet's dropped leading zeros come back), `Comune` (for
people, ignored), `Ente gestore` (its name as listed, or its ID in `ID ente`).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from .csv_common import Column, CsvTable, read_csv, write_csv
from .istat import is_codice_istat, restore_zeros
from .validation import parse

COLUMNS: tuple[Column, ...] = (
    Column("codice_istat", "Codice ISTAT", ("istat", "codice comune", "codice"), required=True),
    Column("comune", "Comune", ("nome comune",)),
    Column("provincia", "Provincia", ("sigla",)),
    Column("ente_id", "ID ente", ("id ente gestore",), numeric=True),
    Column("ente", "Ente gestore", ("ente", "nome ente")),
)
_HEADERS = {c.key: c.header for c in COLUMNS}


class EnteRowInput(BaseModel):
    model_config = ConfigDict(str_strip_whitespace=True, extra="ignore")

    codice_istat: str = Field(min_length=1, max_length=12)
    ente_id: int | None = Field(None, gt=0, lt=2**31)
    ente: str = Field("", max_length=250)

    @field_validator("codice_istat")
    @classmethod
    def _istat(cls, v: str) -> str:
        code = restore_zeros(v)
        if not is_codice_istat(code):
            raise ValueError(f"«{v[:20]}» non è un codice ISTAT: 6 cifre, per esempio 001272 (Torino).")
        return code

    @field_validator("ente_id", mode="before")
    @classmethod
    def _id(cls, v: Any) -> Any:
        return None if v in ("", None) else v

    @model_validator(mode="after")
    def _some_ente(self):
        if self.ente_id is None and not self.ente:
            raise ValueError("Indica l'ente gestore: il nome come nell'elenco o il suo ID.")
        return self


@dataclass
class ReadRow:
    line: int
    value: EnteRowInput | None
    errors: dict[str, str] = field(default_factory=dict)


@dataclass
class EntiFile:
    table: CsvTable
    rows: list[ReadRow]

    @property
    def ok(self) -> bool:
        return not self.table.errors and all(r.value is not None and not r.errors for r in self.rows)


def parse_enti_csv(data: bytes | str) -> EntiFile:
    table = read_csv(data, COLUMNS)
    rows = []
    if not table.errors:
        for r in table.rows:
            value, errors = parse(EnteRowInput, {k: v for k, v in r.values.items() if not k.startswith("__")})
            rows.append(ReadRow(r.line, value, {_HEADERS.get(k, k or "riga"): m for k, m in errors.items()}))
        if not rows:
            table.errors.append("Il file non ha righe dopo l'intestazione.")
    return EntiFile(table, rows)


def export_enti_csv(rows: Iterable[Mapping[str, object]]) -> bytes:
    """Rows with codice_istat, comune, provincia, ente_id, ente (empty ente: not known yet)."""
    return write_csv(COLUMNS, rows)


def template_csv(example: Mapping[str, object]) -> bytes:
    """The template: the header and one filled-in example row (to overwrite or delete)."""
    return write_csv(COLUMNS, [example])
