"""Error messages of the API, for the people who write API clients.

The page's texts (i18n catalogues) talk to parents and describe what the page does ("we kept
the first 6", "we show the page in Italian"); the API does none of that, it rejects the request.
So the API says what is wrong and what is valid. Codes without a text here fall back to the
shared catalogue.
"""

from __future__ import annotations

import contextlib
from typing import Any

from zerosei_app.domain.catalog import MAX_AGE_MONTHS, MIN_AGE_MONTHS, PROVINCE, TOPICS
from zerosei_app.domain.errors import FieldError
from zerosei_app.domain.months import YearMonth
from zerosei_app.i18n import LANGUAGES
from zerosei_app.i18n.format import month_year

# The API's own messages are for the people who write clients: Italian and English. A request in
# another of the page languages (`/percorso?lang=ar` gives its texts in Arabic) gets them in English.
API_LANGS = ("it", "en")
_TOPICS = ", ".join(TOPICS)

MESSAGES: dict[str, dict[str, str]] = {
    "bad_comune": {
        "it": "«{value}» non è un codice ISTAT di comune: servono 6 cifre, per esempio 001272 (Torino). "
        "Il codice si trova con /api/v1/comuni?q=<nome o CAP>.",
        "en": "“{value}” is not a comune's ISTAT code: it takes 6 digits, e.g. 001272 (Torino). "
        "Look the code up with /api/v1/comuni?q=<name or CAP>.",
    },
    "several_comuni": {
        "it": "«comune» contiene più codici ISTAT: indicane uno solo.",
        "en": "“comune” holds several ISTAT codes: give only one.",
    },
    "unknown_comune": {
        "it": "Nessun comune ha il codice ISTAT «{value}». Il codice si trova con /api/v1/comuni?q=<nome o CAP>.",
        "en": "No comune has the ISTAT code “{value}”. Look the code up with /api/v1/comuni?q=<name or CAP>.",
    },
    "unknown_centro": {
        "it": "Nessun centro aperto ha l'id «{value}». L'elenco dei centri è in /api/v1/centri.",
        "en": "No open centre has the id “{value}”. The list of centres is at /api/v1/centri.",
    },
    "bad_month": {
        "it": "«{value}» non è un mese valido in «{campo}»: usa il formato AAAA-MM, per esempio 2025-03.",
        "en": "“{value}” is not a valid month in “{campo}”: use the format YYYY-MM, e.g. 2025-03.",
    },
    "birth_in_future": {
        "it": "Il mese di nascita {month} è nel futuro. Per una nascita prevista usa il parametro «attesa».",
        "en": "The birth month {month} is in the future. For an expected birth use the “attesa” parameter.",
    },
    "too_old": {
        "it": f"Con la nascita a {{month}} il bambino ha già {{years}} anni: «nascita» ammette bambini fino a 6 anni "
        f"({MAX_AGE_MONTHS} mesi).",
        "en": f"Born in {{month}}, the child is already {{years}}: “nascita” accepts children up to 6 years "
        f"({MAX_AGE_MONTHS} months).",
    },
    "expected_too_far": {
        "it": f"La nascita prevista per {{month}} è tra {{months}} mesi: «attesa» ammette al massimo {-MIN_AGE_MONTHS} mesi "
        "da oggi.",
        "en": f"The expected birth in {{month}} is {{months}} months away: “attesa” accepts at most {-MIN_AGE_MONTHS} months "
        "from now.",
    },
    "too_many_children": {
        "it": "Al massimo {max} bambini per richiesta, contando «nascita» e «attesa» insieme.",
        "en": "At most {max} children per request, counting “nascita” and “attesa” together.",
    },
    "unknown_topic": {
        "it": f"Il tema «{{value}}» non esiste. Temi validi: {_TOPICS}.",
        "en": f"There is no topic “{{value}}”. Valid topics: {_TOPICS}.",
    },
    "bad_provincia": {
        "it": "«{value}» non è una provincia del Piemonte. Valori validi: " + ", ".join(PROVINCE) + ".",
        "en": "“{value}” is not a province of Piemonte. Valid values: " + ", ".join(PROVINCE) + ".",
    },
    "bad_lang": {
        "it": "La lingua «{value}» non è disponibile. Valori validi: " + ", ".join(LANGUAGES) + ".",
        "en": "The language “{value}” is not available. Valid values: " + ", ".join(LANGUAGES) + ".",
    },
    "bad_lingua": {
        "it": "«{value}» non è un codice di lingua: «lingua» vuole un codice di 2 lettere (ISO 639-1), per esempio «ar».",
        "en": "“{value}” is not a language code: “lingua” takes a 2-letter code (ISO 639-1), e.g. “ar”.",
    },
    "missing_comune": {
        "it": "Manca «comune»: il codice ISTAT a 6 cifre del comune della famiglia.",
        "en": "“comune” is missing: the 6-digit ISTAT code of the family's comune.",
    },
    "missing_child": {
        "it": "Serve almeno un bambino: un mese in «nascita» (AAAA-MM) oppure in «attesa».",
        "en": "At least one child is needed: a month in “nascita” (YYYY-MM) or in “attesa”.",
    },
    "too_long": {
        "it": "Il valore di «{campo}» è troppo lungo: al massimo {max_chars} caratteri.",
        "en": "The value of “{campo}” is too long: {max_chars} characters at most.",
    },
    "bad_integer": {
        "it": "«{value}» non è un numero intero valido per «{campo}».",
        "en": "“{value}” is not a valid whole number for “{campo}”.",
    },
    "out_of_range": {
        "it": "«{campo}» vale {value}, fuori dai limiti: deve essere tra {min} e {max}.",
        "en": "“{campo}” is {value}, out of range: it must be between {min} and {max}.",
    },
    "out_of_range_min": {
        "it": "«{campo}» vale {value}, fuori dai limiti: deve essere almeno {min}.",
        "en": "“{campo}” is {value}, out of range: it must be at least {min}.",
    },
    "repeated": {
        "it": "«{campo}» compare più volte con valori diversi ({value}): indicane uno solo.",
        "en": "“{campo}” is given several times with different values ({value}): give only one.",
    },
    "bad_value": {
        "it": "Il valore di «{campo}» non è valido.",
        "en": "The value of “{campo}” is not valid.",
    },
    "not_found": {
        "it": "Questo indirizzo non esiste nell'API. Gli indirizzi validi sono descritti in /api/v1/openapi.json.",
        "en": "This address does not exist in the API. The valid addresses are described in /api/v1/openapi.json.",
    },
    "method_not_allowed": {
        "it": "Metodo {method} non ammesso: l'API è in sola lettura (GET, HEAD, OPTIONS).",
        "en": "Method {method} not allowed: the API is read-only (GET, HEAD, OPTIONS).",
    },
    # Codes only the HSDS endpoints report (api/hsds.py, api/hsds_params.py).
    "bad_uuid": {
        "it": "«{value}» non è un id valido per «{campo}»: gli id HSDS sono UUID, per esempio "
        "3f1c2b7e-5d2a-5c8e-9a51-3c8e2f4b7d10.",
        "en": "“{value}” is not a valid id for “{campo}”: HSDS ids are UUIDs, e.g. 3f1c2b7e-5d2a-5c8e-9a51-3c8e2f4b7d10.",
    },
    "unknown_hsds_id": {
        "it": "Nessun record «{campo}» pubblicato ha l'id «{value}». Gli elenchi sono in /api/v1/hsds/{campo}s.",
        "en": "No published “{campo}” record has the id “{value}”. The lists are at /api/v1/hsds/{campo}s.",
    },
    "bad_boolean": {
        "it": "«{value}» non vale per «{campo}»: usa true oppure false.",
        "en": "“{value}” is not valid for “{campo}”: use true or false.",
    },
    "bad_datetime": {
        "it": "«{value}» non è una data valida per «{campo}»: usa il formato ISO 8601, per esempio 2026-11-01T00:00:00Z.",
        "en": "“{value}” is not a valid date for “{campo}”: use ISO 8601, e.g. 2026-11-01T00:00:00Z.",
    },
    "internal": {
        "it": "Errore interno: riprova tra qualche minuto.",
        "en": "Internal error: please try again in a few minutes.",
    },
}


