"""Free-text contacts from the sources become safe, dialable links."""

import pytest

from zerosei_app.view.contacts import all_links, email_link, phone_links, site_link


def test_one_number_keeps_its_note_in_the_label():
    [link] = phone_links("0141 399490 (su appuntamento)")
    assert link.href == "tel:0141399490"
    assert link.label == "0141 399490 (su appuntamento)"


def test_two_numbers_two_links():
    links = phone_links("011 1234567 / +39 335 7920454")
    assert [link.href for link in links] == ["tel:0111234567", "tel:+393357920454"]


@pytest.mark.parametrize("text", [None, "", "su appuntamento", "12-34"])
def test_no_number_no_link(text):
    assert phone_links(text) == []


def test_email():
    assert email_link("scrivi a patio@consorzioiris.net").href == "mailto:patio@consorzioiris.net"
    assert email_link("non indicata") is None


@pytest.mark.parametrize(
    "text,href",
    [
        ("www.comune.torino.it/relazioniefamiglie", "https://www.comune.torino.it/relazioniefamiglie"),
        ("https://example.org/a?b=1", "https://example.org/a?b=1"),
        ("http://example.org", "http://example.org"),
    ],
)
def test_sites_become_http_links(text, href):
    assert site_link(text).href == href


@pytest.mark.parametrize("text", ["javascript:alert(1)", "data:text/html,x", "ftp://x.org", "", None, "non indicato"])
def test_other_schemes_are_never_links(text):
    assert site_link(text) is None


def test_all_links_order():
    kinds = [link.kind for link in all_links("011 1234567", "a@b.it", "www.x.it")]
    assert kinds == ["tel", "mail", "web"]
