"""Centres as staff manage them: profile (staff of the centre), name/ente/verification, add, close (Regione)."""

from __future__ import annotations

from sqlmodel import Session, col, select

from zerosei_app.models import EnteGestore


def enti(db: Session) -> list[EnteGestore]:
    return list(db.exec(select(EnteGestore).order_by(col(EnteGestore.nome))).all())
