"""Dated sessions of the entries as HSDS schedules (filled in once entries have sessions)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from sqlmodel import Session

if TYPE_CHECKING:
    from zerosei_app.queries.hsds import HsdsData
    from zerosei_app.schemas.hsds import ScheduleOut


def schedules_by_entry(session: Session, data: HsdsData) -> dict[int, list[ScheduleOut]]:
    return {}
