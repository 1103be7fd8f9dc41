"""Comuni: lookup and the in-memory search index (comuni change a few times a year)."""

from __future__ import annotations

import threading

from sqlmodel import Session, select

from zerosei_app.domain.comuni_search import ComuneIndex, ComuneRecord
from zerosei_app.models import Comune

_lock = threading.Lock()
_index: ComuneIndex | None = None


def build_index(db: Session) -> ComuneIndex:
    rows = db.exec(
        select(Comune.codice_istat, Comune.name, Comune.sigla_provincia, Comune.cap, Comune.population)
    ).all()
    return ComuneIndex(
        ComuneRecord(code, name, prov, tuple(cap or ()), population) for code, name, prov, cap, population in rows
    )


def comune_index(db: Session) -> ComuneIndex:
    """The process-wide index, built on first use."""
    global _index
    if _index is None:
        with _lock:
            if _index is None:
                _index = build_index(db)
    return _index


def get_comune(db: Session, codice_istat: str) -> Comune | None:
    return db.get(Comune, codice_istat)
