import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from zerosei_app.domain.comuni_search import ComuneIndex, ComuneRecord


def names(results):
    return [r.name for r in results]


def first(index, q):
    results = index.search(q)
    assert results, f"no result for {q!r}"
    return results[0].name


def test_loads_all_piemonte(piemonte):
    assert len(piemonte) == 1180
    assert piemonte.get("001272").name == "Torino"
    assert piemonte.get("001272").cap[0] == "10121"
    assert piemonte.get("999999") is None


@pytest.mark.parametrize(
    "q, expected",
    [
        ("sant ambrogio", "Sant'Ambrogio di Torino"),
        ("chivaso", "Chivasso"),
        ("moncalierri", "Moncalieri"),
        ("10024", "Moncalieri"),
        ("torino", "Torino"),
    ],
)
def test_spec_examples(piemonte, q, expected):
    assert first(piemonte, q) == expected


def test_equal_prefix_matches_list_the_bigger_comune_first(piemonte):
    results = names(piemonte.search("casale"))
    assert results[0] == "Casale Monferrato"  # 34,812 inhabitants (census 2011)
    assert results.index("Casale Monferrato") < results.index("Casaleggio Boiro")  # 401
    assert first(piemonte, "casale monf") == "Casale Monferrato"
    assert first(piemonte, "casale monferato") == "Casale Monferrato"  # a typo still forgiven


def test_the_three_baldissero_come_first(piemonte):
    assert sorted(names(piemonte.search("baldissero")[:3])) == [
        "Baldissero Canavese",
        "Baldissero Torinese",
        "Baldissero d'Alba",
    ]


@pytest.mark.parametrize("q", ["SANT’AMBROGIO DI TORINO", "sant`ambrogio", "Sant-Ambrogio", "  sant'  ambrogio  "])
def test_apostrophes_case_and_spacing_do_not_matter(piemonte, q):
    assert first(piemonte, q) == "Sant'Ambrogio di Torino"


@pytest.mark.parametrize("q", ["aglie", "Agliè", "AGLIE", "agliè"])
def test_accents_do_not_matter(piemonte, q):
    assert first(piemonte, q) == "Agliè"


def test_mondovi_without_accent(piemonte):
    results = names(piemonte.search("mondovi"))
    assert results[0] == "Mondovì"
    # The other "... Mondovì" come next, through their word starts.
    assert {"Torre Mondovì", "Villanova Mondovì", "Bastia Mondovì"} <= set(results)


def test_word_start_matches_after_name_prefix(piemonte):
    results = names(piemonte.search("torino", limit=20))
    assert results[0] == "Torino"
    assert "Sant'Ambrogio di Torino" in results
    assert "Rivalta di Torino" in results


def test_typos_are_forgiven(piemonte):
    assert first(piemonte, "alesandria") == "Alessandria"
    # A typo while the name is still being typed.
    assert sorted(names(piemonte.search("baldisero")[:3])) == [
        "Baldissero Canavese",
        "Baldissero Torinese",
        "Baldissero d'Alba",
    ]


def test_cap_exact_any_cap_of_the_list(piemonte):
    assert first(piemonte, "10121") == "Torino"
    assert first(piemonte, "10156") == "Torino"  # last of Torino's 33 CAPs
    assert first(piemonte, "10 024") == "Moncalieri"


def test_shared_cap_returns_every_comune_with_it(piemonte):
    results = piemonte.search("10080", limit=50)
    assert len(results) > 1
    assert all("10080" in r.cap for r in results)


def test_cap_prefix_needs_three_digits(piemonte):
    results = piemonte.search("100", limit=50)
    assert results and all(any(c.startswith("100") for c in r.cap) for r in results)
    assert piemonte.search("10") == []
    assert piemonte.search("1") == []


def test_istat_code_exact(piemonte):
    assert names(piemonte.search("001272")) == ["Torino"]
    assert names(piemonte.search("001156")) == ["Moncalieri"]
    assert piemonte.search("999999") == []
    assert piemonte.search("0012720") == []


