"""Shared pieces of the CSV import pages: the dry-run table rows and reading an upload or a paste."""

from __future__ import annotations

import dataclasses
from typing import Any

from zerosei_app.domain.csv_common import MAX_BYTES
from zerosei_app.queries.csv_import import ImportPlan
from zerosei_app.settings import get_settings

# After each upload the picker forgets the file, so choosing the same (corrected) file again is
# seen. (Reflex's clear_selected_files needs a provider the immediate-upload dropzone lacks.)
RESET_FILE_INPUTS_JS = "document.querySelectorAll('input[type=file]').forEach(function(i){i.value=''})"

ACTION_LABELS = {
    "nuova": "Da aggiungere",
    "modifica": "Da aggiornare",
    "invariata": "Invariata",
    "errore": "Da correggere",
}


@dataclasses.dataclass
class PlanRow:
    line: int
    action: str
    action_label: str
    label: str
    errors: list[str]


def plan_rows(plan: ImportPlan) -> list[PlanRow]:
    # Rows with errors first: they are what the user has to act on.
    rows = sorted(plan.rows, key=lambda r: (r.action != "errore", r.line))
    return [PlanRow(r.line, r.action, ACTION_LABELS.get(r.action, r.action), r.label, list(r.errors)) for r in rows]


def summary(plan: ImportPlan) -> str:
    if plan.file_errors:
        return "Il file non si può importare così com'è."
    parts = [
        f"{plan.count('nuova')} da aggiungere",
        f"{plan.count('modifica')} da aggiornare",
        f"{plan.count('invariata')} invariate",
    ]
    errors = plan.count("errore")
    head = f"{len(plan.rows)} righe lette: " + ", ".join(parts)
    return head + (f"; {errors} da correggere." if errors else ".")


async def read_upload(files: Any) -> tuple[bytes | None, str, str]:
    """(data, file name, problem)."""
    if not isinstance(files, list) or not files:
        return None, "", "Nessun file ricevuto."
    f = files[0]
    name = (getattr(f, "name", None) or getattr(f, "filename", None) or "file.csv")[:120]
    data = await f.read(MAX_BYTES + 1)
    if len(data) > MAX_BYTES:
        return None, name, f"Il file è troppo grande (massimo {MAX_BYTES // 1_000_000} MB)."
    return data, name, ""


# Room in a websocket message for the event around the pasted text (its name, token, page URL).
_EVENT_ROOM = 8192


def paste_limit() -> int:
    """Characters a paste box takes: pasted text travels in ONE websocket message, and a message over
    ZEROSEI_WS_MAX_MESSAGE_BYTES is refused before it is read (web/ws_guard.py), the socket closed
    and the text lost without a word. A character is at most 3 bytes there (UTF-8 of one UTF-16
    unit; a newline or a quote is 2 once escaped). The page's box takes one character more, so a
    longer paste is cut by the browser to a text this side refuses, never to a shorter CSV read as
    whole; a file goes through the upload (HTTP, up to MAX_BYTES)."""
    return max(1000, (get_settings().ws_max_message_bytes - _EVENT_ROOM) // 3)


def _thousands(n: int) -> str:
    return f"{n:,}".replace(",", ".")


def paste_hint(limit: int) -> str:
    return (
        f"Fino a {_thousands(limit)} caratteri; per un file più lungo usa «Scegli il file CSV» "
        f"(fino a {MAX_BYTES // 1_000_000} MB)."
    )


def paste_too_long(limit: int) -> str:
    return (
        f"Il testo incollato è troppo lungo per il riquadro (al massimo {_thousands(limit)} caratteri): "
        f"carica il file con «Scegli il file CSV» (fino a {MAX_BYTES // 1_000_000} MB)."
    )


def read_paste(form: Any) -> tuple[bytes | None, str]:
    text = form.get("csv", "") if isinstance(form, dict) else ""
    if not isinstance(text, str) or not text.strip():
        return None, "Incolla il contenuto del file nel riquadro."
    if len(text) > paste_limit():
        return None, paste_too_long(paste_limit())
    data = text.encode("utf-8")
    if len(data) > MAX_BYTES:
        return None, f"Il testo è troppo lungo (massimo {MAX_BYTES // 1_000_000} MB)."
    return data, ""
