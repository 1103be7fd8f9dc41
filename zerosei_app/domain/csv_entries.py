"""A centre's card as a CSV file: export, and parse for import (every row's errors, in Italian).

A row with an ID updates that entry (the import checks it belongs to the centre and, when the
file carries "Versione", that nobody changed it since the export); a row without ID is new.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from . import clock
from .csv_common import Column, CsvTable, read_csv, write_csv
from .entry_form import LABELS, EntryInput
from .staff_labels import STATUS_LABELS, STATUS_WORDS, category_label, topic_label
from .text import fold
from .validation import parse

COLUMNS: tuple[Column, ...] = (
    Column("id", "ID", ("codice",), numeric=True),
    Column("title", "Titolo", required=True),
    Column("summary", "In breve", ("sintesi",), required=True),
    Column("description", "Descrizione"),
    Column("category", "Area", ("categoria",), required=True),
    Column("topics", "Temi"),
    Column("age_min_months", "Età da (mesi)", ("eta da", "eta min mesi", "eta_min_mesi"), required=True, numeric=True),
    Column(
        "age_max_months",
        "Età fino a (mesi)",
        ("eta a", "eta fino a", "eta max mesi", "eta_max_mesi"),
        required=True,
        numeric=True,
    ),
    Column("provider", "Chi lo offre", ("ente",)),
    Column("online", "Online"),
    Column("location", "Dove", ("luogo",)),
    Column("location_comune", "Comune del luogo (ISTAT)", ("comune luogo", "codice istat luogo")),
    Column("schedule", "Quando", ("orari",)),
    Column("cost_free", "Gratuito"),
    Column("cost_note", "Costo", ("nota costo",)),
    Column("access", "Come accedere", ("accesso",)),
    Column("contact_phone", "Telefono"),
    Column("contact_email", "E-mail", ("email", "mail")),
    Column("contact_url", "Sito web", ("sito", "url")),
    Column("languages", "Lingue"),
    Column("status", "Stato"),
    Column("last_reviewed_on", "Verificata il", ("ultima verifica",)),
    Column("version", "Versione", numeric=True),
)
HEADER = {c.key: c.header for c in COLUMNS}


@dataclass
class EntryRow:
    line: int
    raw_title: str = ""  # as written in the file, to name the row even when it is invalid
    entry_id: int | None = None
    version: int | None = None
    status: str | None = None  # None: keep the current status (new rows start as drafts)
    last_reviewed_on: date | None = None
    entry: EntryInput | None = None
    errors: dict[str, str] = field(default_factory=dict)  # column header → message

    @property
    def ok(self) -> bool:
        return self.entry is not None and not self.errors


@dataclass
class EntryFile:
    table: CsvTable
    rows: list[EntryRow]

    @property
    def errors(self) -> list[str]:
        return self.table.errors

    @property
    def ok(self) -> bool:
        return not self.table.errors and all(r.ok for r in self.rows)


def parse_date(text: str) -> date:
    text = text.strip()
    m = re.fullmatch(r"(\d{4})-(\d{1,2})-(\d{1,2})", text) or None
    if m:
        return date(int(m[1]), int(m[2]), int(m[3]))
    m = re.fullmatch(r"(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})", text)
    if m:
        return date(int(m[3]), int(m[2]), int(m[1]))
    raise ValueError


def _int(text: str) -> int:
    return int(text.strip().replace(".", "").replace(" ", ""))


def parse_row(line: int, values: Mapping[str, str], seen_ids: set[int]) -> EntryRow:
    row = EntryRow(line, raw_title=(values.get("title") or "")[:150])
    if "__extra__" in values:
        row.errors[""] = values["__extra__"]
    # The row's own columns first, then the entry's fields: the messages keep the columns' order.
    if values.get("id"):
        _read_id(row, values["id"], seen_ids)
    if values.get("version"):
        _read_version(row, values["version"])
    if values.get("status"):
        _read_status(row, values["status"])
    if values.get("last_reviewed_on"):
        _read_last_reviewed_on(row, values["last_reviewed_on"])
    entry, errors = parse(EntryInput, _entry_fields(values))
    row.entry = entry
    for key, message in errors.items():
        row.errors[HEADER.get(key, LABELS.get(key, key))] = message
    return row


def _entry_fields(values: Mapping[str, str]) -> dict[str, Any]:
    """The cells EntryInput reads (not the row's id, version, status, review date)."""
    raw: dict[str, Any] = {}
    for key, value in values.items():
        if key.startswith("__") or key in ("id", "version", "status", "last_reviewed_on"):
            continue
        if value == "" and key in ("online", "cost_free", "languages"):
            continue  # empty cell: not online; cost and languages not stated
        raw[key] = value
    return raw


def _read_id(row: EntryRow, text: str, seen_ids: set[int]) -> None:
    try:
        row.entry_id = _int(text)
        if row.entry_id <= 0:
            raise ValueError
        if row.entry_id in seen_ids:
            row.errors[HEADER["id"]] = f"L'ID {row.entry_id} compare in più righe."
        seen_ids.add(row.entry_id)
    except ValueError:
        row.errors[HEADER["id"]] = "L'ID deve essere un numero (lascialo vuoto per una voce nuova)."


def _read_version(row: EntryRow, text: str) -> None:
    try:
        row.version = _int(text)
    except ValueError:
        row.errors[HEADER["version"]] = "La versione deve essere un numero."


def _read_status(row: EntryRow, text: str) -> None:
    status = STATUS_WORDS.get(fold(text))
    if status is None:
        row.errors[HEADER["status"]] = "Stato non valido: scrivi bozza, pubblicata o archiviata."
    row.status = status


def _read_last_reviewed_on(row: EntryRow, text: str) -> None:
    try:
        row.last_reviewed_on = parse_date(text)
        if row.last_reviewed_on > clock.today():
            row.errors[HEADER["last_reviewed_on"]] = "La data di verifica è nel futuro."
    except ValueError:
        row.errors[HEADER["last_reviewed_on"]] = "Data non valida: scrivila come 25/11/2026 o 2026-11-25."


def parse_entries_csv(data: bytes | str) -> EntryFile:
    table = read_csv(data, COLUMNS)
    seen: set[int] = set()
    rows = [] if table.errors else [parse_row(r.line, r.values, seen) for r in table.rows]
    return EntryFile(table, rows)


def entry_export_row(e: Any) -> dict[str, object]:
    """One CardEntry (any object with its attributes) → CSV cells (Italian words)."""
    return {
        "id": e.id,
        "title": e.title,
        "summary": e.summary,
        "description": e.description,
        "category": category_label(e.category),
        "topics": ", ".join(topic_label(t) for t in (e.topics or [])),
        "age_min_months": e.age_min_months,
        "age_max_months": e.age_max_months,
        "provider": e.provider,
        "online": "sì" if e.online else "no",
        "location": e.location,
        "location_comune": e.location_comune or "",
        "schedule": e.schedule,
        "cost_free": "" if e.cost_free is None else ("sì" if e.cost_free else "no"),
        "cost_note": e.cost_note,
        "access": e.access,
        "contact_phone": e.contact_phone,
        "contact_email": e.contact_email,
        "contact_url": e.contact_url,
        "languages": ", ".join(e.languages or []),
        "status": STATUS_LABELS.get(e.status, e.status).lower(),
        "last_reviewed_on": e.last_reviewed_on.isoformat() if e.last_reviewed_on else "",
        "version": e.version,
    }


def export_entries_csv(entries: Iterable[Any]) -> bytes:
    return write_csv(COLUMNS, (entry_export_row(e) for e in entries))
