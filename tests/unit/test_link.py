import pydantic
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from zerosei_app.domain.catalog import MAX_CHILDREN, TOPICS
from zerosei_app.domain.link import (
    FIELDS,
    ParseResult,
    PathQuery,
    parse_query_string,
    to_query_string,
)
from zerosei_app.domain.months import YearMonth
from zerosei_app.i18n import LANGUAGES


def ym(s):
    return YearMonth.parse(s)


def codes(result: ParseResult):
    return [(e.field, e.code) for e in result.errors]


FULL = PathQuery(
    comune="001272",
    nascita=(ym("2025-03"), ym("2023-11")),
    attesa=ym("2027-03"),
    temi=("gravidanza-nascita", "sonno-pianto"),
    lang="en",
)


# --- canonical form -------------------------------------------------------------------


def test_canonical_query_string():
    assert to_query_string(FULL) == (
        "comune=001272&nascita=2025-03,2023-11&attesa=2027-03&temi=gravidanza-nascita,sonno-pianto&lang=en"
    )


def test_empty_fields_and_italian_are_omitted():
    assert to_query_string(PathQuery()) == ""
    assert to_query_string(PathQuery(comune="001272", lang="it")) == "comune=001272"


def test_nascita_keeps_the_parents_order():
    q = PathQuery(nascita=("2023-11", "2025-03", "2023-11"))
    assert to_query_string(q) == "nascita=2023-11,2025-03,2023-11"


# --- the model ------------------------------------------------------------------------


def test_model_accepts_month_strings_and_sorts_topics():
    q = PathQuery(nascita=("2025-03",), temi=("sonno-pianto", "gravidanza-nascita", "sonno-pianto"))
    assert q.nascita == (ym("2025-03"),)
    assert q.temi == ("gravidanza-nascita", "sonno-pianto")


@pytest.mark.parametrize(
    "fields",
    [
        {"comune": "1272"},
        {"comune": "00127a"},
        {"temi": ("non-esiste",)},
        {"lang": "de"},
        {"nascita": ("2025-13",)},
        {"nascita": ("2025-01",) * MAX_CHILDREN, "attesa": "2027-01"},
        {"utm_source": "x"},
    ],
)
def test_model_rejects_invalid_values(fields):
    with pytest.raises(pydantic.ValidationError):
        PathQuery(**fields)


def test_model_is_frozen_and_hashable():
    with pytest.raises(pydantic.ValidationError):
        FULL.comune = "001156"
    assert hash(FULL) == hash(FULL.model_copy())


def test_json_dump_uses_month_strings():
    assert FULL.model_dump(mode="json")["nascita"] == ["2025-03", "2023-11"]
    assert PathQuery.model_validate_json(FULL.model_dump_json()) == FULL


# --- lenient parsing --------------------------------------------------------------------


def test_parses_the_canonical_form():
    result = parse_query_string(to_query_string(FULL))
    assert result == ParseResult(FULL, ())


def test_leading_question_mark_whole_url_and_fragment():
    expected = PathQuery(comune="001272")
    assert parse_query_string("?comune=001272").query == expected
    assert parse_query_string("https://zerosei.example/percorso?comune=001272#risultati").query == expected
    assert parse_query_string("/percorso?comune=001272").query == expected
    assert parse_query_string("/percorso").query == PathQuery()


def test_unknown_keys_are_ignored_silently():
    result = parse_query_string("utm_source=whatsapp&comune=001272&fbclid=abc&=x&&foo")
    assert result == ParseResult(PathQuery(comune="001272"), ())


def test_repeated_keys_add_up():
    result = parse_query_string("nascita=2025-01&temi=sonno-pianto&nascita=2024-02,2023-03&temi=nido-scuola")
    assert result.errors == ()
    assert result.query.nascita == (ym("2025-01"), ym("2024-02"), ym("2023-03"))
    assert result.query.temi == ("sonno-pianto", "nido-scuola")


def test_same_comune_repeated_is_fine_two_different_keep_the_first_and_say_so():
    assert parse_query_string("comune=001272&comune=001272") == ParseResult(PathQuery(comune="001272"), ())
    result = parse_query_string("comune=001272&comune=001156")
    assert result.query.comune == "001272"
    assert codes(result) == [("comune", "several_comuni")] and result.errors[0].params["codes"] == ("001272", "001156")
    result = parse_query_string("comune=abc&comune=001156")  # the first *valid* one
    assert result.query.comune == "001156" and codes(result) == [("comune", "several_comuni")]


