"""Where each service goes on a page for several children: once, saying for whom; situational ones apart."""

from hypothesis import given
from hypothesis import strategies as st

from zerosei_app.domain.catalog import SITUATIONAL_TOPICS, TOPICS
from zerosei_app.domain.path import Placed, is_situational, place


def keys(items):
    return [p.key for p in items]


def test_situational_topics_are_known_topics():
    assert set(TOPICS) >= SITUATIONAL_TOPICS
    assert {"separazione-mediazione", "lutto", "ascolto-violenza", "affido-adozione"} <= SITUATIONAL_TOPICS


def test_is_situational_unless_the_parent_asked_for_it():
    assert is_situational(["separazione-mediazione", "diritti-aiuti"])
    assert is_situational(["lutto"], picked=["sonno-pianto"])
    assert not is_situational(["lutto"], picked=["lutto"])
    assert not is_situational(["essere-genitori", "diritti-aiuti"])
    assert not is_situational([])


def test_one_child_keeps_its_order_and_sets_aside_the_situational():
    p = place([["a", "sep", "b"]], [[("c", 2), ("lut", 5)]], situational=lambda k: k in {"sep", "lut"})
    assert keys(p.now[0]) == ["a", "b"]
    assert keys(p.upcoming[0]) == ["c"]
    assert keys(p.situational) == ["sep", "lut"]  # those that fit now first
    assert p.shared == []
    assert p.now[0][0] == Placed("a", now_for=(0,), soon_for=())


def test_a_service_for_two_children_is_shown_once_saying_for_whom():
    p = place([["x", "both"], ["y", "both"]], [[], []])
    assert keys(p.now[0]) == ["x"] and keys(p.now[1]) == ["y"]
    assert p.shared == [((0, 1), [Placed("both", (0, 1), ())])]


def test_now_for_one_child_is_not_repeated_in_the_coming_months_of_another():
    p = place([["reading"], []], [[], [("reading", 4), ("newborn", 4)]])
    assert keys(p.now[0]) == ["reading"] and p.now[0][0].soon_for == (1,)
    assert keys(p.upcoming[1]) == ["newborn"]


def test_coming_for_two_children_goes_where_it_starts_soonest():
    p = place([[], []], [[("s", 9)], [("s", 3)]])
    assert keys(p.upcoming[0]) == [] and keys(p.upcoming[1]) == ["s"]
    assert p.upcoming[1][0].soon_for == (0, 1)


def test_shared_groups_with_more_children_first():
    p = place([["ab", "abc"], ["ab", "abc"], ["abc"]], [[], [], []])
    assert [(who, keys(items)) for who, items in p.shared] == [((0, 1, 2), ["abc"]), ((0, 1), ["ab"])]


ids = st.sampled_from("abcdefgh")


@given(
    st.lists(st.lists(ids, unique=True, max_size=6), min_size=1, max_size=4),
    st.data(),
)
def test_every_service_is_shown_exactly_once(now, data):
    soon = [data.draw(st.lists(st.tuples(ids, st.integers(1, 12)), unique_by=lambda t: t[0], max_size=5)) for _ in now]
    soon = [[(k, s) for k, s in items if k not in now[i]] for i, items in enumerate(soon)]
    sit = data.draw(st.sets(ids))
    p = place(now, soon, situational=lambda k: k in sit)
    shown = [
        *(x.key for items in p.now for x in items),
        *(x.key for _, items in p.shared for x in items),
        *(x.key for items in p.upcoming for x in items),
        *keys(p.situational),
    ]
    expected = {k for items in now for k in items} | {k for items in soon for k, _ in items}
    assert sorted(shown) == sorted(expected)
    assert all(x.key in sit for x in p.situational)
