"""One number that changes with every write to the data parents see.

Each worker keeps an in-memory snapshot of the public data (queries/snapshot.py) and compares
this number per request: a staff save, import or coverage change bumps it in the same
transaction, so every worker sees the change on its next request. The bump is a session event,
so no write path can forget it; tables that parents never see are left out (a login or a
report must not throw the snapshot away).
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import event, insert, update
from sqlalchemy.orm import Session, UOWTransaction
from sqlmodel import Field, SQLModel


class DataVersion(SQLModel, table=True):
    __tablename__ = "data_version"

    id: int = Field(default=1, primary_key=True)
    version: int = 1


# Staff accounts, sessions, throttling, audit, parents' reports, e-mail and the review cycle's
# records: not on any parent's path (a confirmation changes card_entry too, which does bump).
PRIVATE_TABLES = frozenset(
    {
        "data_version",
        "audit_record",
        "error_report",
        "login_attempt",
        "staff_session",
        "staff_user",
        "staff_membership",
        "mail_outbox",
        "review_reminder",
        "review_confirmation",
    }
)


def bump(db: Session) -> None:
    """Add one to the version within the session's transaction (creates the row if missing)."""
    conn = db.connection()
    table = DataVersion.__table__
    if conn.execute(update(table).values(version=table.c.version + 1)).rowcount == 0:
        conn.execute(insert(table).values(id=1, version=1))


def _touches_public(objects: Any) -> bool:
    return any(getattr(o, "__tablename__", None) not in PRIVATE_TABLES for o in objects)


@event.listens_for(Session, "before_flush")
def _bump_on_flush(db: Session, _flush: UOWTransaction, _instances: Any) -> None:
    if (
        _touches_public(db.new)
        or _touches_public(db.deleted)
        or _touches_public(o for o in db.dirty if db.is_modified(o))
    ):
        bump(db)


@event.listens_for(Session, "do_orm_execute")
def _bump_on_bulk(state: Any) -> None:
    # `session.execute(update(CardEntry)…)` and bulk deletes/inserts bypass the flush.
    if not (state.is_update or state.is_delete or state.is_insert):
        return
    table = getattr(state.statement, "table", None)
    if table is not None and getattr(table, "name", None) not in PRIVATE_TABLES:
        bump(state.session)
