"""One enum per vocabulary (domain/vocabulary.py): the values are what the database, the API and CSV files
hold, so they must not change; the tables, the labels and the rules all use the same enums."""

from __future__ import annotations

import json

import pytest

from zerosei_app import models
from zerosei_app.domain import permissions, review, staff_labels
from zerosei_app.domain.entry_status import TRANSITIONS
from zerosei_app.domain.vocabulary import (
    EntryStatus,
    OrigineCopertura,
    ReportKind,
    ReportStatus,
    Role,
    StatoVerifica,
)
from zerosei_app.view import staff_labels as staff_screen_labels

STORED_VALUES = {
    EntryStatus: ["draft", "published", "archived"],
    StatoVerifica: ["verificato", "parziale", "solo_nome", "incerto"],
    OrigineCopertura: ["esplicito", "ente_gestore", "inferito"],
    ReportKind: ["chiuso", "contatti_orari", "altro"],
    ReportStatus: ["nuova", "in_lavorazione", "risolta"],
    Role: ["operatore", "regione"],
}


@pytest.mark.parametrize("enum", list(STORED_VALUES))
def test_values_are_unchanged_and_behave_as_plain_strings(enum):
    assert [m.value for m in enum] == STORED_VALUES[enum]
    for member in enum:
        assert member == member.value and f"{member}" == member.value and json.dumps(member) == f'"{member.value}"'
        assert {member.value: 1}[member] == 1  # a row read back as plain text finds the enum's entry


def test_the_tables_use_the_domain_enums():
    assert models.EntryStatus is EntryStatus and models.StatoVerifica is StatoVerifica
    assert models.OrigineCopertura is OrigineCopertura and models.ReportKind is ReportKind
    assert models.ReportStatus is ReportStatus and models.Role is Role


def test_every_member_has_its_label_and_rule():
    assert set(staff_labels.STATUS_LABELS) == set(EntryStatus)
    assert set(staff_labels.STATO_VERIFICA_LABELS) == set(StatoVerifica)
    assert set(staff_screen_labels.ORIGINE_LABELS) == set(OrigineCopertura)
    assert set(staff_screen_labels.REPORT_KIND_LABELS) == set(ReportKind)
    assert set(staff_screen_labels.REPORT_STATUS_LABELS) == set(ReportStatus)
    assert set(staff_screen_labels.ROLE_LABELS) == set(permissions.ROLES) == set(Role)
    assert {target for _, target in TRANSITIONS.values()} == set(EntryStatus)
    assert set(review.OPEN_REPORT_STATUSES) == set(ReportStatus) - {ReportStatus.RISOLTA}
