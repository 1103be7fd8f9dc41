"""What both CSV import states do alike: show a dry run, clear it, and commit all or nothing.

Plain functions on the state (its vars have the same names in both): a Reflex base state would
share one set of vars between the two pages.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol, TypeVar

from sqlmodel import Session

from zerosei_app.commands.csv_import import ImportRefused
from zerosei_app.queries.csv_import import ImportPlan
from zerosei_app.view import staff_messages as m
from zerosei_app.view.staff_import_common import PlanRow, plan_rows, summary

T = TypeVar("T")


class ImportState(Protocol):
    """The vars both import states have (StaffImportState, StaffListsImportState): named here, not imported,
    so that neither state and this module import each other."""

    file_name: str
    plan_summary: str
    file_errors: list[str]
    notes: list[str]
    rows: list[PlanRow]
    can_commit: bool
    flash_error: str
    _data: bytes


def clear_plan(state: ImportState) -> None:
    state.file_name, state.plan_summary, state.file_errors, state.notes, state.rows = "", "", [], [], []
    state.can_commit, state._data = False, b""


def show_plan(state: ImportState, plan: ImportPlan, data: bytes, name: str) -> None:
    """The dry run of `data` on screen; the bytes stay on the server for the commit."""
    state._data, state.file_name = data, name
    state.plan_summary, state.file_errors, state.notes = summary(plan), plan.file_errors, plan.notes
    state.rows = plan_rows(plan)
    state.can_commit = plan.ok


def commit_or_replan(
    state: ImportState, db: Session, commit: Callable[[], T], replan: Callable[[], None], nothing: str
) -> T | None:
    """Apply the import and commit; when the data changed since the dry run nothing is applied and the
    dry run is shown again (`nothing` says what was left untouched)."""
    try:
        result = commit()
        db.commit()
    except ImportRefused:
        db.rollback()
        replan()
        state.flash_error = m.import_refused(nothing)
        return None
    return result
