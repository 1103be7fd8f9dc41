"""The tappe as stored: plain rows, in the order a family meets them (view/tappe_out.py words them)."""

from __future__ import annotations

from sqlmodel import Session

from zerosei_app.domain.tappe import end_of, fit_key
from zerosei_app.models import Tappa
from zerosei_app.queries.snapshot import public_data


def all_tappe(db: Session) -> list[Tappa]:
    """Every tappa, from pregnancy to 6 years in the order a family meets them (the Carta's print edition)."""
    return sorted(public_data(db).tappe, key=lambda x: (x.age_min_months, end_of(x), *fit_key(x)))
