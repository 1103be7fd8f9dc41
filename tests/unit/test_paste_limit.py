"""A paste box never sends more than one websocket message may carry (web/ws_guard.py refuses a
larger one before it is read, closes the socket and the text is lost without a word): the box takes
at most paste_limit() characters (one more in the browser, which this side refuses, never cuts)."""

from __future__ import annotations

import json

import pytest

from zerosei_app.settings import get_settings
from zerosei_app.view.staff_import_common import paste_limit, read_paste


def _event_message(text: str) -> bytes:
    """The socket.io packet the page sends for «Controlla», as python-socketio / the page encode it."""
    path = "/staff/importa"
    event = {
        "name": "reflex___state____state.zerosei_app___state___staff_base____staff_state"
        ".zerosei_app___state___staff_import____staff_import_state.paste",
        "payload": {"form": {"csv": text}},
        "handler": None,
        "router_data": {"pathname": path, "query": {"centro": "12345"}, "asPath": path + "?centro=12345"},
        "token": "0b8f2a34-7f0e-4c53-9a4e-8b1d2c3e4f50",
    }
    return ("42/_event," + json.dumps(["event", event], ensure_ascii=False, separators=(",", ":"))).encode()


@pytest.mark.parametrize("char", ["a", "\n", '"', "è", "€", "😀"])
def test_the_fullest_paste_fits_one_websocket_message(char):
    limit = paste_limit()
    units = len(char.encode("utf-16-le")) // 2  # the browser's maxlength counts UTF-16 units: an emoji is 2
    text = char * (limit // units)
    assert len(_event_message(text)) <= get_settings().ws_max_message_bytes


def test_a_longer_paste_is_refused_saying_to_upload_the_file():
    limit = paste_limit()
    row = "Titolo;In breve\n"
    ok, problem = read_paste({"csv": (row * limit)[:limit]})
    assert ok is not None and problem == ""
    data, problem = read_paste({"csv": (row * limit)[: limit + 1]})
    assert data is None and "troppo lungo" in problem and "Scegli il file CSV" in problem


def test_the_limit_follows_the_message_setting(monkeypatch):
    from zerosei_app import settings

    monkeypatch.setenv("ZEROSEI_WS_MAX_MESSAGE_BYTES", str(1_000_000))
    settings.get_settings.cache_clear()
    try:
        assert paste_limit() > 300_000
        assert len(_event_message("€" * paste_limit())) <= 1_000_000
    finally:
        settings.get_settings.cache_clear()
