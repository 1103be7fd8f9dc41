"""'In my language' (lingua=ar): only what a centre states counts; with nothing stated, the whole path and a plain notice."""

from dataclasses import dataclass
from datetime import date

from hypothesis import given
from hypothesis import strategies as st

from tests.percorso_support import path_out
from zerosei_app.domain.language import in_language, mediates, mediating, stated_languages, states_language
from zerosei_app.domain.link import PathQuery, parse_query_string, to_query_string
from zerosei_app.models import CardEntry

TODAY = date(2026, 12, 6)


@dataclass
class Entry:
    languages: list[str] | None
    is_example: bool = False
    centro_id: int = 1


@dataclass
class Centre:
    id: int
    mediation_languages: list[str] | None


def test_only_the_centres_own_word_counts():
    stated = Entry(["it", "ar"])
    example = Entry(["it", "ar"], is_example=True)  # written by the project: its languages are a default
    unstated = Entry(None)
    assert states_language(stated, "ar") and not states_language(example, "ar") and not states_language(unstated, "ar")
    assert in_language([stated, example, unstated], "ar") == [stated]
    assert in_language([stated, example], None) == [stated, example]  # no filter asked
    assert stated_languages([stated, example, unstated, Entry(["ro", "it", "xx1"])]) == ["ar", "ro"]


def test_a_centre_with_a_mediator_keeps_its_services_for_that_language():
    mediator = Centre(1, ["ar", "ro"])
    silent = Centre(2, [])  # stated nothing: no mediator assumed
    unknown = Centre(3, None)
    assert mediates(mediator, "ar") and not mediates(mediator, "uk") and not mediates(silent, "ar")
    assert mediating([mediator, silent, unknown], "ar") == {1} and mediating([mediator], None) == frozenset()
    own = Entry(None, centro_id=1)  # no language stated, but its centre mediates Arabic
    example = Entry(None, is_example=True, centro_id=1)  # the centre's mediator helps with it too
    stated = Entry(["ar"], centro_id=2)  # the other centre states this one in Arabic
    other = Entry(["it"], centro_id=2)
    entries = [own, example, stated, other]
    assert in_language(entries, "ar", mediating([mediator, silent], "ar")) == [own, example, stated]
    assert in_language(entries, "uk", mediating([mediator, silent], "uk")) == []
    assert in_language(entries, "ar") == [stated]  # without the centres: the entries' own word only


def test_the_filter_offers_the_mediators_languages():
    entries = [Entry(["it", "sq"]), Entry(["zh"], is_example=True)]
    centri = [Centre(1, ["ar", "it", "ro"]), Centre(2, ["x!"]), Centre(3, None)]
    assert stated_languages(entries, centri) == ["ar", "ro", "sq"]
    assert stated_languages(entries) == ["sq"]


def test_the_link_holds_the_language():
    parsed = parse_query_string("comune=001255&nascita=2025-06&LINGUA=AR-ma&lang=en")
    assert parsed.errors == () and parsed.query.lingua == "ar"
    assert to_query_string(parsed.query) == "comune=001255&nascita=2025-06&lingua=ar&lang=en"
    bad = parse_query_string("comune=001255&lingua=arabic")
    assert bad.query.lingua is None and [e.code for e in bad.errors] == ["bad_lingua"]
    assert "arabic" in bad.errors[0].message("it")
    assert parse_query_string("lingua=ar,ro").errors[0].code == "bad_lingua"  # one language at a time


@given(st.sampled_from(["ar", "ro", "sq", "zh", "uk", None]), st.sampled_from(["it", "en"]))
def test_round_trip(lingua, lang):
    q = PathQuery(comune="001255", temi=("gioco-socialita",), lingua=lingua, lang=lang)
    assert parse_query_string(to_query_string(q)).query == q


def _first_service(db, query: PathQuery) -> CardEntry:
    p = path_out(db, query, TODAY)
    return db.get(CardEntry, p.figli[0].adesso[0].id)


def test_a_stated_language_narrows_the_path(db):
    base = PathQuery(comune="001255", nascita=parse_query_string("nascita=2025-06").query.nascita)
    everything = path_out(db, base, TODAY)
    assert everything.lingua is None and everything.lingue_dichiarate == []  # the seed's entries are examples
    entry = _first_service(db, base)
    entry.is_example, entry.languages = False, ["it", "ar"]
    db.add(entry)
    db.commit()

    p = path_out(db, base.model_copy(update={"lingua": "ar"}), TODAY)
    assert p.lingua.model_dump() == {"codice": "ar", "nome": "arabo", "trovata": True}
    assert [v.id for v in p.figli[0].adesso] == [entry.id] and p.figli[0].prossimi == []
    assert p.lingue_dichiarate == ["ar"]
    assert p.link.endswith("&lingua=ar")


def test_no_stated_language_shows_the_whole_path_and_says_so(db):
    base = PathQuery(comune="001255", nascita=parse_query_string("nascita=2025-06").query.nascita)
    everything = path_out(db, base, TODAY)
    p = path_out(db, base.model_copy(update={"lingua": "uk", "lang": "en"}), TODAY)
    assert p.lingua.model_dump() == {"codice": "uk", "nome": "Ukrainian", "trovata": False}
    assert [v.id for v in p.figli[0].adesso] == [v.id for v in everything.figli[0].adesso]
