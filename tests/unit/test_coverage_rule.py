"""The documented coverage rule (domain/coverage.py): a comune reaches its own or its ente's centre, its
named ente gestore, or — only when nothing is known — the nearest reliable centre."""

from zerosei_app.domain.coverage import CentroPoint, ComunePoint, Link, compute_links, is_contactable, with_inferred

COMUNI = [
    ComunePoint("000001", "TO", 45.0, 7.0, ente_gestore_id=1),  # home of an unreliable centre (name only)
    ComunePoint("000002", "TO", 45.1, 7.0, ente_gestore_id=1),  # same ente
    ComunePoint("000003", "TO", 45.3, 7.0),  # home of the reliable centre
    ComunePoint("000004", "CN", 44.4, 7.5),  # another province, no centre there
    ComunePoint("000005", "TO", None, None),  # no coordinates: province centroid
]
NAME_ONLY = CentroPoint(1, "000001", "TO", None, None, 1, contactable=False, confirmed=False)
RELIABLE = CentroPoint(2, "000003", "TO", None, None, None, contactable=True, confirmed=True)


def by_comune(links: list[Link]) -> dict[str, set[tuple[int, str]]]:
    out: dict[str, set[tuple[int, str]]] = {}
    for link in links:
        out.setdefault(link.codice_istat, set()).add((link.centro_id, link.origine))
    return out


def test_known_centres_and_known_enti_get_no_guess():
    links = by_comune(compute_links(COMUNI, [NAME_ONLY, RELIABLE]))
    assert links["000001"] == {(1, "esplicito")}  # its own centre, even known by name only: no guess beside it
    assert links["000002"] == {(1, "ente_gestore")}  # its ente's centre
    assert links["000003"] == {(2, "esplicito")}
    assert links["000004"] == {(2, "inferito")}  # no centre in its province: the nearest anywhere
    assert links["000005"] == {(2, "inferito")}


def test_a_known_ente_without_a_centre_never_gets_a_guessed_centre_of_another_ente():
    comuni = [*COMUNI, ComunePoint("000006", "TO", 45.29, 7.0, ente_gestore_id=9)]  # next to the reliable centre
    links = by_comune(compute_links(comuni, [NAME_ONLY, RELIABLE]))
    assert "000006" not in links  # the path names ente 9 with its contacts instead


def test_inferred_links_carry_the_distance():
    inferred = [link for link in compute_links(COMUNI, [NAME_ONLY, RELIABLE]) if link.origine == "inferito"]
    assert all(link.distance_km is not None for link in inferred)
    d = {link.codice_istat: link.distance_km for link in inferred}
    assert d["000004"] > 50 and d["000005"] is not None


def test_without_any_reliable_centre_the_known_links_stand_alone():
    links = by_comune(compute_links(COMUNI, [NAME_ONLY]))
    assert links["000001"] == {(1, "esplicito")} and links["000002"] == {(1, "ente_gestore")}
    assert links["000004"] == {(1, "inferito")}  # still at least one centre


def test_uncertain_centres_are_not_chosen_when_a_confirmed_one_exists():
    uncertain_near = CentroPoint(3, "000004", "CN", None, None, None, contactable=True, confirmed=False)
    links = by_comune(compute_links(COMUNI, [uncertain_near, RELIABLE]))
    assert links["000005"] == {(2, "inferito")}  # the uncertain one is nearer to nobody's benefit
    assert links["000004"] == {(3, "esplicito")}  # a centre of its own: no guess beside it


def test_given_links_are_kept_and_only_comuni_without_any_get_more():
    given = [Link(1, "000003", "esplicito", None), Link(2, "000004", "esplicito", None)]
    out = by_comune(with_inferred(COMUNI, [NAME_ONLY, RELIABLE], given))
    assert out["000004"] == {(2, "esplicito")}
    assert out["000003"] == {(1, "esplicito")}
    assert "000001" not in out and "000002" not in out  # their ente (1) is known
    assert out["000005"] == {(2, "inferito")}


def test_contactable_means_an_address_or_a_contact():
    assert not is_contactable(None, None, None, None)
    assert not is_contactable("non indicato nella fonte", "", "", "")
    assert is_contactable("via Basta 28", None, None, None)
    assert is_contactable(None, None, None, "https://example.org")