def test_percent_encoding_plus_spaces_and_key_case():
    result = parse_query_string("Comune=001272&temi=sonno-pianto%2C+nido-scuola+&NASCITA=%202025-01")
    assert result.errors == ()
    assert result.query == PathQuery(comune="001272", nascita=("2025-01",), temi=("sonno-pianto", "nido-scuola"))


def test_empty_values_and_empty_items_are_not_errors():
    result = parse_query_string("comune=&nascita=2025-01,,&temi=,&attesa=&lang=")
    assert result == ParseResult(PathQuery(nascita=("2025-01",)), ())


def test_duplicated_topics_merge_silently_in_display_order():
    result = parse_query_string("temi=nido-scuola,sonno-pianto,nido-scuola,SONNO-PIANTO")
    assert result == ParseResult(PathQuery(temi=("sonno-pianto", "nido-scuola")), ())


def test_twins_keep_both_children():
    assert parse_query_string("nascita=2025-01,2025-01").query.nascita == (ym("2025-01"), ym("2025-01"))


# --- one error per problem; valid parts kept --------------------------------------------


def test_bad_month_drops_only_that_month():
    result = parse_query_string("comune=001272&nascita=2025-01,2025-13,marzo&attesa=2027-003")
    assert result.query == PathQuery(comune="001272", nascita=("2025-01",))
    assert codes(result) == [("nascita", "bad_month"), ("nascita", "bad_month"), ("attesa", "bad_month")]
    assert [e.params["value"] for e in result.errors] == ["2025-13", "marzo", "2027-003"]


@pytest.mark.parametrize("value", ["272", "10024", "0012720", "abcdef", "00127a", "١٢٣٤٥٦"])
def test_bad_comune(value):
    result = parse_query_string(f"comune={value}&nascita=2025-01")
    assert result.query == PathQuery(nascita=("2025-01",))
    assert codes(result) == [("comune", "bad_comune")]
    assert result.errors[0].params == {"value": value}


def test_unknown_topic_is_dropped_and_echoed_short():
    long_topic = "x" * 100
    result = parse_query_string(f"temi=sonno-pianto,cucina,{long_topic}")
    assert result.query.temi == ("sonno-pianto",)
    assert codes(result) == [("temi", "unknown_topic"), ("temi", "unknown_topic")]
    assert result.errors[0].params == {"value": "cucina"}
    assert len(result.errors[1].params["value"]) <= 40


def test_bad_lang_falls_back_to_italian():
    result = parse_query_string("lang=de&comune=001272")
    assert result.query == PathQuery(comune="001272", lang="it")
    assert codes(result) == [("lang", "bad_lang")]


@pytest.mark.parametrize("value", ["en", "EN", "en-GB", "en_US"])
def test_lang_variants_are_understood(value):
    assert parse_query_string(f"lang={value}") == ParseResult(PathQuery(lang="en"), ())


def test_too_long_value_keeps_the_whole_items_that_fit():
    padding = "," * 301
    result = parse_query_string(f"comune=001272&nascita=2025-01{padding}")
    assert result.query == PathQuery(comune="001272", nascita=("2025-01",))
    assert codes(result) == [("nascita", "too_long")]
    result = parse_query_string("comune=001272&temi=" + "x" * 400)  # no whole item: dropped
    assert result.query == PathQuery(comune="001272") and codes(result) == [("temi", "too_long")]


def test_300_chars_is_still_fine():
    value = "2025-01" + "," * 293
    assert len(value) == 300
    assert parse_query_string(f"nascita={value}") == ParseResult(PathQuery(nascita=("2025-01",)), ())


def test_too_long_lang_falls_back_to_italian():
    result = parse_query_string("lang=" + "e" * 400)
    assert result.query.lang == "it"
    assert codes(result) == [("lang", "too_long")]


def test_too_many_born_children_keeps_the_first_ones():
    months = [f"20{20 + i}-01" for i in range(MAX_CHILDREN + 2)]
    result = parse_query_string("nascita=" + ",".join(months) + "&attesa=2027-01")
    assert [str(m) for m in result.query.nascita] == months[:MAX_CHILDREN]
    assert result.query.attesa is None
    assert codes(result) == [("nascita", "too_many_children")]
    assert result.errors[0].params == {"max": MAX_CHILDREN}


