"""The one error shape of the public API: {"detail": [{"campo", "codice", "messaggio"}]}."""

from __future__ import annotations

from pydantic import BaseModel, Field


class ErroreOut(BaseModel):
    campo: str = Field(
        description="The parameter at fault (`comune`, `limit`, …; `path` for an unknown address, empty if none)."
    )
    codice: str = Field(
        description="A stable machine code, e.g. `bad_comune`, `out_of_range`, `unknown_centro`, `not_found`."
    )
    messaggio: str = Field(description="What is wrong, for people, in the request's `lang` (Italian by default).")


class ErroriOut(BaseModel):
    detail: list[ErroreOut]
