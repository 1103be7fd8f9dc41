import os

import pytest

from zerosei_app.db import make_engine


def postgres_url_or_skip() -> str:
    url = os.environ.get("ZEROSEI_TEST_POSTGRES_URL")
    if not url:
        if os.environ.get("CI"):
            pytest.fail("ZEROSEI_TEST_POSTGRES_URL must be set in CI (.ci/run starts PostgreSQL)")
        pytest.skip("no PostgreSQL here (set ZEROSEI_TEST_POSTGRES_URL; .ci/run does)")
    return url


def reset_postgres(url: str) -> None:
    engine = make_engine(url)
    with engine.begin() as conn:
        conn.exec_driver_sql("DROP SCHEMA public CASCADE; CREATE SCHEMA public")
    engine.dispose()


@pytest.fixture(params=["sqlite", "postgresql"])
def empty_url(request, tmp_path):
    """An empty database of each supported kind."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'm.db'}"
    url = postgres_url_or_skip()
    reset_postgres(url)
    return url