def test_expected_child_beyond_the_limit_is_dropped():
    result = parse_query_string("nascita=" + ",".join(["2025-01"] * MAX_CHILDREN) + "&attesa=2027-01")
    assert len(result.query.nascita) == MAX_CHILDREN
    assert result.query.attesa is None
    assert codes(result) == [("attesa", "too_many_children")]


def test_five_born_plus_one_expected_is_allowed():
    result = parse_query_string("nascita=" + ",".join(["2025-01"] * (MAX_CHILDREN - 1)) + "&attesa=2027-01")
    assert result.errors == ()
    assert result.query.attesa == ym("2027-01")


# --- properties -------------------------------------------------------------------------

months = st.builds(YearMonth, st.integers(1900, 2200), st.integers(1, 12))


@st.composite
def path_queries(draw):
    attesa = draw(st.none() | months)
    room = MAX_CHILDREN - (attesa is not None)
    return PathQuery(
        comune=draw(st.none() | st.from_regex(r"[0-9]{6}", fullmatch=True)),
        nascita=tuple(draw(st.lists(months, max_size=room))),
        attesa=attesa,
        temi=tuple(draw(st.lists(st.sampled_from(TOPICS), unique=True))),
        lang=draw(st.sampled_from(list(LANGUAGES))),
    )


@given(path_queries())
def test_round_trip(q):
    assert parse_query_string(to_query_string(q)) == ParseResult(q, ())
    assert parse_query_string("?" + to_query_string(q)).query == q


# Query strings built from plausible and hostile pieces.
keys = st.sampled_from([*FIELDS, "utm_source", "COMUNE", "", "temi[]", "n%61scita"])
values = st.one_of(
    st.text(max_size=20),
    st.from_regex(r"[0-9]{4}-[0-9]{1,2}", fullmatch=True),
    st.from_regex(r"[0-9]{5,7}", fullmatch=True),
    st.sampled_from([*TOPICS, "it", "en", "fr", "%2C", "%", "%zz", "+", ",", "=", "&", "x" * 301]),
)
crafted = st.lists(st.tuples(keys, values), max_size=12).map(lambda pairs: "&".join(f"{k}={v}" for k, v in pairs))


@settings(max_examples=300)
@given(st.one_of(st.text(), crafted))
def test_lenient_parse_never_raises_and_is_canonical(s):
    result = parse_query_string(s)
    assert isinstance(result.query, PathQuery)
    canonical = to_query_string(result.query)
    assert parse_query_string(canonical) == ParseResult(result.query, ())
    assert to_query_string(parse_query_string(canonical).query) == canonical
    for error in result.errors:
        assert len(str(error.params.get("value", ""))) <= 40


def test_parsing_does_not_judge_ages():
    # A birth month in the future is a well-formed month; age checks belong to validate_for_path.
    assert parse_query_string("nascita=2199-01") == ParseResult(PathQuery(nascita=("2199-01",)), ())


def test_every_catalogue_language_is_a_link_language():
    # Adding i18n/locales/<lang>.po is all it takes for `lang=<lang>` links to work.
    from zerosei_app.domain.link import LINK_LANGS

    assert LINK_LANGS == LANGUAGES and LANGUAGES[0] == "it"


def test_links_as_people_and_apps_mangle_them_keep_what_is_usable():
    several = parse_query_string("comune=001272&comune=004078&nascita=2025-05")
    assert several.query.comune == "001272" and [e.code for e in several.errors] == ["several_comuni"]
    assert parse_query_string("comune=001272&nascita=2025-3&attesa=2027-1").query.nascita == (YearMonth(2025, 3),)
    assert parse_query_string("attesa=2027-1").query.attesa == YearMonth(2027, 1)
    fifty = parse_query_string("comune=001272&" + "&".join(["nascita=2024-01"] * 50))
    assert len(fifty.query.nascita) == 6 and {e.code for e in fifty.errors} == {"too_long", "too_many_children"}
    garbage = parse_query_string("comune=%ZZ%00%ff")
    assert "\x00" not in garbage.errors[0].message("it")


@pytest.mark.parametrize(("value", "code"), [("1272", "001272"), ("96004", "096004"), ("001272", "001272")])
def test_leading_zeros_a_spreadsheet_dropped_are_put_back(value, code):
    assert parse_query_string(f"comune={value}&nascita=2025-01").query.comune == code
