"""HSDS ids never move (a published id is a promise to every directory that copied it)."""

from __future__ import annotations

import uuid

import pytest

from zerosei_app.domain.hsds_ids import NAMESPACE, hsds_id
from zerosei_app.view.entry_sessions import feed_links


def test_ids_are_uuid5_of_the_fixed_namespace():
    assert hsds_id("service", 1) == str(uuid.uuid5(NAMESPACE, "service/1")) == "f3e59dce-5169-5f0f-81b3-86a15f8ac037"
    # Written out: changing the namespace or the key format fails here first.
    assert str(NAMESPACE) == "5f2c6a4e-0d7b-5b9e-9a51-3c8e2f4b7d10"
    assert hsds_id("centro", 1) != hsds_id("ente_gestore", 1)
    with pytest.raises(ValueError):
        hsds_id("servizio", 1)


def test_feed_links_offer_webcal():
    https, webcal = feed_links("https://zerosei.example", "comune=001272&nascita=2025-05")
    assert https == "https://zerosei.example/percorso.ics?comune=001272&nascita=2025-05"
    assert webcal == "webcal://zerosei.example/percorso.ics?comune=001272&nascita=2025-05"
    assert feed_links("", "comune=001272")[1] == ""
