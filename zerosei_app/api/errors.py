"""Every API error has one JSON shape: {"detail": [{"campo", "codice", "messaggio"}]}."""

from __future__ import annotations

from collections.abc import Iterable

from fastapi.responses import JSONResponse

from zerosei_app.api.messages import api_lang, message
from zerosei_app.domain.errors import FieldError


def error_response(
    status: int, errors: Iterable[FieldError], lang: str = "it", headers: dict[str, str] | None = None
) -> JSONResponse:
    body = {"detail": [{"campo": e.field, "codice": e.code, "messaggio": message(e, lang)} for e in errors]}
    return JSONResponse(body, status_code=status, headers={"Cache-Control": "no-store", **(headers or {})})


def request_lang(raw: str | None) -> str:
    return api_lang(raw)
