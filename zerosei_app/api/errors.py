"""Every API error has one JSON shape: {"detail": [{"campo", "codice", "messaggio"}]}."""

from __future__ import annotations

from collections.abc import Iterable

from fastapi import Request
from fastapi.responses import JSONResponse

from zerosei_app.api.messages import api_lang, message
from zerosei_app.domain.errors import FieldError


class ApiError(Exception):
    """Raised by a handler or a dependency; answered by `api_error_handler` in the API's shape."""

    def __init__(self, status: int, errors: list[FieldError], headers: dict[str, str] | None = None) -> None:
        super().__init__(status, errors)
        self.status = status
        self.errors = errors
        self.headers = headers


def error_response(
    status: int, errors: Iterable[FieldError], lang: str = "it", headers: dict[str, str] | None = None
) -> JSONResponse:
    body = {"detail": [{"campo": e.field, "codice": e.code, "messaggio": message(e, lang)} for e in errors]}
    return JSONResponse(body, status_code=status, headers={"Cache-Control": "no-store", **(headers or {})})


def request_lang(raw: str | None) -> str:
    return api_lang(raw)


def lang_of(request: Request) -> str:
    """The language of the error messages: the request's first `lang` (keys are case-insensitive)."""
    return request_lang(next((v for k, v in request.query_params.multi_items() if k.lower() == "lang"), None))


async def api_error_handler(request: Request, exc: ApiError) -> JSONResponse:
    return error_response(exc.status, exc.errors, lang_of(request), exc.headers)
