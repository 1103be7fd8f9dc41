"""'Always an action' (domain/contact_rule.py), and the same rule over every comune of the seed."""

from __future__ import annotations

from collections import Counter

import pytest
from sqlmodel import select

from tests.percorso_support import centri_e_ente
from zerosei_app.domain.contact_rule import (
    ContactDetails,
    Holder,
    contact_actions,
    is_working,
    own_links,
    phone_links,
    site_link,
)
from zerosei_app.models import Comune
from zerosei_app.view import percorso_view as view

NOBODY = ContactDetails()


def _t(of, name, **kw):
    return Holder(of, name, ContactDetails(**kw))


def test_the_centre_own_contacts_come_first_and_alone():
    acts = contact_actions(
        _t("centro", "Centro", phone="0141 399490 (su appuntamento)"),
        _t("ente_gestore", "CISA", website="www.cisa.it"),
        [_t("comune", "Asti", website="www.comune.asti.it", pec="p@pec.asti.it")],
    )
    assert [(a.kind, a.href, a.of) for a in acts] == [("tel", "tel:0141399490", "centro")]
    assert acts[0].label == "0141 399490 (su appuntamento)"


def test_then_the_ente_gestore_then_the_comune_with_its_pec_last():
    ente = _t("ente_gestore", "Monviso Solidale", email="monviso@monviso.it", website="www.monviso.it", pec="x@pec.it")
    acts = contact_actions(_t("centro", "C"), ente, [])
    assert [(a.kind, a.of, a.name) for a in acts] == [
        ("mail", "ente_gestore", "Monviso Solidale"),
        ("web", "ente_gestore", "Monviso Solidale"),
    ]  # an ente's PEC is never offered: its ordinary contacts are there
    comune = _t("comune", "Formazza", website="www.comune.formazza.vb.it", pec="formazza@postemailcertificata.it")
    acts = contact_actions(_t("centro", "C"), _t("ente_gestore", "CISS Ossola"), [comune])
    assert [(a.kind, a.href) for a in acts] == [
        ("web", "https://www.comune.formazza.vb.it"),
        ("pec", "mailto:formazza@postemailcertificata.it"),
    ]
    assert {a.name for a in acts} == {"Formazza"}


def test_the_family_comune_first_then_the_centre_comune_and_a_lone_pec():
    family = _t("comune", "Murisengo")  # no contact at all in IndicePA
    seat = _t("comune", "Alessandria", website="www.comune.alessandria.it")
    assert [a.name for a in contact_actions(_t("centro", "C"), None, [family, seat])] == ["Alessandria"]
    only_pec = _t("comune", "Vezza d'Alba", pec="vezza.dalba@cert.ruparpiemonte.it")
    assert [(a.kind, a.name) for a in contact_actions(_t("centro", "C"), None, [only_pec])] == [("pec", "Vezza d'Alba")]
    assert contact_actions(_t("centro", "C"), None, [family]) == []


@pytest.mark.parametrize(
    "bad",
    ["javascript:alert(1)", "http://localhost", "ftp://a.it", "non indicato", 'https://a.it/"onmouseover=x', "abc"],
)
def test_unsafe_or_unusable_values_never_become_links(bad):
    assert own_links(ContactDetails(phone=bad, email=bad, website=bad)) == []


def test_phone_numbers_need_6_to_15_digits():
    assert phone_links("123") == [] and phone_links("1234567890123456") == []
    assert [x.href for x in phone_links("011 1234567 / 333 1234567")] == ["tel:0111234567", "tel:3331234567"]
    assert site_link("HTTPS://www.Comune.it/x").href == "HTTPS://www.Comune.it/x"


def test_is_working():
    assert is_working("tel:+390111234567") and is_working("mailto:a@b.it") and is_working("https://a.it/x")
    assert not is_working("tel:12") and not is_working("mailto:a@") and not is_working("javascript:x")


def test_every_comune_first_centre_card_has_a_working_contact(db):
    """The issue's test: for each of the 1,180 comuni, the path's first card offers a tel:, mailto: or http(s) link."""
    comuni = db.exec(select(Comune).order_by(Comune.codice_istat)).all()
    assert len(comuni) == 1180
    first_from, failures = Counter(), []
    for comune in comuni:
        centri, ente = centri_e_ente(db, comune)
        cards = view.centri_views(centri, ente, "it")
        if not cards or not cards[0].links or not all(is_working(link.href) for link in cards[0].links):
            failures.append(comune.name)
            continue
        # Every card of the page, not only the first, and the API's own list say the same.
        assert all(card.links for card in cards), comune.name
        assert all(c.contatti for c in centri) and (ente is None or ente.contatti), comune.name
        first = cards[0]
        first_from["ente (no centre)" if first.kind == "ente" else (centri[0].contatti[0].di)] += 1
    assert failures == []
    print("first card's contact from:", dict(first_from))


def test_inferred_far_centre_is_headed_for_what_it_is(db):
    formazza = db.get(Comune, "103031")
    centri, _ = centri_e_ente(db, formazza)
    card = view.centri_views(centri, None, "it")[0]
    assert card.kicker.startswith("Il centro più vicino tra quelli registrati · a circa ")
    assert card.contacts_intro.startswith("Il centro non ha ancora recapiti registrati: contatta il Comune di Formazza")
    assert card.links[-1].label.startswith("PEC (posta certificata): ") and card.pec_note
    assert all(link.owner == "Comune di Formazza" for link in card.links)
    en = view.centri_views(centri, None, "en")[0]
    assert en.kicker.startswith("The nearest centre among those registered")


def test_another_province_is_named(db):
    formazza = db.get(Comune, "103031")
    centro = centri_e_ente(db, formazza)[0][0].model_copy(update={"stessa_provincia": False, "provincia": "BI"})
    assert view.centro_view(centro, "it").kicker.endswith(" km · in provincia di Biella")
    assert view.centro_view(centro, "en").kicker.endswith(" km away · in the province of Biella")


def test_the_ente_gestore_is_named_when_its_centre_is_unknown(db):
    chivasso = db.get(Comune, "001082")  # CISS Chivasso: no centre registered
    centri, ente = centri_e_ente(db, chivasso)
    assert ente is not None and "Chivasso" in ente.nome and ente.contatti[0].href.startswith("https://")
    cards = view.centri_views(centri, ente, "it")
    assert cards[0].kind == "ente" and cards[0].kicker == "Chi gestisce i servizi sociali del tuo comune"


def test_the_ente_card_does_not_repeat_its_own_name_on_each_link(db):
    centri, ente = centri_e_ente(db, db.get(Comune, "001082"))
    card = view.ente_view(ente, "it")
    assert card.links and all(link.owner == "" for link in card.links)
