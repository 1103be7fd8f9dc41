"""The "your children" step as data: rows of month/year choices, checked with the domain's rules.

Plain Python (no Reflex), so every rule is unit-tested; the state only stores the rows.
"""

from __future__ import annotations

import dataclasses
import secrets
from dataclasses import dataclass, field
from datetime import date
from typing import Literal

from babel.dates import get_month_names
from pydantic import BaseModel, Field, field_validator

from zerosei_app.domain.age import AgeError, child_from_birth, child_from_expected
from zerosei_app.domain.catalog import MAX_AGE_MONTHS, MAX_CHILDREN
from zerosei_app.domain.errors import FieldError
from zerosei_app.domain.link import PathQuery
from zerosei_app.domain.months import YearMonth
from zerosei_app.i18n import normalize_lang, t

BORN = "nato"
EXPECTED = "atteso"


def new_key() -> str:
    """A stable identity for a row, so the browser keeps each child's inputs when others are removed.

    Random rather than a counter: with several backend workers a session's events may run anywhere.
    """
    return f"r{secrets.token_hex(4)}"


@dataclass
class ChildRow:
    kind: str = BORN  # "nato" (born) or "atteso" (expected)
    month: str = ""  # "01".."12", "" while not chosen
    year: str = ""  # "2025", "" while not chosen
    error: str = ""  # the message shown under the row, in the parent's language
    key: str = field(default_factory=new_key)


class RowEdit(BaseModel):
    """One change coming from the browser: which row, which field, which value."""

    index: int = Field(ge=0, lt=MAX_CHILDREN)
    field: Literal["kind", "month", "year"]
    value: str = Field(max_length=8)

    @field_validator("value")
    @classmethod
    def _plausible(cls, value: str, info) -> str:
        field = info.data.get("field")
        ok = {
            "kind": value in (BORN, EXPECTED),
            "month": value == "" or (len(value) == 2 and value.isdigit() and 1 <= int(value) <= 12),
            "year": value == "" or (len(value) == 4 and value.isdigit()),
        }.get(field, False)
        if not ok:
            raise ValueError(f"bad {field}")
        return value


@dataclass(frozen=True)
class FormResult:
    rows: list[ChildRow]  # with their messages
    nascita: tuple[YearMonth, ...] = ()
    attesa: YearMonth | None = None

    @property
    def ok(self) -> bool:
        return not any(row.error for row in self.rows)


def rows_from_query(q: PathQuery) -> list[ChildRow]:
    """Rows for a (partial) link: born children in link order, then the expected one; never empty."""
    rows = [ChildRow(BORN, f"{m.month:02d}", str(m.year)) for m in q.nascita]
    if q.attesa is not None:
        rows.append(ChildRow(EXPECTED, f"{q.attesa.month:02d}", str(q.attesa.year)))
    return rows or [ChildRow()]


def year_choices(kind: str, today: date) -> list[str]:
    """Years a parent can pick: the last 6 years for a born child, this year and next when expecting."""
    if kind == EXPECTED:
        return [str(today.year), str(today.year + 1)]
    return [str(y) for y in range(today.year, today.year - MAX_AGE_MONTHS // 12 - 1, -1)]


def month_choices(lang: str) -> list[tuple[str, str]]:
    """("01", "gennaio") … in the parent's language, as a calendar would name them."""
    names = get_month_names("wide", context="stand-alone", locale=normalize_lang(lang))
    return [(f"{m:02d}", names[m]) for m in range(1, 13)]


def apply_edit(rows: list[ChildRow], edit: RowEdit, today: date, lang: str) -> list[ChildRow]:
    """The rows after one change; a completed row is checked at once, a partial one waits for submit."""
    if edit.index >= len(rows):
        return rows
    rows = [dataclasses.replace(row) for row in rows]
    row = rows[edit.index]
    setattr(row, edit.field, edit.value)
    if edit.field == "kind" and row.year and row.year not in year_choices(row.kind, today):
        row.year = ""  # a birth year cannot stay as a due year, and vice versa
    row.error = _row_error(row, rows[: edit.index], today, lang) if row.month and row.year else ""
    return rows


def check_complete_rows(rows: list[ChildRow], today: date, lang: str) -> list[ChildRow]:
    """Messages for the rows already complete (e.g. prefilled from a link), none for partial ones."""
    checked: list[ChildRow] = []
    for row in rows:
        error = _row_error(row, checked, today, lang) if row.month and row.year else ""
        checked.append(dataclasses.replace(row, error=error))
    return checked


def add_row(rows: list[ChildRow]) -> list[ChildRow]:
    return [*rows, ChildRow()] if len(rows) < MAX_CHILDREN else rows


def remove_row(rows: list[ChildRow], index: int) -> list[ChildRow]:
    if not 0 <= index < len(rows):
        return rows
    # Messages may have been about the removed row (e.g. "una sola gravidanza"): checked again on Continua.
    rest = [dataclasses.replace(row, error="") for i, row in enumerate(rows) if i != index]
    return rest or [ChildRow()]


def read_rows(rows: list[ChildRow], today: date, lang: str) -> FormResult:
    """Checks every row (on submit). Rows left completely empty are dropped when another row is filled."""
    filled = [row for row in rows if row.month or row.year]
    if not filled:
        first = dataclasses.replace(
            rows[0] if rows else ChildRow(), error=FieldError("nascita", "missing_child").message(lang)
        )
        return FormResult(rows=[first])
    checked: list[ChildRow] = []
    nascita: list[YearMonth] = []
    attesa: YearMonth | None = None
    for row in filled:
        row = dataclasses.replace(row, error=_row_error(row, checked, today, lang))
        checked.append(row)
        if row.error:
            continue
        month = YearMonth(int(row.year), int(row.month))
        if row.kind == EXPECTED:
            attesa = month
        else:
            nascita.append(month)
    return FormResult(rows=checked, nascita=tuple(nascita), attesa=attesa)


def query_with_children(q: PathQuery, result: FormResult) -> PathQuery:
    return PathQuery(comune=q.comune, nascita=result.nascita, attesa=result.attesa, temi=q.temi, lang=q.lang)


def _row_error(row: ChildRow, earlier: list[ChildRow], today: date, lang: str) -> str:
    if not row.month:
        return t("wiz.error.choose_month", lang)
    if not row.year:
        return t("wiz.error.choose_year", lang)
    if row.kind == EXPECTED and any(other.kind == EXPECTED for other in earlier):
        return t("wiz.error.one_expected", lang)
    try:
        month = YearMonth(int(row.year), int(row.month))
    except ValueError:
        return t("wiz.error.choose_month", lang)
    field = "attesa" if row.kind == EXPECTED else "nascita"
    try:
        if row.kind == EXPECTED:
            child = child_from_expected(month, today)
            if child.born_presumably:
                return FieldError(field, "expected_in_past", {"month": str(month)}).message(lang)
        else:
            child_from_birth(month, today)
    except AgeError as e:
        return FieldError(field, e.code, {**e.params, "month": str(month)}).message(lang)
    return ""
