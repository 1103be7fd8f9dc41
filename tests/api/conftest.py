import pytest
from fastapi.testclient import TestClient

from zerosei_app.api.app import api


@pytest.fixture
def client():
    # The real FastAPI app in-process, on the run's seeded database; errors come back as responses.
    with TestClient(api, raise_server_exceptions=False) as c:
        yield c
