"""Card entries as parents see them."""

from __future__ import annotations

from collections.abc import Sequence

from sqlmodel import Session, col, select

from zerosei_app.models import CardEntry
from zerosei_app.queries.backed import backed_entries


def published_entries(db: Session, centro_ids: Sequence[int]) -> list[CardEntry]:
    if not centro_ids:
        return []
    return list(
        db.exec(
            select(CardEntry).where(
                col(CardEntry.centro_id).in_(list(centro_ids)),
                *backed_entries(),
            )
        ).all()
    )