def api_lang(raw: str | None) -> str:
    """`en`, `EN`, `en-GB` → en; anything else → it (the language of error messages only)."""
    code = (raw or "").replace("_", "-").split("-", 1)[0].strip().lower()
    return code if code in API_LANGS else "it"


def message(error: FieldError, lang: str = "it") -> str:
    params: dict[str, Any] = {"campo": error.field, **error.params}
    code = error.code
    if code == "too_long":
        params.setdefault("max_chars", params.get("max"))
    if code == "out_of_range" and params.get("max") is None:
        code = "out_of_range_min"
    if isinstance(params.get("month"), str):
        with contextlib.suppress(ValueError):  # not a month: shown as given
            params["month"] = month_year(YearMonth.parse(params["month"]), lang)
    texts = MESSAGES.get(code)
    if texts is not None:
        try:
            return texts.get(lang, texts["en" if lang in LANGUAGES and lang != "it" else "it"]).format(**params)
        except (KeyError, IndexError, ValueError):
            pass
    return error.message(lang)


# Codes only the API reports: their wording is here only, not in the page catalogues (i18n/),
# so they are built with `api_error` (tests/api/test_api_docs.py checks every code has texts).
API_ONLY_CODES = ("repeated", "method_not_allowed", "bad_provincia")


def api_error(field: str, code: str, params: dict[str, Any] | None = None) -> FieldError:
    if code not in MESSAGES:
        raise ValueError(f"no API message for {code!r}")
    return FieldError(field, code, dict(params or {}))
