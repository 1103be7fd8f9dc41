"""An in-memory snapshot of what parents' paths read: comuni, serving centres, published entries.

A path used to cost three ORM queries (a few hundred rows) per request; on one worker those
row-by-row SQLite calls, each releasing and re-taking the GIL in the thread pool, were most of
the time. Now a request reads one number, `data_version.version` (models/data_version.py),
and uses the snapshot built for that number; staff writes bump it in their own transaction, so
every worker rebuilds on its next request after a change and no parent ever sees stale data.

The snapshot holds the ORM rows themselves (detached, loaded in full), so new columns reach the
path without changes here. Treat them as read-only: they are shared by every request. A new table
the path reads: load it in `_build` (writes to it already bump the version, unless it is listed in
models/data_version.PRIVATE_TABLES).
"""

from __future__ import annotations

import asyncio
import threading
import weakref
from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass, field
from typing import Any, TypeVar

from sqlalchemy import create_engine, event
from sqlalchemy.engine import Engine
from sqlalchemy.exc import DBAPIError
from sqlmodel import Session, col, select

from zerosei_app.models import CardEntry, Chiusura, Comune, ComuneEnteGestore, DataVersion, EnteGestore, Tappa
from zerosei_app.queries.backed import backed_entries
from zerosei_app.queries.centri import ServingCentro, serving_by_comune

T = TypeVar("T")


@dataclass
class PublicData:
    version: int
    comuni: dict[str, Comune]
    serving: dict[str, list[ServingCentro]]  # by comune, in centri_for_comune's order
    entries: dict[int, list[CardEntry]]  # published, by centre
    ente_of: dict[str, EnteGestore]  # the ente gestore the sources name for a comune
    tappe: list[Tappa] = field(default_factory=list)  # the public steps 0-6, the same for every comune
    # Temporary closures of whole centres (by centre) and of single entries (by entry); which one
    # families see depends on the day, so it is chosen per request (domain/chiusure.to_announce).
    chiusure_centro: dict[int, list[Chiusura]] = field(default_factory=dict)
    chiusure_entry: dict[int, list[Chiusura]] = field(default_factory=dict)
    _memo: dict[Hashable, Any] = field(default_factory=dict, repr=False)

    def comune(self, codice_istat: str | None) -> Comune | None:
        return self.comuni.get(codice_istat) if codice_istat else None

    def centri_for_comune(self, codice_istat: str) -> list[ServingCentro]:
        return list(self.serving.get(codice_istat, ()))

    def published_entries(self, centro_ids: Sequence[int]) -> list[CardEntry]:
        return [e for cid in centro_ids for e in self.entries.get(cid, ())]

    def memo(self, key: Hashable, make: Callable[[], T]) -> T:
        """A value derived from this snapshot (e.g. an entry's API form), computed once per version."""
        try:
            return self._memo[key]
        except KeyError:
            value = self._memo[key] = make()
            return value


_lock = threading.Lock()
_by_engine: weakref.WeakKeyDictionary[Engine, PublicData] = weakref.WeakKeyDictionary()
_readers: weakref.WeakKeyDictionary[Engine, Engine] = weakref.WeakKeyDictionary()
_VERSION_SQL = "SELECT version FROM data_version WHERE id = 1"


def _reader(engine: Engine) -> Engine | None:
    """A second, small engine on the same database, for the version read only.

    Parents' requests run in the event loop (api/app.py, state/percorso.py): this read never waits
    for the shared pool (which staff work can exhaust), and a primary-key read of a one-row table
    never waits for writers either (SQLite in WAL mode, PostgreSQL's MVCC). An in-memory SQLite
    database can't be opened twice: None, and the session's own connection is used."""
    url = engine.url
    if url.get_backend_name() == "sqlite" and url.database in (None, "", ":memory:"):
        return None
    reader = _readers.get(engine)
    if reader is None:
        args = {"check_same_thread": False} if url.get_backend_name() == "sqlite" else {}
        # Unbounded overflow: a checkout never waits (a thread holds a connection for microseconds).
        reader = _readers.setdefault(engine, create_engine(url, pool_size=4, max_overflow=-1, connect_args=args))
        event.listen(engine, "engine_disposed", lambda _engine: reader.dispose())
    return reader


def current_version(db: Session) -> int:
    """`data_version.version` (0 when the row is missing); about 10 µs on SQLite."""
    reader = None if db.in_transaction() else _reader(db.get_bind())
    if reader is None:  # inside a transaction: read through it, so its own writes count
        return db.connection().exec_driver_sql(_VERSION_SQL).scalar() or 0
    for attempt in (1, 2):
        conn = reader.raw_connection()
        try:
            cur = conn.cursor()
            cur.execute(_VERSION_SQL)
            row = cur.fetchone()
            cur.close()
            conn.rollback()  # end the read transaction (PostgreSQL would keep it open)
            return row[0] if row else 0
        except DBAPIError:
            conn.invalidate()  # e.g. the database restarted: reconnect once
            if attempt == 2:
                raise
        except Exception:
            conn.invalidate()
            raise
        finally:
            conn.close()
    return 0


def public_data(db: Session) -> PublicData:
    """The snapshot for the database's current version (rebuilt, once, when it has changed)."""
    engine = db.get_bind()
    return _ensure(engine, current_version(db))


async def fresh(db: Session) -> None:
    """For callers in the event loop, before `public_data`: a rebuild (about 70 ms of CPU on the
    seed data, more at national scale) runs in a thread, so the loop keeps serving meanwhile."""
    engine = db.get_bind()
    version = current_version(db)
    snap = _by_engine.get(engine)
    if snap is None or snap.version != version:
        await asyncio.to_thread(_ensure, engine, version)


def _ensure(engine: Engine, version: int) -> PublicData:
    snap = _by_engine.get(engine)
    if snap is not None and snap.version == version:
        return snap
    with _lock:
        snap = _by_engine.get(engine)
        if snap is None or snap.version != version:
            snap = _build(engine)
            _by_engine[engine] = snap
    return snap


def _build(engine: Engine) -> PublicData:
    # The version is read first: data written after it only makes the next request rebuild again.
    with Session(engine) as s:
        version = s.exec(select(DataVersion.version).where(DataVersion.id == 1)).first() or 0
        comuni = {c.codice_istat: c for c in s.exec(select(Comune)).all()}
        serving = serving_by_comune(s)
        entries: dict[int, list[CardEntry]] = {}
        rows = s.exec(select(CardEntry).where(*backed_entries()).order_by(col(CardEntry.id))).all()
        for e in rows:
            entries.setdefault(e.centro_id, []).append(e)
        enti = {e.id: e for e in s.exec(select(EnteGestore)).all()}
        ente_of = {
            link.codice_istat: enti[link.ente_gestore_id]
            for link in s.exec(select(ComuneEnteGestore)).all()
            if link.ente_gestore_id in enti
        }
        tappe = list(s.exec(select(Tappa).order_by(col(Tappa.id))).all())
        chiusure_centro: dict[int, list[Chiusura]] = {}
        chiusure_entry: dict[int, list[Chiusura]] = {}
        for c in s.exec(select(Chiusura).order_by(col(Chiusura.starts_on), col(Chiusura.id))).all():
            if c.entry_id is None:
                chiusure_centro.setdefault(c.centro_id, []).append(c)
            else:
                chiusure_entry.setdefault(c.entry_id, []).append(c)
        s.expunge_all()
    return PublicData(version, comuni, serving, entries, ente_of, tappe, chiusure_centro, chiusure_entry)
