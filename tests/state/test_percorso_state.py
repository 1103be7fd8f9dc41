"""The path page's state: built from the URL alone, the same content as /api/v1/percorso, filters in place."""

from fastapi.testclient import TestClient
from sqlmodel import Session, select

from tests.state.conftest import navigate, run_async, script_of
from zerosei_app.api.app import api
from zerosei_app.db import get_engine
from zerosei_app.models import ErrorReport
from zerosei_app.settings import get_settings
from zerosei_app.state.percorso import PercorsoState
from zerosei_app.state.report import ReportState

LINK = "comune=001255&nascita=2025-05&attesa=2027-03&temi=gioco-socialita,sonno-pianto"


def shown(s: PercorsoState) -> list:
    return [
        *(e for lst in s.now_lists for e in lst.cards),
        *(e for lst in s.upcoming_lists for e in lst.cards),
        *s.situational,
    ]


def shown_ids(s: PercorsoState) -> list[int]:
    """Each service once, whichever child it fits."""
    ids = [e.id for e in shown(s)]
    assert len(ids) == len(set(ids))
    return sorted(ids)


def test_the_page_shows_what_the_api_returns(state):
    s = state(PercorsoState, f"/percorso?{LINK}")
    run_async(s.on_load())
    assert s.status == "ok" and s.heading == "Il tuo percorso a Sant'Ambrogio di Torino"
    with TestClient(api) as client:
        data = client.get(f"/api/v1/percorso?{LINK}").json()
    expected = sorted({v["id"] for f in data["figli"] for v in [*f["adesso"], *f["prossimi"]]})
    assert shown_ids(s) == expected
    assert s.ages == [f["eta"] for f in data["figli"]]
    assert [c.id for c in s.centri] == [c["id"] for c in data["centri"]]
    assert s.page_title == "Percorso ZeroSei a Sant'Ambrogio di Torino"


def test_share_link_and_qr_use_the_request_origin_or_the_public_url(state, monkeypatch):
    s = state(PercorsoState, f"/percorso?{LINK}&utm_source=chat", origin="https://genitori.example")
    run_async(s.on_load())
    assert (
        s.share_url
        == f"https://genitori.example/percorso?{LINK.replace('gioco-socialita,sonno-pianto', 'sonno-pianto,gioco-socialita')}"
    )
    assert s.qr == f"/percorso/qr.svg?{s.share_url.partition('?')[2]}"  # an image of its own (web/path_qr.py)
    monkeypatch.setattr(get_settings(), "public_url", "https://zerosei.regione.piemonte.it")
    run_async(s.on_load())
    assert s.share_url.startswith("https://zerosei.regione.piemonte.it/percorso?comune=001255")


def test_topic_filter_updates_content_and_url_in_place(state):
    s = state(PercorsoState, "/percorso?comune=001255&nascita=2025-05")
    run_async(s.on_load())
    everything = shown_ids(s)
    script = script_of(run_async(s.toggle_topic("gioco-socialita")))
    assert "replaceState" in script and "temi=gioco-socialita" in script
    assert s.has_filter and s.filter_summary == "Gioco e socialità"
    assert shown_ids(s) != everything
    assert all(lang.href.endswith("temi=gioco-socialita&lang=en") for lang in s.langs if lang.code == "en")
    version = s.chips_version
    script_of(run_async(s.clear_topics()))
    assert shown_ids(s) == everything and not s.has_filter and s.chips_version == version + 1


def test_a_tampered_link_shows_its_message_and_a_way_back(state):
    s = state(PercorsoState, "/percorso?comune=001255&nascita=2025-05,2099-01&temi=<script>&lang=en")
    run_async(s.on_load())
    assert s.status == "ok" and s.lang == "en"
    assert any("2099" in n or "January 2099" in n for n in s.notices)
    assert any("«<script>»" in n or "“<script>”" in n for n in s.notices)  # echoed as text, React escapes it
    assert s.hrefs["fix"] == "/inizia/figli?comune=001255&nascita=2025-05&lang=en"


def test_unknown_comune(state):
    s = state(PercorsoState, "/percorso?comune=999999&nascita=2025-05")
    run_async(s.on_load())
    assert s.status == "need_comune" and s.share_url == "" and s.now_lists == []
    assert s.hrefs["fix"] == "/inizia/comune?nascita=2025-05"


def test_past_six_years_gives_contacts(state):
    s = state(PercorsoState, "/percorso?comune=001272&nascita=2018-01")
    run_async(s.on_load())
    assert s.status == "too_old" and s.centri and s.now_lists == []


def test_each_load_rebuilds_from_the_url(state):
    s = state(PercorsoState, "/percorso?comune=001255&nascita=2025-05")
    run_async(s.on_load())
    navigate(s, "/percorso?comune=001272&nascita=2025-05&lang=en")
    run_async(s.on_load())
    assert s.heading == "Your path in Torino" and s.lang == "en"


