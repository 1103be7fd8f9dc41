"""What a parent reads on the path page for one entry, as plain strings (for the staff preview)."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

from .local_time import day
from .staff_labels import age_range_words, category_label, topic_label

LANGUAGE_NAMES = {"it": "italiano", "en": "inglese", "fr": "francese", "es": "spagnolo", "ar": "arabo",
                  "ro": "romeno", "sq": "albanese", "zh": "cinese", "de": "tedesco", "uk": "ucraino", "ru": "russo"}


def preview_fields(v: Mapping[str, Any]) -> dict[str, Any]:
    reviewed = v.get("last_reviewed_on")
    if isinstance(reviewed, str) and reviewed:
        reviewed = date.fromisoformat(reviewed)
    cost = "Gratuito" if v.get("cost_free", True) else "A pagamento"
    if v.get("cost_note"):
        cost = f"{cost} · {v['cost_note']}" if v.get("cost_free", True) else str(v["cost_note"])
    where = v.get("location") or ""
    if v.get("online"):
        where = f"{where} · anche online" if where else "Online"
    langs = [LANGUAGE_NAMES.get(code, code) for code in (v.get("languages") or ["it"])]
    return {
        "titolo": v.get("title") or "",
        "sintesi": v.get("summary") or "",
        "descrizione": v.get("description") or "",
        "area": category_label(v.get("category") or ""),
        "temi": [topic_label(t) for t in (v.get("topics") or [])],
        "eta": age_range_words(int(v.get("age_min_months", -9)), int(v.get("age_max_months", 72))),
        "ente": v.get("provider") or "",
        "dove": where,
        "quando": v.get("schedule") or "",
        "costo": cost,
        "accesso": v.get("access") or "",
        "telefono": v.get("contact_phone") or "",
        "email": v.get("contact_email") or "",
        "sito": v.get("contact_url") or "",
        "lingue": ", ".join(langs) if langs != ["italiano"] else "",
        "verificato_il": day(reviewed) if reviewed else "",
        "esempio": bool(v.get("is_example")),
    }
