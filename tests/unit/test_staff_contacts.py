"""The Regione corrects a comune's or an ente gestore's contacts: validated, audited, kept by data updates."""

from __future__ import annotations

from sqlmodel import select

from tests.percorso_support import centri_e_ente
from zerosei_app.commands.staff_contacts import update_contacts
from zerosei_app.data.seed_update import apply_update
from zerosei_app.domain import clock
from zerosei_app.domain.contacts_form import ContactsInput
from zerosei_app.domain.validation import parse
from zerosei_app.models import AuditRecord, Comune, EnteGestore


def test_bad_contacts_are_refused_with_field_messages():
    data, errors = parse(ContactsInput, {"website": "javascript:alert(1)", "pec": "x@", "phone": "abc"})
    assert data is None and {"website", "pec", "phone"} <= set(errors)


def test_a_correction_is_audited_shown_to_families_and_kept_by_updates(db):
    formazza = db.get(Comune, "103031")
    data, _ = parse(ContactsInput, {"website": "www.comune.formazza.vb.it/servizi-sociali", "phone": "0324 63011"})
    assert update_contacts(db, formazza, data, None, clock.now())
    db.commit()
    assert not update_contacts(db, formazza, data, None, clock.now())  # same values: nothing to save
    audit = db.exec(select(AuditRecord).where(AuditRecord.entity == "comune")).all()
    assert len(audit) == 1 and audit[0].entity_id == 103031 and audit[0].after["phone"] == "0324 63011"
    assert formazza.pec is None  # an empty field clears it
    assert not apply_update(db, clock.now()).comuni_contacts  # the IPA data does not come back
    centri, _ = centri_e_ente(db, formazza)
    assert [c.href for c in centri[0].contatti] == [
        "tel:032463011",
        "https://www.comune.formazza.vb.it/servizi-sociali",
    ]


def test_an_ente_correction(db):
    ossola = db.exec(select(EnteGestore).where(EnteGestore.short_name == "CISS Ossola")).one()
    data, _ = parse(ContactsInput, {"email": "info@cissossola.it"})
    update_contacts(db, ossola, data, None, clock.now())
    db.commit()
    centri, _ = centri_e_ente(db, db.get(Comune, "103028"))  # Domodossola: its own CISS Ossola centre
    assert centri[0].contatti[0].href == "mailto:info@cissossola.it" and centri[0].contatti[0].di == "ente_gestore"
