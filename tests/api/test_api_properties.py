"""No query string, however odd, makes the API answer 500 (hypothesis)."""

from __future__ import annotations

from urllib.parse import quote

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

KEYS = ["comune", "nascita", "attesa", "temi", "lang", "q", "limit", "centro", "utm_source", "x"]
VALUES = st.one_of(
    st.text(max_size=60),
    st.sampled_from(
        [
            "001272",
            "001255",
            "999999",
            "2025-01",
            "2099-12",
            "1900-01",
            "en",
            "it",
            "gioco-socialita",
            "<script>alert(1)</script>",
            "%00",
            "'; drop table comune;--",
            "0",
            "-1",
            "51",
            "1e99",
        ]
    ),
    st.text(max_size=400).map(lambda s: s * 3),
)
PAIRS = st.lists(st.tuples(st.sampled_from(KEYS) | st.text(max_size=10), VALUES), max_size=8)
PATHS = ["/api/v1/percorso", "/api/v1/comuni", "/api/v1/voci", "/api/v1/centri"]


def _qs(pairs) -> str:
    return "&".join(f"{quote(k, safe='')}={quote(v, safe=',')}" for k, v in pairs)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(path=st.sampled_from(PATHS), pairs=PAIRS)
def test_never_500_on_any_query(client, path, pairs):
    r = client.get(f"{path}?{_qs(pairs)}")
    assert r.status_code in (200, 404, 422), r.text
    body = r.json()
    if r.status_code != 200:
        assert body["detail"] and all(d["messaggio"] for d in body["detail"])


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(raw=st.text(max_size=300))
def test_never_500_on_raw_query(client, raw):
    r = client.get("/api/v1/percorso?" + quote(raw, safe="=&,"))
    assert r.status_code in (200, 404, 422)


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(cid=st.text(min_size=1, max_size=30).filter(lambda s: "/" not in s and s not in (".", "..")))
def test_never_500_on_centro_id(client, cid):
    r = client.get(f"/api/v1/centri/{quote(cid, safe='')}")
    assert r.status_code in (200, 404, 422)
