"""The shareable path link: `?comune=001272&nascita=2025-03,2023-11&attesa=2027-03&temi=sonno-pianto&lingua=ar&lang=en`.

Links come from outside (chats, QR codes, old bookmarks), so parsing is lenient: every
valid part is kept, every invalid part is dropped and reported, and nothing raises.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import Annotated, Any
from urllib.parse import quote, unquote_plus

from pydantic import BaseModel, BeforeValidator, ConfigDict, PlainSerializer, field_validator, model_validator

from ..i18n.catalogs import DEFAULT_LANG, LANGUAGES
from .age import AgeError, Child, child_from_birth, child_from_expected
from .catalog import MAX_CHILDREN, TOPICS
from .errors import FieldError
from .istat import is_codice_istat, restore_zeros
from .language import is_language_code
from .months import YearMonth

# A language is in links as soon as its catalogue file exists (i18n/locales/<lang>.po).
LINK_LANGS: tuple[str, ...] = LANGUAGES
FIELDS = ("comune", "nascita", "attesa", "temi", "lingua", "lang")  # canonical order in links
MAX_VALUE_CHARS = 300  # no valid value comes close; longer ones are hostile or broken
MAX_ECHO_CHARS = 40  # how much of a bad value we repeat back to the parent


def _to_year_month(value: Any) -> Any:
    return YearMonth.parse(value) if isinstance(value, str) else value


# Stored as YearMonth, accepted and dumped as "YYYY-MM".
YearMonthField = Annotated[YearMonth, BeforeValidator(_to_year_month), PlainSerializer(str, return_type=str)]


class PathQuery(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    comune: str | None = None  # ISTAT code, 6 digits
    nascita: tuple[YearMonthField, ...] = ()  # in the parent's order: it is the display order
    attesa: YearMonthField | None = None
    temi: tuple[str, ...] = ()
    lingua: str | None = None  # "in my language": services a centre states in it (domain/language.py)
    lang: str = DEFAULT_LANG

    @field_validator("lingua")
    @classmethod
    def _lingua_code(cls, value: str | None) -> str | None:
        if value is not None and not is_language_code(value):
            raise ValueError("lingua must be a two-letter language code")
        return value

    @field_validator("comune")
    @classmethod
    def _comune_is_istat_code(cls, value: str | None) -> str | None:
        if value is not None and not is_codice_istat(value):
            raise ValueError("comune must be a 6-digit ISTAT code")
        return value

    @field_validator("lang")
    @classmethod
    def _known_language(cls, value: str) -> str:
        if value not in LINK_LANGS:
            raise ValueError(f"unknown language: {value!r}")
        return value

    @field_validator("temi")
    @classmethod
    def _known_topics_in_display_order(cls, value: tuple[str, ...]) -> tuple[str, ...]:
        unknown = [topic for topic in value if topic not in TOPICS]
        if unknown:
            raise ValueError(f"unknown topics: {unknown}")
        return tuple(topic for topic in TOPICS if topic in value)

    @model_validator(mode="after")
    def _not_too_many_children(self) -> PathQuery:
        if len(self.nascita) + (self.attesa is not None) > MAX_CHILDREN:
            raise ValueError(f"at most {MAX_CHILDREN} children")
        return self


@dataclass(frozen=True)
class ParseResult:
    query: PathQuery
    errors: tuple[FieldError, ...]


def to_query_string(q: PathQuery) -> str:
    """Canonical link query (no leading "?"): fixed field order, empty fields and `lang=it` omitted."""
    pairs = []
    if q.comune is not None:
        pairs.append(("comune", q.comune))
    if q.nascita:
        pairs.append(("nascita", ",".join(map(str, q.nascita))))
    if q.attesa is not None:
        pairs.append(("attesa", str(q.attesa)))
    if q.temi:
        pairs.append(("temi", ",".join(q.temi)))
    if q.lingua is not None:
        pairs.append(("lingua", q.lingua))
    if q.lang != "it":
        pairs.append(("lang", q.lang))
    # Commas stay literal so shared links remain readable.
    return "&".join(f"{key}={quote(value, safe=',-')}" for key, value in pairs)


def parse_query_string(qs: str) -> ParseResult:
    """Lenient parse of a raw query string (a leading "?" or a whole URL/path is fine)."""
    if not isinstance(qs, str):
        qs = ""
    qs = qs.partition("#")[0]
    if qs.startswith("?"):
        qs = qs[1:]
    elif qs.startswith("/") or "://" in qs:
        qs = qs.partition("?")[2]
    # Parsed by hand: a repeated key must add its values, not overwrite them.
    raw: dict[str, list[str]] = {}
    for part in qs.split("&"):
        key, _, value = part.partition("=")
        key = unquote_plus(key).strip().lower()
        if key in FIELDS:
            raw.setdefault(key, []).append(unquote_plus(value))
    return _parse_fields({key: ",".join(values) for key, values in raw.items()})


def validate_for_path(q: PathQuery, today: date) -> tuple[list[Child], list[FieldError]]:
    """Children for the path page, plus what still prevents showing it."""
    errors: list[FieldError] = []
    if q.comune is None:
        errors.append(FieldError("comune", "missing_comune"))
    if not q.nascita and q.attesa is None:
        errors.append(FieldError("nascita", "missing_child"))
    children: list[Child] = []
    months = [("nascita", m, child_from_birth) for m in q.nascita]
    if q.attesa is not None:
        months.append(("attesa", q.attesa, child_from_expected))
    for field, month, make_child in months:
        try:
            children.append(make_child(month, today))
        except AgeError as e:
            errors.append(FieldError(field, e.code, {**e.params, "month": str(month)}))
    return children, errors


def _parse_fields(raw: Mapping[str, str]) -> ParseResult:
    errors: list[FieldError] = []
    fields: dict[str, Any] = {}
    for name in FIELDS:
        text = raw.get(name)
        if text is None:
            continue
        if len(text) > MAX_VALUE_CHARS:
            errors.append(FieldError(name, "too_long", {"max": MAX_VALUE_CHARS}))
            # Keep the whole items that fit (e.g. the first children of a very long list).
            text = text[:MAX_VALUE_CHARS].rpartition(",")[0]
        items = [item.strip() for item in text.split(",")]
        items = [item for item in items if item]
        if items:
            _PARSERS[name](items, fields, errors)
    _limit_children(fields, errors)
    return ParseResult(PathQuery(**fields), tuple(errors))


def _parse_comune(items: list[str], fields: dict[str, Any], errors: list[FieldError]) -> None:
    unique = list(dict.fromkeys(restore_zeros(item) for item in items))  # the same code repeated is harmless
    valid = [code for code in unique if is_codice_istat(code)]
    if not valid:
        errors.append(FieldError("comune", "bad_comune", {"value": _echo(",".join(unique))}))
        return
    fields["comune"] = valid[0]  # a link with several comuni (keys appended by apps): the first one
    if len(unique) > 1:  # the others stay known, in case the first is not a comune we have
        errors.append(FieldError("comune", "several_comuni", {"codes": tuple(valid)}))


def _parse_nascita(items: list[str], fields: dict[str, Any], errors: list[FieldError]) -> None:
    months = []
    for item in items:  # duplicates stay: twins share a birth month
        try:
            months.append(_month(item))
        except ValueError:
            errors.append(FieldError("nascita", "bad_month", {"value": _echo(item)}))
    if months:
        fields["nascita"] = tuple(months)


def _parse_attesa(items: list[str], fields: dict[str, Any], errors: list[FieldError]) -> None:
    unique = list(dict.fromkeys(items))
    try:
        if len(unique) != 1:
            raise ValueError("one expected month at most")
        fields["attesa"] = _month(unique[0])
    except ValueError:
        errors.append(FieldError("attesa", "bad_month", {"value": _echo(",".join(unique))}))


def _parse_temi(items: list[str], fields: dict[str, Any], errors: list[FieldError]) -> None:
    wanted = set()
    for item in dict.fromkeys(items):  # duplicates merge silently
        slug = item.lower()
        if slug in TOPICS:
            wanted.add(slug)
        else:
            errors.append(FieldError("temi", "unknown_topic", {"value": _echo(item)}))
    if wanted:
        fields["temi"] = tuple(topic for topic in TOPICS if topic in wanted)


def _parse_lang(items: list[str], fields: dict[str, Any], errors: list[FieldError]) -> None:
    # "en-GB" or "EN" mean English; anything else falls back to Italian (the default).
    codes = list(dict.fromkeys(item.replace("_", "-").split("-", 1)[0].lower() for item in items))
    if len(codes) == 1 and codes[0] in LINK_LANGS:
        fields["lang"] = codes[0]
    else:
        errors.append(FieldError("lang", "bad_lang", {"value": _echo(",".join(items))}))


def _parse_lingua(items: list[str], fields: dict[str, Any], errors: list[FieldError]) -> None:
    # "AR" or "ar-MA" mean Arabic; one language at a time.
    codes = list(dict.fromkeys(item.replace("_", "-").split("-", 1)[0].lower() for item in items))
    if len(codes) == 1 and is_language_code(codes[0]):
        fields["lingua"] = codes[0]
    else:
        errors.append(FieldError("lingua", "bad_lingua", {"value": _echo(",".join(items))}))


_PARSERS = {
    "comune": _parse_comune,
    "nascita": _parse_nascita,
    "attesa": _parse_attesa,
    "temi": _parse_temi,
    "lingua": _parse_lingua,
    "lang": _parse_lang,
}


def _limit_children(fields: dict[str, Any], errors: list[FieldError]) -> None:
    """Keep the first MAX_CHILDREN children in link order (born ones, then the expected one)."""
    nascita = fields.get("nascita", ())
    if len(nascita) > MAX_CHILDREN:
        fields["nascita"] = nascita[:MAX_CHILDREN]
        fields.pop("attesa", None)
        errors.append(FieldError("nascita", "too_many_children", {"max": MAX_CHILDREN}))
    elif len(nascita) == MAX_CHILDREN and "attesa" in fields:
        del fields["attesa"]
        errors.append(FieldError("attesa", "too_many_children", {"max": MAX_CHILDREN}))


def _month(item: str) -> YearMonth:
    """YYYY-MM, also with a one-digit month as people type it ("2025-3")."""
    year, sep, month = item.partition("-")
    if sep and len(month) == 1:
        item = f"{year}-0{month}"
    return YearMonth.parse(item)


def _echo(value: str) -> str:
    """What the link said, fit to be quoted back: no control characters, not too long."""
    value = "".join(ch for ch in value if unicodedata.category(ch) not in ("Cc", "Cf", "Cs"))
    return value if len(value) <= MAX_ECHO_CHARS else value[: MAX_ECHO_CHARS - 1] + "…"
