"""Centres as staff manage them, read: the enti gestori to choose from (the writes: commands/staff_centri.py)."""

from __future__ import annotations

from sqlmodel import Session, col, select

from zerosei_app.models import EnteGestore


def enti(db: Session) -> list[EnteGestore]:
    return list(db.exec(select(EnteGestore).order_by(col(EnteGestore.name))).all())
