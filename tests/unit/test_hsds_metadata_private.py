"""HSDS metadata tells reusers what staff changed; what is staff-only never goes with it (a centre's internal
notes and research key, an ente's contact notes), and the fields keep the names HSDS readers know."""

from __future__ import annotations

import json
from datetime import UTC, datetime

from zerosei_app.models import Centro, Comune, EnteGestore
from zerosei_app.queries.hsds import Change, HsdsData
from zerosei_app.view.hsds_common import metadata

WHEN = datetime(2026, 12, 1, 10, tzinfo=UTC)


def _data(entity: str, before: dict, after: dict) -> HsdsData:
    m = Comune(codice_istat="001272", name="Torino", sigla_provincia="TO", cap=[])
    c = Centro(id=7, name="Centro", codice_istat="001272")
    e = EnteGestore(id=3, name="Consorzio")
    change = Change(WHEN, "update", before, after, "regione", 41)
    return HsdsData(
        enti={3: e}, centri={7: (c, m)}, entries=[], changes={(entity, 7 if entity == "centro" else 3): change}
    )


def test_a_centre_change_publishes_the_public_fields_under_their_names_and_nothing_staff_only():
    before = {"address": "Via Roma 1", "internal_notes": "old", "source_key": "k1", "version": 1}
    after = {
        "address": "Via Po 2",
        "internal_notes": "chiamare la sig.ra Rossi al 333…",
        "source_key": "k2",
        "version": 2,
    }
    [meta] = metadata(_data("centro", before, after), "centro", 7, "org-7", "organization", None)
    assert meta.field_name == "indirizzo"
    assert json.loads(meta.previous_value) == {"indirizzo": "Via Roma 1"}
    assert json.loads(meta.replacement_value) == {"indirizzo": "Via Po 2"}
    assert "Rossi" not in meta.model_dump_json() and "k2" not in meta.model_dump_json()


def test_a_change_of_only_staff_notes_says_when_but_not_what():
    before = {"internal_notes": "a", "version": 1}
    after = {"internal_notes": "b", "version": 2}
    [meta] = metadata(_data("centro", before, after), "centro", 7, "org-7", "organization", None)
    assert (meta.field_name, meta.previous_value, meta.replacement_value) == ("", "", "")
    assert meta.last_action_date == "2026-12-01"


def test_an_ente_change_keeps_contact_notes_private():
    before = {"website": "https://a.example", "contacts_notes": "numero privato del direttore"}
    after = {"website": "https://b.example", "contacts_notes": "nuovo numero privato"}
    [meta] = metadata(_data("ente_gestore", before, after), "ente_gestore", 3, "org-e3", "organization", None)
    assert meta.field_name == "sito"
    assert "privato" not in meta.model_dump_json()
