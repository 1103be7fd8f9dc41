"""domain/tappe.py: which public steps fit a child now, which open soon, and the calendar's reminder days."""

import csv
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from zerosei_app.domain import funzioni
from zerosei_app.domain.age import Child
from zerosei_app.domain.months import YearMonth
from zerosei_app.domain.tappe import fits, reminder_day, reminders, select_tappe

DATA = Path(__file__).resolve().parents[2] / "zerosei_app" / "data"


@dataclass
class T:
    id: str
    age_min_months: int = 0
    age_max_months: int | None = 72
    title: str = "Tappa"
    scope: str = "nazionale"


def born(year: int, month: int, age: int) -> Child:
    return Child("nato", YearMonth(year, month), age)


def test_now_and_upcoming_by_age():
    tappe = [T("sempre", 0, None), T("stretto", 12, 24), T("dopo", 20, 30), T("lontano", 40, 50), T("passato", 0, 6)]
    path = select_tappe(tappe, born(2025, 10, 14))
    assert [t.id for t in path.now] == ["stretto", "sempre"]  # the narrowest window first
    assert [(s.tappa.id, s.starts_in_months, str(s.starts_on)) for s in path.upcoming] == [("dopo", 6, "2027-06")]


def test_regional_before_national_on_equal_windows():
    tappe = [T("naz", 0, 12, scope="nazionale"), T("reg", 0, 12, scope="regionale")]
    assert [t.id for t in select_tappe(tappe, born(2026, 1, 3)).now] == ["reg", "naz"]


def test_pregnancy_is_an_expected_child():
    expected = Child("atteso", YearMonth(2027, 3), -4)
    tappe = [T("gravidanza", -9, 0), T("nascita", 0, 0), T("congedo", -2, 5), T("scuola", 28, 72)]
    path = select_tappe(tappe, expected)
    assert [t.id for t in path.now] == ["gravidanza"]
    assert [s.tappa.id for s in path.upcoming] == ["congedo", "nascita"]
    assert str(path.upcoming[0].starts_on) == "2027-01"


def test_school_enrolment_reminder_is_the_january_of_the_year_the_child_turns_3():
    scuola = T("iscrizione_scuola_infanzia", 28, 72)
    assert reminder_day(scuola, YearMonth(2024, 12)) == date(2027, 1, 7)
    assert reminder_day(scuola, YearMonth(2024, 1)) == date(2027, 1, 7)
    # A 14-month-old born in 2025-10: reminded in January 2028; a 4-year-old: too late, no reminder.
    assert reminders([scuola], born(2025, 10, 14), date(2026, 12, 6)) == [(scuola, date(2028, 1, 7))]
    assert reminders([scuola], born(2022, 10, 50), date(2026, 12, 6)) == []


def test_reminders_only_for_windows_opening_later():
    tappe = [T("adesso", 0, 24), T("dopo", 24, 36), T("chiuso", 0, 6)]
    got = reminders(tappe, born(2025, 10, 14), date(2026, 12, 6))
    assert [(t.id, d) for t, d in got] == [("dopo", date(2027, 10, 1))]


@given(
    st.integers(-9, 72),
    st.lists(st.tuples(st.integers(-9, 72), st.one_of(st.none(), st.integers(-9, 72))), max_size=12),
)
def test_every_step_is_now_or_soon_at_most_once(age, windows):
    tappe = [T(f"t{i}", da, a if a is None or a >= da else da) for i, (da, a) in enumerate(windows)]
    path = select_tappe(tappe, born(2026, 1, age) if age >= 0 else Child("atteso", YearMonth(2027, 1), age))
    now = {t.id for t in path.now}
    soon = {s.tappa.id for s in path.upcoming}
    assert not now & soon
    assert now == {t.id for t in tappe if fits(t, age)}
    assert all(0 < s.starts_in_months <= 12 for s in path.upcoming)


def test_tappe_csv_windows_are_sane():
    with open(DATA / "tappe_0_6_piemonte.csv", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    assert len(rows) == 25
    for r in rows:
        assert -9 <= int(r["eta_da_mesi"]) <= 72, r["tappa_id"]
        assert r["source_url"].startswith("http"), r["tappa_id"]


def test_funzioni_match_their_csv():
    with open(DATA / "funzioni_centri_linee_guida.csv", encoding="utf-8") as fh:
        rows = {r["function_id"]: r for r in csv.DictReader(fh)}
    assert set(rows) == set(funzioni.BY_ID)
    for fid, f in funzioni.BY_ID.items():
        assert f.irrinunciabile == (rows[fid]["obbligatoria"] == "si"), fid
        assert funzioni.SOURCES[f.source].url == rows[fid]["source_url"], fid
    assert len(funzioni.irrinunciabili()) == 4
    assert "mediazione_familiare" in {f.id for f in funzioni.irrinunciabili()}