@pytest.mark.parametrize("q", ["", "   ", "\t\n", "'-’", "…"])
def test_empty_queries(piemonte, q):
    assert piemonte.search(q) == []


def test_limit_is_clamped(piemonte):
    assert len(piemonte.search("a", limit=0)) == 1
    assert len(piemonte.search("a", limit=-5)) == 1
    assert len(piemonte.search("a", limit=1000)) == 50
    assert len(piemonte.search("a", limit=3)) == 3


def test_long_queries_are_truncated_to_100_chars(piemonte):
    # The first 100 characters are spaces, so "torino" is cut away.
    assert piemonte.search(" " * 100 + "torino") == []
    assert first(piemonte, "moncalieri" + " " * 500) == "Moncalieri"


@pytest.mark.parametrize(
    "q",
    [
        "😀👶🏽",
        "x" * 10_000,
        "'; DROP TABLE comuni; --",
        "<script>alert(1)</script>",
        "%00\x00\x1b[31m",
        "\ud800",
        "١٠٠٢٤",  # Arabic-Indic digits are not a CAP
        "Torino" * 2000,
    ],
)
def test_garbage_never_raises(piemonte, q):
    results = piemonte.search(q)
    assert isinstance(results, list)
    assert len(results) <= 10


def test_non_string_query_gives_nothing(piemonte):
    assert piemonte.search(None) == []  # type: ignore[arg-type]


@settings(max_examples=300)
@given(q=st.text(), limit=st.integers(min_value=-10, max_value=100))
def test_search_never_raises_and_respects_limit(piemonte, q, limit):
    results = piemonte.search(q, limit=limit)
    assert len(results) <= max(1, min(50, limit))
    codes = [r.codice_istat for r in results]
    assert len(codes) == len(set(codes))


# Tiers and tie-breaks on a tiny, hand-made index.
def rec(code, name, caps=("00000",)):
    return ComuneRecord(code, name, "TO", tuple(caps))


def test_tiers_exact_then_prefix_then_word_start_then_fuzzy():
    index = ComuneIndex(
        [
            rec("000001", "Villa Monte"),  # word start
            rec("000002", "Montebello Lungo"),  # name prefix
            rec("000003", "Monte"),  # exact
            rec("000004", "Mointe"),  # fuzzy only (a typo away)
        ]
    )
    assert [r.codice_istat for r in index.search("monte")] == ["000003", "000002", "000001", "000004"]


def test_ties_bigger_comune_first():
    index = ComuneIndex(
        [
            ComuneRecord("000001", "Casaleggio Boiro", "AL", ("15070",), 401),
            ComuneRecord("000002", "Casale Monferrato", "AL", ("15033",), 34812),
            ComuneRecord("000003", "Casale", "AL", ("15000",)),  # no population known: after those with one
        ]
    )
    assert [r.codice_istat for r in index.search("casale")] == ["000003", "000002", "000001"]  # exact first
    assert [r.codice_istat for r in index.search("casal")] == ["000002", "000001", "000003"]


def test_ties_shorter_then_alphabetical_then_code():
    index = ComuneIndex(
        [
            rec("000009", "Roccabruna"),
            rec("000003", "Roccaverano"),
            rec("000002", "Rocca"),
            rec("000001", "Roccabruna"),
        ]
    )
    assert [r.codice_istat for r in index.search("rocca")] == ["000002", "000001", "000009", "000003"]


def test_cap_exact_comes_before_cap_prefix():
    index = ComuneIndex([rec("000001", "A", ["12345"]), rec("000002", "Bbbb", ["1234"])])
    assert [r.codice_istat for r in index.search("1234")] == ["000002", "000001"]


def test_duplicate_code_last_one_wins():
    index = ComuneIndex([rec("000001", "Vecchio"), rec("000001", "Nuovo")])
    assert len(index) == 1
    assert index.get("000001").name == "Nuovo"
    assert index.search("vecchio") == []


def test_empty_index():
    index = ComuneIndex([])
    assert len(index) == 0
    assert index.search("torino") == []
    assert index.search("10024") == []
