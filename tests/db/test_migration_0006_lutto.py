"""Revision 0006: a database seeded before the topic "lutto" existed gets it on its bereavement service."""

from __future__ import annotations

import sqlalchemy as sa
from sqlmodel import Session, select

from alembic import command
from zerosei_app.data.seed import seed_if_empty
from zerosei_app.db import make_engine
from zerosei_app.models import CardEntry
from zerosei_app.prestart import alembic_config, migrate

TITLE = "Accompagnamento nell'elaborazione del lutto"


def _topics(engine) -> list[list[str]]:
    # Plain SQL, not the model: after a downgrade the table lacks the columns later revisions add.
    table = sa.table("card_entry", sa.column("title", sa.String), sa.column("topics", sa.JSON))
    with engine.connect() as conn:
        return [row.topics for row in conn.execute(sa.select(table.c.topics).where(table.c.title == TITLE))]


def test_the_bereavement_service_is_retagged_both_ways(tmp_path):
    url = f"sqlite:///{tmp_path / 'l.db'}"
    migrate(url)
    engine = make_engine(url)
    with Session(engine) as s:
        seed_if_empty(s)
        # 0006 retags the row as the earlier release seeded it: an example (the seed no longer writes examples).
        for e in s.exec(select(CardEntry).where(CardEntry.title == TITLE)).all():
            e.is_example = True
            s.add(e)
        s.commit()
    assert _topics(engine) and all(t == ["lutto"] for t in _topics(engine))
    cfg = alembic_config(url)
    command.downgrade(cfg, "0004")  # the revision before 0006: as it was seeded before
    assert all(t == ["essere-genitori"] for t in _topics(engine))
    command.upgrade(cfg, "head")
    assert all(t == ["lutto"] for t in _topics(engine))
    engine.dispose()
