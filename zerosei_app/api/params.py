"""Query parameters of the API, parsed at the edge with pydantic (never trusted as-is)."""

from __future__ import annotations

from pydantic import BaseModel, Field, ValidationError, field_validator

from zerosei_app.domain.errors import FieldError

MAX_QUERY_CHARS = 100


class ComuniParams(BaseModel):
    q: str = Field(default="", max_length=MAX_QUERY_CHARS)
    limit: int = Field(default=10, ge=1, le=50)


class CentroIdParam(BaseModel):
    id: int = Field(ge=1, le=2**31 - 1)


class VociParams(BaseModel):
    centro: int | None = Field(default=None, ge=1, le=2**31 - 1)
    comune: str | None = None

    @field_validator("comune")
    @classmethod
    def _istat(cls, v: str | None) -> str | None:
        if v is not None and not (len(v) == 6 and v.isdigit()):
            raise ValueError("bad_comune")
        return v


_CODE_BY_TYPE = {
    "string_too_long": "too_long",
    "int_parsing": "bad_integer",
    "greater_than_equal": "out_of_range",
    "less_than_equal": "out_of_range",
    "int_from_float": "bad_integer",
}


def parse_params(model: type[BaseModel], raw: dict[str, str]) -> tuple[BaseModel | None, list[FieldError]]:
    """Validate a flat dict of query values; return the model or field errors with stable codes."""
    fields = {k: v for k, v in raw.items() if k in model.model_fields}
    try:
        return model.model_validate(fields), []
    except ValidationError as exc:
        errors = []
        for err in exc.errors():
            field = str(err["loc"][0]) if err["loc"] else "?"
            code = _CODE_BY_TYPE.get(err["type"])
            if code is None:
                msg = str(err.get("ctx", {}).get("error", "")) or err["type"]
                code = msg if msg.startswith("bad_") else "bad_value"
            errors.append(FieldError(field, code, {"value": str(raw.get(field, ""))[:40]}))
        return None, errors
