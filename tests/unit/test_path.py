from dataclasses import dataclass, field

import pytest
from hypothesis import given
from hypothesis import strategies as st

from zerosei_app.domain.age import Child
from zerosei_app.domain.catalog import CATEGORIES
from zerosei_app.domain.months import YearMonth
from zerosei_app.domain.path import ChildPath, Upcoming, select_for_child


@dataclass
class Entry:
    id: int
    title: str = "Servizio"
    category: str = "interventi-sostegno"
    topics: tuple[str, ...] = ()
    age_min_months: int = 0
    age_max_months: int = 72
    extra: dict = field(default_factory=dict)


BORN = Child("nato", YearMonth(2025, 11), 12)  # one year old in 2026-11


def ids(entries):
    return [e.id for e in entries]


@pytest.mark.parametrize(
    "age_min, age_max, where",
    [
        (12, 20, "now"),  # age == min
        (0, 12, "now"),  # age == max
        (0, 11, None),  # already too old
        (13, 30, "upcoming"),  # starts next month
        (24, 30, "upcoming"),  # min == age + 12
        (25, 30, None),  # min == age + 13: beyond the lookahead
    ],
)
def test_now_and_upcoming_boundaries(age_min, age_max, where):
    path = select_for_child([Entry(1, age_min_months=age_min, age_max_months=age_max)], BORN)
    assert ids(path.now) == ([1] if where == "now" else [])
    assert [u.entry.id for u in path.upcoming] == ([1] if where == "upcoming" else [])


def test_upcoming_carries_when_it_starts():
    entry = Entry(1, age_min_months=18, age_max_months=36)
    path = select_for_child([entry], BORN)
    assert path.upcoming == [Upcoming(entry, starts_in_months=6, starts_on=YearMonth(2027, 5))]


def test_expected_child_counts_from_the_due_month():
    expecting = Child("atteso", YearMonth(2027, 3), -4)
    pregnancy = Entry(1, age_min_months=-9, age_max_months=-1)
    newborn = Entry(2, age_min_months=0, age_max_months=12)
    toddler = Entry(3, age_min_months=12, age_max_months=36)
    path = select_for_child([toddler, newborn, pregnancy], expecting)
    assert ids(path.now) == [1]
    assert path.upcoming == [Upcoming(newborn, 4, YearMonth(2027, 3))]


def test_topic_filter_keeps_entries_sharing_a_topic():
    entries = [
        Entry(1, topics=("sonno-pianto",)),
        Entry(2, topics=("nido-scuola", "gioco-socialita")),
        Entry(3, topics=()),
    ]
    assert ids(select_for_child(entries, BORN, topics=("gioco-socialita", "disabilita")).now) == [2]
    assert ids(select_for_child(entries, BORN, topics=()).now) == [1, 2, 3]


def test_ordering_same_width_category_then_age_then_title_then_id():
    entries = [
        Entry(1, category="sconosciuta"),
        Entry(2, category=CATEGORIES[1], age_min_months=6, age_max_months=78),
        Entry(3, category=CATEGORIES[1], age_min_months=0, title="Zebre"),
        Entry(4, category=CATEGORIES[1], age_min_months=0, title="Àpe"),
        Entry(5, category=CATEGORIES[1], age_min_months=0, title="ape"),
        Entry(6, category=CATEGORIES[0], age_min_months=9, age_max_months=81),
    ]
    assert ids(select_for_child(entries, BORN).now) == [6, 4, 5, 3, 2, 1]


def test_narrow_ranges_that_contain_the_age_come_first():
    entries = [
        Entry(1, category=CATEGORIES[0], age_min_months=-9, age_max_months=72),  # first category, broadest
        Entry(2, category=CATEGORIES[9], age_min_months=12, age_max_months=36),
        Entry(3, category=CATEGORIES[5], age_min_months=0, age_max_months=72),
        Entry(4, category=CATEGORIES[9], age_min_months=8, age_max_months=14),
    ]
    assert ids(select_for_child(entries, BORN).now) == [4, 2, 3, 1]


def test_upcoming_same_start_narrow_first():
    entries = [
        Entry(1, age_min_months=14, age_max_months=72),
        Entry(2, age_min_months=14, age_max_months=20),
    ]
    assert [u.entry.id for u in select_for_child(entries, BORN).upcoming] == [2, 1]


def test_upcoming_ordered_by_start_first():
    entries = [
        Entry(1, category=CATEGORIES[0], age_min_months=20),
        Entry(2, category=CATEGORIES[5], age_min_months=14),
        Entry(3, category=CATEGORIES[0], age_min_months=14),
    ]
    path = select_for_child(entries, BORN)
    assert [(u.entry.id, u.starts_in_months) for u in path.upcoming] == [(3, 2), (2, 2), (1, 8)]


entry_lists = st.lists(
    st.builds(
        Entry,
        id=st.integers(0, 50),
        title=st.sampled_from(["Ape", "àpe", "Zebra", "Nido", "nido"]),
        category=st.sampled_from([*CATEGORIES[:3], "altro"]),
        topics=st.lists(st.sampled_from(["a", "b", "c"]), max_size=2).map(tuple),
        age_min_months=st.integers(-9, 40),
        age_max_months=st.integers(-9, 72),
    ),
    max_size=20,
)


@given(entry_lists, st.integers(-9, 72), st.randoms())
def test_result_does_not_depend_on_input_order(entries, age, rnd):
    child = Child("nato" if age >= 0 else "atteso", YearMonth(2026, 1), age)
    shuffled = list(entries)
    rnd.shuffle(shuffled)
    a, b = select_for_child(entries, child), select_for_child(shuffled, child)
    assert [(e.id, e.title, e.category, e.age_min_months) for e in a.now] == [
        (e.id, e.title, e.category, e.age_min_months) for e in b.now
    ]
    assert [u.starts_in_months for u in a.upcoming] == [u.starts_in_months for u in b.upcoming]
    for u in a.upcoming:
        assert 1 <= u.starts_in_months <= 12
        assert u.starts_on == child.month.plus(u.entry.age_min_months)


def test_child_path_shape():
    path = select_for_child([], BORN)
    assert path == ChildPath(child=BORN, now=[], upcoming=[])
