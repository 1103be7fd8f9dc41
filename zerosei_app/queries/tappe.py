"""The tappe as stored: plain rows, in the order a family meets them (view/tappe_out.py words them)."""

from __future__ import annotations

from sqlmodel import Session

from zerosei_app.domain.tappe import end_of, fit_key
from zerosei_app.models import Tappa
from zerosei_app.queries.snapshot import public_data


def all_tappe(session: Session) -> list[Tappa]:
    """Every tappa, from pregnancy to 6 years in the order a family meets them (the Carta's print edition)."""
    return sorted(public_data(session).tappe, key=lambda x: (x.eta_da_mesi, end_of(x), *fit_key(x)))


# TEMP until merge: queries/percorso.py and state/percorso.py (pipe branch) import these from here; their
# home is view/tappe_out.py. Looked up lazily so that queries/ keeps no import arrow to view/.
_MOVED = ("tappa_fields", "tappe_for_child", "fonte_out", "funzioni_out")


def __getattr__(name: str):
    if name in _MOVED:
        from importlib import import_module

        return getattr(import_module("zerosei_app.view.tappe_out"), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
