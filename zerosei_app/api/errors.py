"""Every API error has one JSON shape: {"detail": [{"campo", "codice", "messaggio"}]}."""

from __future__ import annotations

from collections.abc import Iterable

from fastapi.responses import JSONResponse

from zerosei_app.domain.errors import FieldError


def error_response(status: int, errors: Iterable[FieldError], lang: str = "it") -> JSONResponse:
    body = {"detail": [{"campo": e.field, "codice": e.code, "messaggio": e.message(lang)} for e in errors]}
    return JSONResponse(body, status_code=status, headers={"Cache-Control": "no-store"})


def request_lang(raw: str | None) -> str:
    return raw if raw in ("it", "en") else "it"
