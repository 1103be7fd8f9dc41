"""The path's .ics feed reminds, all day, of each public step whose window opens later for a child."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from icalendar import Calendar

from zerosei_app.domain import clock
from zerosei_app.domain.sessions import ROME

NOW = datetime(2026, 12, 6, 10, 0, tzinfo=ROME)


@pytest.fixture
def fixed_now(monkeypatch):
    monkeypatch.setattr(clock, "now", lambda: NOW)


def _reminders(client, query: str) -> dict[str, tuple[date, str]]:
    r = client.get(f"/percorso.ics?{query}")
    assert r.status_code == 200
    cal = Calendar.from_ical(r.content)
    return {
        str(e["UID"]): (e.decoded("DTSTART"), str(e["DESCRIPTION"]))
        for e in cal.walk("VEVENT")
        if str(e["UID"]).startswith("tappa-")
    }


def test_school_enrolment_is_reminded_in_the_january_of_the_year_the_child_turns_3(client, fixed_now):
    got = _reminders(client, "comune=103032&nascita=2025-10")  # 14 months old
    day, text = got["tappa-iscrizione_scuola_infanzia-2025-10@zerosei"]
    assert day == date(2028, 1, 7) and not isinstance(day, datetime)  # all day
    assert "Fonte:" in text and "Chi:" in text and "Da verificare sul sito ufficiale" in text
    # Windows already open give no reminder; later ones do, on the first day of their month.
    assert "tappa-vaccini_secondo_anno-2025-10@zerosei" not in got
    assert got["tappa-vaccini_5_6_anni-2025-10@zerosei"][0] == date(2030, 10, 1)
    assert all(d > NOW.date() for d, _ in got.values())


def test_a_pregnancy_gets_the_steps_of_the_birth(client, fixed_now):
    got = _reminders(client, "comune=103032&attesa=2027-04")
    assert got["tappa-dichiarazione_nascita-2027-04@zerosei"][0] == date(2027, 4, 1)
    assert got["tappa-congedo_maternita-2027-04@zerosei"][0] == date(2027, 2, 1)
    assert "tappa-agenda_gravidanza-2027-04@zerosei" not in got  # already open


def test_the_reminders_read_in_the_link_language(client, fixed_now):
    """The tappe's texts are translated like on the page (view/tappe_words.py)."""
    r = client.get("/percorso.ics?comune=103032&nascita=2025-10&lang=en")
    events = {str(e["UID"]): e for e in Calendar.from_ical(r.content).walk("VEVENT")}
    e = events["tappa-iscrizione_scuola_infanzia-2025-10@zerosei"]
    assert str(e["SUMMARY"]) == "ZeroSei: Enrolling in pre-school (scuola dell'infanzia)"
    assert "Who: Ministero dell'Istruzione e del Merito, schools" in str(e["DESCRIPTION"])
