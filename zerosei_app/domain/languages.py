"""The languages a service is offered in, as staff pick them: by name, never by typing codes.

`LANGUAGES` is the picker's list, in its order: the languages most spoken by families in Piemonte
(ISTAT residents by citizenship) plus the large European ones. Each has its ISO 639-1 code (what
is stored and what the API gives), its own name (so a mediator recognises it) and the Italian one.
A stored code outside the list (from an import) is kept and shown as "altre".
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

# (code, own name, Italian name)
LANGUAGES: tuple[tuple[str, str, str], ...] = (
    ("it", "Italiano", "italiano"),
    ("en", "English", "inglese"),
    ("fr", "Français", "francese"),
    ("es", "Español", "spagnolo"),
    ("de", "Deutsch", "tedesco"),
    ("pt", "Português", "portoghese"),
    ("ro", "Română", "rumeno"),
    ("sq", "Shqip", "albanese"),
    ("ar", "العربية", "arabo"),
    ("zh", "中文", "cinese"),
    ("uk", "Українська", "ucraino"),
    ("ru", "Русский", "russo"),
    ("pl", "Polski", "polacco"),
    ("bn", "বাংলা", "bengalese"),
    ("ur", "اردو", "urdu"),
    ("pa", "ਪੰਜਾਬੀ", "punjabi"),
    ("tl", "Tagalog", "filippino (tagalog)"),
    ("wo", "Wolof", "wolof"),
    ("ff", "Fulfulde", "fula"),
    ("tr", "Türkçe", "turco"),
    ("hi", "हिन्दी", "hindi"),
    ("fa", "فارسی", "persiano"),
)
CODES = tuple(code for code, _, _ in LANGUAGES)
FIELD_PREFIX = "lingua__"  # one checkbox per language in the editor's form
OTHER_FIELD = "lingue_altre"  # codes outside the list, kept as they were
# The centre form's picker of its cultural mediators' languages: names of its own, never read as an entry's.
MEDIATION_PREFIX = "mediazione__"
MEDIATION_OTHER_FIELD = "mediazione_altre"
_BY_CODE = {code: (own, italian) for code, own, italian in LANGUAGES}


def label(code: str) -> str:
    """ "العربية (arabo)", "Italiano": the own name, with the Italian one when it differs."""
    own, italian = _BY_CODE.get(code, (code, code))
    return own if own.casefold() == italian.casefold() else f"{own} ({italian})"


def names(codes: Iterable[str]) -> str:
    """Staff-facing list: "Italiano, English (inglese)"."""
    return ", ".join(label(c) for c in codes)


def from_form(form: Mapping[str, Any], prefix: str = FIELD_PREFIX, other_field: str = OTHER_FIELD) -> list[str] | None:
    """The ticked languages (list order) plus the other codes; None when the form has no picker
    (an old client, the CSV import: they send `languages` as text)."""
    if not any(str(k).startswith(prefix) for k in form) and other_field not in form:
        return None
    picked = [code for code in CODES if form.get(prefix + code)]
    other = [x.strip().casefold() for x in str(form.get(other_field) or "").replace(";", ",").split(",")]
    return picked + [x for x in other if x and x not in picked]


def to_form(codes: Iterable[str], prefix: str = FIELD_PREFIX, other_field: str = OTHER_FIELD) -> dict[str, str]:
    """The picker's inputs for stored codes."""
    codes = list(codes or [])
    out = {prefix + code: ("on" if code in codes else "") for code in CODES}
    out[other_field] = ", ".join(c for c in codes if c not in _BY_CODE)
    return out
