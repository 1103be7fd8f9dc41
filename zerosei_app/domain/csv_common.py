"""Reading and writing the CSV files office staff exchange with Excel.

Reads UTF-8 (with or without BOM) and, as a fallback, Windows-1252 (Excel's "CSV" on
Italian Windows); the separator is `;` (Excel, Italian locale), `,` or a tab, detected
from the header line. Writes UTF-8 with BOM and `;`, which Excel opens correctly.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from .text import fold

MAX_BYTES = 2_000_000
MAX_ROWS = 5_000
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


@dataclass(frozen=True)
class Column:
    key: str  # internal name
    header: str  # what the exported file calls it
    aliases: tuple[str, ...] = ()
    required: bool = False
    numeric: bool = False  # numbers are never prefixed against spreadsheet formulas

    def names(self) -> set[str]:
        return {fold(self.header), fold(self.key), *(fold(a) for a in self.aliases)}


@dataclass
class CsvRow:
    line: int  # spreadsheet row number (the header is row 1)
    values: dict[str, str]


@dataclass
class CsvTable:
    rows: list[CsvRow] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)  # the whole file is unusable
    notes: list[str] = field(default_factory=list)  # worth knowing, not blocking
    delimiter: str = ";"
    columns: list[str] = field(default_factory=list)  # keys present, in file order


def decode(data: bytes | str) -> tuple[str, str | None]:
    """Text, and a note when the file was not UTF-8."""
    if isinstance(data, str):
        return data.removeprefix("\ufeff"), None
    try:
        return data.decode("utf-8-sig"), None
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace"), (
            "Il file non era in UTF-8: l'abbiamo letto come file Excel di Windows. "
            "Controlla che le lettere accentate siano giuste nell'anteprima."
        )


def sniff_delimiter(first_line: str) -> str:
    counts = {d: 0 for d in (";", ",", "\t")}
    quoted = False
    for c in first_line:
        if c == '"':
            quoted = not quoted
        elif not quoted and c in counts:
            counts[c] += 1
    best = max(counts, key=lambda d: (counts[d], d == ";"))
    return best if counts[best] else ";"


def unprotect(value: str) -> str:
    """Undo the apostrophe `write_csv` puts before text that a spreadsheet would run as a formula."""
    if value.startswith("'") and value[1:2] and value[1] in _FORMULA_START:
        return value[1:]
    return value


def read_csv(data: bytes | str, columns: Sequence[Column]) -> CsvTable:
    """The file's rows keyed by column; `errors` when the whole file is unusable (nothing is half read)."""
    table = CsvTable()
    text = _text(data, table)
    records = _records(text, table) if text is not None else None
    if records is None:
        return table
    keys = _header_keys(records[0], columns, table)
    if not table.errors:
        _read_body(records[1:], keys, table)
    return table


def _text(data: bytes | str, table: CsvTable) -> str | None:
    """The decoded text, or None (and why in `table.errors`) when too big or empty."""
    if isinstance(data, bytes) and len(data) > MAX_BYTES:
        table.errors.append(f"Il file è troppo grande (massimo {MAX_BYTES // 1_000_000} MB).")
        return None
    text, note = decode(data)
    if note:
        table.notes.append(note)
    if not text.strip():
        table.errors.append("Il file è vuoto.")
        return None
    return text


def _records(text: str, table: CsvTable) -> list[list[str]] | None:
    """Every record from the first non-blank one (the header), split on the separator the header uses."""
    first_line = next((line for line in text.splitlines() if line.strip()), "")
    table.delimiter = sniff_delimiter(first_line)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=table.delimiter)
    try:
        records = list(reader)
    except csv.Error as exc:
        table.errors.append(f"Il file non è un CSV leggibile ({exc}).")
        return None
    while records and not any(c.strip() for c in records[0]):
        records.pop(0)
    if not records:  # e.g. only empty quoted cells ("","")
        table.errors.append("Il file è vuoto.")
        return None
    return records


def _header_keys(header: list[str], columns: Sequence[Column], table: CsvTable) -> list[str | None]:
    """The column key of each header cell (None for an empty one); unknown, repeated or missing columns are errors."""
    by_name = {name: col.key for col in columns for name in col.names()}
    keys: list[str | None] = []
    for i, cell in enumerate(header):
        name = fold(cell)
        if not name:
            keys.append(None)  # spreadsheets often add empty trailing columns
            continue
        key = by_name.get(name)
        if key is None:
            table.errors.append(
                f"Colonna «{cell.strip()[:60]}» non riconosciuta (colonna {i + 1}). Colonne previste: "
                + ", ".join(c.header for c in columns)
                + "."
            )
        elif key in keys:
            table.errors.append(f"La colonna «{cell.strip()[:60]}» compare due volte.")
        keys.append(key)
    table.columns = [k for k in keys if k]
    for col in columns:
        if col.required and col.key not in keys:
            table.errors.append(f"Manca la colonna obbligatoria «{col.header}».")
    return keys


def _read_body(body: list[list[str]], keys: list[str | None], table: CsvTable) -> None:
    """The data rows (blank ones skipped), at most MAX_ROWS; numbered as the spreadsheet numbers them."""
    data_rows = 0
    for index, record in enumerate(body, start=2):
        if not any(c.strip() for c in record):
            continue
        data_rows += 1
        if data_rows > MAX_ROWS:
            table.errors.append(f"Troppe righe: al massimo {MAX_ROWS} per file.")
            return
        table.rows.append(CsvRow(index, _row_values(record, keys)))
    if not table.rows:
        table.errors.append("Il file non contiene righe di dati, solo l'intestazione.")


def _row_values(record: list[str], keys: list[str | None]) -> dict[str, str]:
    values: dict[str, str] = {}
    for key, cell in zip(keys, record, strict=False):  # a short row leaves the rest empty
        if key:
            values[key] = unprotect(cell.strip())
    if any(c.strip() for c in record[len(keys) :]):
        values["__extra__"] = (
            "La riga ha più valori delle colonne dell'intestazione: forse un separatore (; o ,) dentro un testo senza virgolette."
        )
    return values


def _protect(value: str) -> str:
    return "'" + value if value.startswith(_FORMULA_START) else value


def write_csv(columns: Sequence[Column], rows: Iterable[Mapping[str, object]]) -> bytes:
    """UTF-8 with BOM, `;`, CRLF: what Excel in Italian expects."""
    out = io.StringIO(newline="")
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
    writer.writerow([c.header for c in columns])
    for row in rows:
        cells = []
        for col in columns:
            value = row.get(col.key)
            text = "" if value is None else str(value)
            cells.append(text if col.numeric else _protect(text))
        writer.writerow(cells)
    return ("\ufeff" + out.getvalue()).encode("utf-8")
