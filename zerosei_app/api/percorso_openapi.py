"""The path's parameters in the OpenAPI document (/api/v1/percorso).

They are the parents' link's (domain/link.py: keys case-insensitive, a repeated key adds its values),
parsed from the raw query as the page does; so they are described here, with patterns that say
exactly which values today's API accepts (the document is rebuilt when the day changes, api/app.py).
"""

from __future__ import annotations

import copy
import re
from datetime import date
from typing import Any

from zerosei_app.domain.catalog import MAX_AGE_MONTHS, MAX_CHILDREN, MIN_AGE_MONTHS, TOPICS
from zerosei_app.domain.istat import ISTAT_PATTERN
from zerosei_app.domain.language import LANGUAGE_PATTERN
from zerosei_app.domain.link import LINK_LANGS, MAX_VALUE_CHARS
from zerosei_app.domain.months import YearMonth

_MONTH = {"type": "string", "pattern": r"^[0-9]{4}-[0-9]{2}$"}

PERCORSO_PARAMETERS: list[dict[str, Any]] = [
    {
        "name": "comune",
        "in": "query",
        "required": True,
        "description": "The family's comune: 6-digit ISTAT code (see /api/v1/comuni).",
        "schema": {"type": "string", "pattern": ISTAT_PATTERN},
        "example": "001255",
    },
    {
        "name": "nascita",
        "in": "query",
        "required": False,
        "description": (
            "Birth month of each child, `YYYY-MM`, comma-separated or as repeated keys (twins: the same month twice); "
            f"up to 6 years ago. At least one of `nascita` and `attesa`; at most {MAX_CHILDREN} children in all."
        ),
        "schema": {"type": "string", "maxLength": MAX_VALUE_CHARS},
        "example": "2025-05,2023-11",
    },
    {
        "name": "attesa",
        "in": "query",
        "required": False,
        "description": "Expected birth month, `YYYY-MM`, within the next 9 months (one pregnancy).",
        "schema": _MONTH,
    },
    {
        "name": "temi",
        "in": "query",
        "required": False,
        "description": "Topics to focus on, comma-separated: " + ", ".join(f"`{t}`" for t in TOPICS) + ".",
        "schema": {"type": "string", "maxLength": MAX_VALUE_CHARS},
        "example": "gioco-socialita",
    },
    {
        "name": "lingua",
        "in": "query",
        "required": False,
        "description": '"In my language": only the services a centre states it offers in this language (ISO 639-1, '
        "e.g. `ar`; examples written by the project never count). When none of the path's services states it, "
        "every service is listed and `lingua.trovata` is false.",
        "schema": {"type": "string", "pattern": LANGUAGE_PATTERN, "minLength": 2, "maxLength": 2},
        "example": "ar",
    },
    {
        "name": "lang",
        "in": "query",
        "required": False,
        "description": "Language of the texts (`eta`, topics, areas): "
        + ", ".join(f"`{code}`" for code in LINK_LANGS)
        + " (`it` default; `en-GB` counts as `en`). Error messages are in Italian, else in English. "
        "Any other value is an error (422).",
        "schema": {"type": "string", "default": "it", "enum": list(LINK_LANGS)},
    },
]


def _months(first: YearMonth, last: YearMonth) -> str:
    out, m = [], first
    while m.months_until(last) >= 0:
        out.append(str(m))
        m = m.plus(1)
    return "(" + "|".join(out) + ")"


def _any_of(words) -> str:
    return "(" + "|".join(re.escape(w) for w in words) + ")"


def percorso_parameters(today: date) -> list[dict[str, Any]]:
    """PERCORSO_PARAMETERS with patterns that say exactly which values today's API accepts:
    birth months up to MAX_AGE_MONTHS back, an expected month up to -MIN_AGE_MONTHS ahead (or an
    old link's, presumably born), known topics, the link's languages (any region)."""
    now = YearMonth.of(today)
    born = _months(now.plus(-MAX_AGE_MONTHS), now)
    expected = _months(now.plus(-MAX_AGE_MONTHS), now.plus(-MIN_AGE_MONTHS))
    patterns = {
        "nascita": f"^{born}(,{born}){{0,{MAX_CHILDREN - 1}}}$",
        "attesa": f"^{expected}$",
        "temi": f"^{_any_of(TOPICS)}(,{_any_of(TOPICS)}){{0,{len(TOPICS) - 1}}}$",
        "lang": "^("
        + "|".join("".join(f"[{c.upper()}{c}]" for c in code) for code in LINK_LANGS)
        + ")([-_][A-Za-z0-9]{1,8})?$",
    }
    out = copy.deepcopy(PERCORSO_PARAMETERS)
    for param in out:
        if param["name"] in patterns:
            param["schema"] = {**param["schema"], "pattern": patterns[param["name"]]}
            param["schema"].pop("maxLength", None)
    # At least one of `nascita` and `attesa`: two query keys described as one exploded object
    # (OpenAPI has no "one of these parameters" otherwise). At most MAX_CHILDREN - 1 in `nascita`
    # here, so that any `attesa` still fits (six born children alone are accepted as well).
    children = {p["name"]: p for p in out if p["name"] in ("nascita", "attesa")}
    children["nascita"]["schema"]["pattern"] = f"^{born}(,{born}){{0,{MAX_CHILDREN - 2}}}$"
    bambini = {
        "name": "bambini",
        "in": "query",
        "required": True,
        "style": "form",
        "explode": True,
        "description": "The children: the query keys `nascita` and `attesa`, at least one of them "
        "(e.g. `nascita=2025-05,2023-11&attesa=2027-02`).",
        "schema": {
            "type": "object",
            "properties": {name: {**p["schema"], "description": p["description"]} for name, p in children.items()},
            "minProperties": 1,
            "additionalProperties": False,
        },
    }
    rest = [p for p in out if p["name"] not in children]
    return [rest[0], bambini, *rest[1:]]
