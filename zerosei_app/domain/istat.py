"""The ISTAT code of a comune (codice ISTAT): exactly six ASCII digits, "001272" for Torino.

The one definition for links, the API, staff forms, CSV files and events. Written out on ASCII on purpose:
`str.isdigit()`, the regex `\\d` and pydantic's `pattern` (Rust regex) all accept other scripts' digits too
("００１２７２", "٠٠١٢٧٢"), which are no code of any comune.
"""

from __future__ import annotations

import re
from typing import Annotated

from pydantic import AfterValidator

ISTAT_CODE = re.compile(r"[0-9]{6}")  # use with fullmatch; [0-9] is ASCII only
ISTAT_PATTERN = f"^{ISTAT_CODE.pattern}$"  # for JSON Schema / OpenAPI
MESSAGE = "Codice ISTAT del comune: 6 cifre (per esempio 001272)."


def is_codice_istat(value: object) -> bool:
    return isinstance(value, str) and ISTAT_CODE.fullmatch(value) is not None


def restore_zeros(item: str) -> str:
    """A spreadsheet turns 001272 into 1272 (and Biella's 096004 into 96004): Piemonte's codes
    are 00x…, 096… and 103…, and no CAP starts with 9, so these are unambiguous."""
    if re.fullmatch(r"[0-9]{4}|9[0-9]{4}", item):
        return item.zfill(6)
    return item


def _check(value: str) -> str:
    if not is_codice_istat(value):
        raise ValueError(MESSAGE)
    return value


# A pydantic field holding a codice ISTAT (the message is the forms' Italian one).
CodiceIstat = Annotated[str, AfterValidator(_check)]
