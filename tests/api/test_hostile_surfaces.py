"""What an outside tester tried on the surfaces added with the HSDS API and the calendars (review of 2026-11-29)."""

import pytest


@pytest.mark.parametrize("path", ["/api/v1/hsds/services", "/api/v1/hsds/taxonomies", "/api/v1/hsds/"])
def test_hsds_addresses_answer_like_the_rest_of_the_api(client, path):
    assert client.options(path).status_code == 204
    r = client.post(path)
    assert r.status_code == 405 and "GET" in r.headers["allow"] and r.json()["detail"][0]["codice"]
    if not path.endswith("/"):
        r = client.get(path + "/", follow_redirects=False)
        assert r.status_code == 308 and r.headers["location"] == path


def test_an_unknown_hsds_address_is_a_json_404(client):
    r = client.get("/api/v1/hsds/nothing")
    assert r.status_code == 404 and r.json()["detail"][0]["codice"] == "not_found"


def test_calendars_answer_head(client):
    assert client.head("/calendario/voce/1.ics").status_code == 200
    assert client.head("/percorso.ics?comune=001272&nascita=2025-05").status_code == 200


@pytest.mark.parametrize(
    "query",
    [
        "comune=001272&nascita=2025-05&lang=xx",  # an unknown language: Italian, as on the page
        "comune=001272&comune=004078&nascita=2025-05",  # two comuni: the first one we know
        "comune=001272&nascita=2025-05&temi=" + ",".join(["gioco-socialita"] * 400),  # a list cut short
    ],
)
def test_the_path_feed_keeps_a_mangled_links_valid_parts(client, query):
    r = client.get(f"/percorso.ics?{query}")
    assert r.status_code == 200 and r.text.startswith("BEGIN:VCALENDAR")


def test_the_path_feed_still_refuses_a_link_with_no_path(client):
    assert client.get("/percorso.ics?nascita=2025-05").status_code == 422


@pytest.mark.parametrize("needle", ["%", "!!!", "😀", "\\\\"])
def test_a_search_of_only_symbols_finds_nothing(client, needle):
    r = client.get("/api/v1/hsds/services", params={"search": needle})
    assert r.status_code == 200 and r.json()["total_items"] == 0