def test_picking_a_situational_topic_brings_it_into_the_main_list(state):
    s = state(PercorsoState, "/percorso?comune=001272&nascita=2025-09")
    run_async(s.on_load())
    legal = "Consulenza legale su separazione e divorzio"
    assert legal in [e.title for e in s.situational] and "separazione e mediazione" in s.situational_hint
    assert legal not in [e.title for lst in s.now_lists for e in lst.cards]
    script_of(run_async(s.toggle_topic("separazione-mediazione")))
    assert legal in [e.title for lst in s.now_lists for e in lst.cards]
    assert legal not in [e.title for e in s.situational]


def test_share_result_messages(state):
    s = state(PercorsoState, f"/percorso?{LINK}")
    run_async(s.on_load())
    s.share_result("copied")
    assert s.share_status.startswith("Link copiato")
    s.share_result("aborted")
    assert s.share_status == ""
    s.share_result("<img>")
    assert s.share_status.startswith("Non siamo riusciti")


# ---- segnala un errore ------------------------------------------------------------------------


def reports_from(ip: str) -> list[ErrorReport]:
    from zerosei_app.commands.reports import client_hash

    with Session(get_engine()) as db:
        return list(
            db.exec(
                select(ErrorReport).where(ErrorReport.client_hash == client_hash(ip, get_settings().secret_key))
            ).all()
        )


def test_report_an_entry_stores_it_and_thanks(state):
    page = state(PercorsoState, f"/percorso?{LINK}", ip="172.16.0.1")
    run_async(page.on_load())
    entry = page.now_lists[0].cards[0]
    r = page.parent_state.get_substate(ReportState.get_full_name().split(".")[2:])
    assert "segnala-" in script_of(r.open(entry.uid, entry.centro_id, entry.id))
    assert r.open_uid == entry.uid
    script_of(run_async(r.submit({"tipo": "contatti_orari", "testo": "Il telefono non risponde"})))
    assert r.open_uid == "" and r.done[entry.uid].startswith("Grazie")
    [stored] = reports_from("172.16.0.1")
    assert (stored.entry_id, stored.centro_id, stored.status, stored.text) == (
        entry.id,
        entry.centro_id,
        "nuova",
        "Il telefono non risponde",
    )


def test_report_validation_message_in_the_parents_language(state):
    page = state(PercorsoState, f"/percorso?{LINK}&lang=en", ip="172.16.0.2")
    run_async(page.on_load())
    r = page.parent_state.get_substate(ReportState.get_full_name().split(".")[2:])
    centro = page.centri[0]
    r.open(centro.uid, centro.id, 0)
    run_async(r.submit({"tipo": "altro", "testo": ""}))
    assert r.error == "Please say in a few words what is wrong." and r.open_uid == centro.uid
    run_async(r.submit({"tipo": "nonsense"}))
    assert r.error == "Choose what is wrong."
    assert reports_from("172.16.0.2") == []


def test_submit_without_an_open_form_does_nothing(state):
    r = state(ReportState, "/percorso?comune=001255&nascita=2025-05", ip="172.16.0.3")
    assert run_async(r.submit({"tipo": "chiuso"})) is None
    assert reports_from("172.16.0.3") == []


def test_a_forged_submit_payload_is_ignored(state):
    r = state(ReportState, "/percorso?comune=001255&nascita=2025-05", ip="172.16.0.4")
    r.open("c1", 1, 0)
    assert run_async(r.submit(["not", "a", "dict"])) is None
    assert r.open_uid == "c1" and reports_from("172.16.0.4") == []


def test_a_throttled_report_keeps_the_form_and_the_text(state):
    page = state(PercorsoState, "/percorso?comune=001272&nascita=2025-05", ip="172.16.0.9")
    run_async(page.on_load())
    r = page.parent_state.get_substate(ReportState.get_full_name().split(".")[2:])
    entries = shown(page)
    assert len(entries) >= 6
    for entry in entries[:5]:
        r.open(entry.uid, entry.centro_id, entry.id)
        run_async(r.submit({"tipo": "altro", "testo": "Orari cambiati"}))
    sixth = entries[5]
    r.open(sixth.uid, sixth.centro_id, sixth.id)
    run_async(r.submit({"tipo": "altro", "testo": "Anche qui"}))
    assert r.open_uid == sixth.uid and "non è stata inviata" in r.error and sixth.uid not in r.done
    assert len(reports_from("172.16.0.9")) == 5


def test_a_link_with_several_comuni_uses_the_first_one_we_know(state):
    s = state(PercorsoState, "/percorso?comune=999999&comune=004078&nascita=2025-05")
    run_async(s.on_load())
    assert s.status == "ok" and s._comune_label.endswith("(CN)") and "999999" not in s._comune_label
    assert any("più di un comune" in n for n in s.notices)
