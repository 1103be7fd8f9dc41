"""Alembic environment wired to SQLModel.metadata and the configured DATABASE_URL."""

from logging.config import fileConfig

from sqlmodel import SQLModel

import zerosei_app.models  # noqa: F401  (registers every table)
from alembic import context
from zerosei_app.db import make_engine
from zerosei_app.settings import get_settings

config = context.config
if config.config_file_name is not None and config.attributes.get("configure_logger", True):
    fileConfig(config.config_file_name, disable_existing_loggers=False)

target_metadata = SQLModel.metadata


def _url() -> str:
    # Tests pass their own URL through config attributes.
    return config.attributes.get("database_url") or get_settings().database_url


def run_migrations_offline() -> None:
    context.configure(url=_url(), target_metadata=target_metadata, literal_binds=True, render_as_batch=True)
    with context.begin_transaction():
        context.run_migrations()


def run_migrations_online() -> None:
    connection = config.attributes.get("connection")
    if connection is not None:
        _run(connection)
        return
    engine = make_engine(_url())
    with engine.connect() as conn:
        _run(conn)
    engine.dispose()


def _run(connection) -> None:
    # render_as_batch: SQLite can only ALTER tables by copying them. Copying a table that other rows
    # point to (DROP TABLE + rename) fails with foreign keys on, so SQLite migrates with them off
    # (the pragma only takes effect outside a transaction) and checks them all before committing.
    sqlite = connection.dialect.name == "sqlite"
    if sqlite:
        connection.exec_driver_sql("PRAGMA foreign_keys=OFF")
        connection.commit()  # SQLAlchemy began a transaction for the pragma: end it before migrating
    context.configure(connection=connection, target_metadata=target_metadata, render_as_batch=True)
    try:
        with context.begin_transaction():
            context.run_migrations()
            if sqlite:
                broken = connection.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
                if broken:
                    raise RuntimeError(f"migration left rows pointing nowhere: {broken[:5]}")
    finally:
        if sqlite:
            connection.exec_driver_sql("PRAGMA foreign_keys=ON")
            connection.commit()


if context.is_offline_mode():
    run_migrations_offline()
else:
    run_migrations_online()
