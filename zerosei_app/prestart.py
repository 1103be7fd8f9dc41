"""Prestart step for `make run`: migrate the database to head, seed it if empty, bring a database
seeded earlier up to the current data (data/seed_update.py: new centres, official contacts; what
staff edited stays), and apply the coverage rule to comuni it does not reach yet. A second start
changes nothing."""

from __future__ import annotations

import sys
import time

from alembic.config import Config
from sqlmodel import Session

from alembic import command
from zerosei_app.commands.carta_slugs import ensure_slugs
from zerosei_app.commands.staff_coverage import reinfer_uncovered
from zerosei_app.data.seed import seed_if_empty
from zerosei_app.data.seed_update import apply_update
from zerosei_app.db import get_engine, make_engine
from zerosei_app.domain import clock
from zerosei_app.settings import PROJECT_ROOT


def alembic_config(database_url: str | None = None) -> Config:
    cfg = Config(str(PROJECT_ROOT / "alembic.ini"))
    cfg.set_main_option("script_location", str(PROJECT_ROOT / "alembic"))
    if database_url:
        cfg.attributes["database_url"] = database_url
    return cfg


def migrate(database_url: str | None = None) -> None:
    command.upgrade(alembic_config(database_url), "head")


def prepare(database_url: str | None = None) -> bool:
    """Migrate to head, then seed if empty; True when it seeded. Used by make run, tests, bench."""
    migrate(database_url)
    engine = make_engine(database_url) if database_url else get_engine()
    with Session(engine) as db:
        seeded = seed_if_empty(db)
        if not seeded and apply_update(db, clock.now()).changed:
            db.commit()
        if reinfer_uncovered(db, None, clock.now()):
            db.commit()
        if ensure_slugs(db):
            db.commit()
    if database_url:
        engine.dispose()
    return seeded


def main() -> int:
    from zerosei_app.settings import get_mail_settings

    mail = get_mail_settings()  # a bad ZEROSEI_SMTP_* stops `make run` here, naming the variable
    if mail.uses_files:
        print(f"prestart: no ZEROSEI_SMTP_HOST: e-mail is written as .eml files to {mail.outbox_dir}")
    t0 = time.perf_counter()
    seeded = prepare()
    took = time.perf_counter() - t0
    print(f"prestart: database at head; {'seeded' if seeded else 'already seeded'} ({took:.1f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
