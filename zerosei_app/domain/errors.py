"""Validation problems as data; the wording lives in i18n (`error.<code>`)."""

from __future__ import annotations

import contextlib
import dataclasses
from typing import Any

from ..i18n import t
from ..i18n.format import month_year
from .months import YearMonth

# Every code the domain can report; each needs an `error.<code>` text in every catalogue.
ERROR_CODES: tuple[str, ...] = (
    "birth_in_future",
    "too_old",
    "expected_too_far",
    "too_long",
    "too_many_children",
    "unknown_topic",
    "bad_month",
    "bad_comune",
    "several_comuni",
    "bad_lang",
    "bad_lingua",
    "missing_comune",
    "missing_child",
)


class Refused(Exception):
    """A write refused for a reason staff can fix. `code` keys its sentence in view/staff_messages.REFUSALS and
    `params` fill it: the words are made in view/, never where the refusal is raised."""

    def __init__(self, code: str, **params: Any) -> None:
        super().__init__(code)
        self.code, self.params = code, params


@dataclasses.dataclass(frozen=True)
class FieldError:
    field: str
    code: str
    params: dict[str, Any] = dataclasses.field(default_factory=dict)

    def message(self, lang: str = "it") -> str:
        params = dict(self.params)
        # Params keep machine values ("2027-03"); parents read "marzo 2027".
        if isinstance(params.get("month"), str):
            with contextlib.suppress(ValueError):  # not a month: shown as given
                params["month"] = month_year(YearMonth.parse(params["month"]), lang)
        return t(f"error.{self.code}", lang, **params)
