from __future__ import annotations

import pytest

from zerosei_app.domain.comuni_search import ComuneIndex, load_records_from_csv

from .synthetic_comuni import CSV_PATH


@pytest.fixture(scope="session")
def piemonte() -> ComuneIndex:
    return ComuneIndex(load_records_from_csv(CSV_PATH))
