"""Research notes are not data (issue 16): what a public value may carry, and how a note is recognised.

The research files mix facts with the researcher's remarks ("circa 2023 ('da tredici anni', …)",
"(numero civico non indicato)", "[nome omesso]"). Parents and reusers get only the plain value; the
whole remark stays in the staff-only notes (`Centro.internal_notes`).
"""

from __future__ import annotations

import re
from datetime import date

_LEADING_DATE = re.compile(r"(\d{4}(?:-\d{2}(?:-\d{2})?)?)(?=$|[\s;,(])")
_BRACKETS = re.compile(r"\s*(\([^()]*\)|\[[^\]]*\])")

# What gives a researcher's remark away (tests scan every public output for these).
RESEARCH_NOTE = re.compile(
    r"nella fonte|non indicat|circa 20\d\d|fonti pubbliche \(|nell'?\s?estratto|nome omesso|dato della riga"
    r"|anno non|data non presente|\(nome in |elenco non trovato|probabilmente 20",
    re.IGNORECASE,
)


def source_date(raw: str | None) -> str | None:
    """The date a source is from, only when the text starts with one ("2021-10", "2025-07-16", "2019"):
    "circa 2021-10", "inaugurato 'domenica 24 settembre' (anno non …)" → None (unknown stays unknown)."""
    m = _LEADING_DATE.match((raw or "").strip())
    return m.group(1) if m else None


def without_remarks(text: str | None) -> str | None:
    """A name as parents read it: the remarks in brackets dropped ("CISA Asti Sud (responsabile: [nome omesso])")."""
    if not text:
        return None
    plain = " ".join(_BRACKETS.sub("", text).split()).strip(" ,;:")
    return plain or None


def hours_are_old(hours_as_of: str | None, today: date) -> bool:
    """Hours a source gave more than a year ago (or in an undated past period, "covid"): shown with their date."""
    if not hours_as_of:
        return False
    m = re.fullmatch(r"(\d{4})(?:-(\d{2}))?", hours_as_of)
    if m is None:  # "2021-2022", "covid": a past period
        return True
    year, month = int(m.group(1)), int(m.group(2) or 12)  # a bare year: its last month, to be fair
    return (today.year - year) * 12 + today.month - month > 12


def looks_like_research_note(text: str | None) -> bool:
    return bool(text) and RESEARCH_NOTE.search(text) is not None
