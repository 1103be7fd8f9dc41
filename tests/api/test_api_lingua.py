"""/api/v1/percorso?lingua=…: the 'in my language' filter of the path link."""

from zerosei_app.domain import clock
from zerosei_app.domain.months import YearMonth

BORN = YearMonth.of(clock.today()).plus(-18)


def test_lingua_is_answered_and_never_assumed(client):
    r = client.get(f"/api/v1/percorso?comune=001255&nascita={BORN}&lingua=ar")
    assert r.status_code == 200
    body = r.json()
    # The seed's entries are examples: no centre has stated Arabic, so the whole path and trovata false.
    assert body["lingua"] == {"codice": "ar", "nome": "arabo", "trovata": False}
    assert body["lingue_dichiarate"] == []
    assert body["figli"][0]["adesso"] and body["link"].endswith("&lingua=ar")
    assert body["url"].endswith("&lingua=ar")
    plain = client.get(f"/api/v1/percorso?comune=001255&nascita={BORN}").json()
    assert plain["lingua"] is None and plain["figli"] == body["figli"]


def test_a_bad_lingua_says_what_is_valid(client):
    r = client.get(f"/api/v1/percorso?comune=001255&nascita={BORN}&lingua=arabic&lang=en")
    assert r.status_code == 422
    [detail] = r.json()["detail"]
    assert detail["campo"] == "lingua" and detail["codice"] == "bad_lingua"
    assert "2-letter code" in detail["messaggio"]
