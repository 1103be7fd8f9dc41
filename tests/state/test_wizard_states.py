"""The wizard's states, driven like the browser drives them: on_load from a URL, then handlers."""

from datetime import date

import pytest

from tests.state.conftest import arg, navigate, redirect_target, script_of
from zerosei_app.state import wizard_children
from zerosei_app.state.combobox import move
from zerosei_app.state.ui import UiState
from zerosei_app.state.wizard_children import ChildrenStepState
from zerosei_app.state.wizard_comune import ComuneStepState
from zerosei_app.state.wizard_temi import TemiStepState


@pytest.fixture
def frozen_today(monkeypatch):
    monkeypatch.setattr(wizard_children, "_today", lambda: date(2026, 11, 25))


# ---- language -------------------------------------------------------------------------------


def test_language_comes_from_the_link_and_sets_html_lang(state):
    s = state(UiState, "/?lang=en")
    script = s.on_load()
    assert s.lang == "en" and s.ready
    code = script_of(script)
    assert (
        code.startswith("document.documentElement.lang='en';") and "focus" not in code
    )  # first load: focus is left alone
    assert [(lang.code, lang.href) for lang in s.langs][:3] == [("it", "/"), ("en", "/?lang=en"), ("ro", "/?lang=ro")]
    assert len(s.langs) == 9
    # A page in another language has its texts' script, else loads it (components/head.py does first).
    assert "document.documentElement.dir='ltr';" in code and "/i18n/ui.en.js?v=" in code


def test_arabic_sets_html_dir_rtl(state):
    s = state(UiState, "/?lang=ar")
    code = script_of(s.on_load())
    assert s.lang == "ar"
    assert code.startswith("document.documentElement.lang='ar';document.documentElement.dir='rtl';")


def test_an_unknown_language_falls_back_to_italian(state):
    s = state(UiState, "/?lang=xx")
    s.on_load()
    assert s.lang == "it"


# ---- step 1: comune ---------------------------------------------------------------------------


def test_move_wraps_like_the_aria_pattern():
    assert [move(-1, "ArrowDown", 3), move(2, "ArrowDown", 3), move(0, "ArrowUp", 3), move(1, "Home", 3)] == [
        0,
        0,
        2,
        0,
    ]
    assert move(-1, "ArrowDown", 0) == -1


def test_type_pick_with_keys_and_continue(state):
    s = state(ComuneStepState, "/inizia/comune")
    s.on_load()
    assert s.text == "" and not s.expanded
    s.search("sant amb")
    assert s.options[0].name == "Sant'Ambrogio di Torino" and s.expanded
    assert s.status.startswith(f"{len(s.options)} comuni trovati")
    assert s.key("a") is None and s.active == -1  # letters never reach here from the browser, ignored anyway
    s.key("ArrowDown")
    assert s.active == 0 and s.active_id == "comune-opzione-0"
    follow = s.key("Enter")  # Enter on the active option chains the pick event
    assert follow.handler.fn.__qualname__.endswith("pick") and arg(follow, "code") == "001255"
    s.pick("001255")
    assert s.comune_code == "001255" and s.text == "Sant'Ambrogio di Torino" and not s.expanded
    assert s.status == "Hai scelto Sant'Ambrogio di Torino (TO)."
    events = s.submit()
    assert redirect_target(events) == ("/inizia/figli?comune=001255", False)  # a real step: pushed
    # ...after this step's own history entry got the choice, so Back shows it again.
    assert "replaceState(window.history.state, '', \"/inizia/comune?comune=001255\")" in script_of(events[0])


def test_escape_closes_then_clears(state):
    s = state(ComuneStepState, "/inizia/comune")
    s.on_load()
    s.search("chivaso")
    assert s.options[0].name == "Chivasso"
    s.key("Escape")
    assert not s.expanded and s.text == "chivaso"
    assert s.key("Escape") is not None  # second Escape asks to clear


def test_a_typed_exact_name_counts_as_picked(state):
    s = state(ComuneStepState, "/inizia/comune?nascita=2025-05")
    s.on_load()
    s.search("Chivasso")
    path, _ = redirect_target(s.submit())
    assert path == "/inizia/figli?comune=001082&nascita=2025-05"  # the other choices travel along


def test_continue_without_a_comune_explains(state):
    s = state(ComuneStepState, "/inizia/comune")
    s.on_load()
    s.search("baldissero")
    assert script_of(s.submit()).startswith("document.getElementById('comune-input')")
    assert "dall'elenco" in s.error
    s.search("")
    s.submit()
    assert "comune dove vivi" in s.error


def test_typing_again_unpicks(state):
    s = state(ComuneStepState, "/inizia/comune?comune=001255")
    s.on_load()
    assert s.text == "Sant'Ambrogio di Torino" and s.comune_code == "001255"
    s.search("Sant'Ambrogio di Torin")
    assert s.comune_code == ""


def test_pick_refuses_junk(state):
    s = state(ComuneStepState, "/inizia/comune")
    s.on_load()
    s.pick("<b>")
    s.pick("999999")
    assert s.comune_code == ""


def test_a_tampered_comune_is_reported_and_dropped(state):
    s = state(ComuneStepState, "/inizia/comune?comune=999999&nascita=2025-05")
    s.on_load()
    assert s.comune_code == "" and "999999" in s.notices[0]
    assert s.step_href["figli"] == "/inizia/figli?nascita=2025-05"


# ---- step 2: children -------------------------------------------------------------------------


def test_children_prefilled_from_the_link(state, frozen_today):
    s = state(ChildrenStepState, "/inizia/figli?comune=001255&nascita=2025-05&attesa=2027-03&lang=en")
    s.on_load()
    assert [(r.kind, r.month, r.year) for r in s.rows] == [("nato", "05", "2025"), ("atteso", "03", "2027")]
    assert s.legends == ["Child 1", "Child 2"] and s.months[0].label == "January"
    assert s.expected_years == ["2026", "2027"]


def test_add_edit_remove_and_continue(state, frozen_today):
    s = state(ChildrenStepState, "/inizia/figli?comune=001255&temi=sonno-pianto")
    s.on_load()
    s.edit(0, "month", "05")
    s.edit(0, "year", "2025")
    script_of(s.add())
    assert len(s.rows) == 2 and s.can_remove
    s.edit(1, "kind", "atteso")
    s.edit(1, "month", "03")
    s.edit(1, "year", "2027")
    assert all(r.error == "" for r in s.rows)
    events = s.submit()
    path, replace = redirect_target(events)
    assert (path, replace) == ("/inizia/temi?comune=001255&nascita=2025-05&attesa=2027-03&temi=sonno-pianto", False)
    assert '"/inizia/figli?comune=001255&nascita=2025-05&attesa=2027-03&temi=sonno-pianto"' in script_of(events[0])
    s.remove(1)
    assert len(s.rows) == 1


def test_six_children_at_most(state, frozen_today):
    s = state(ChildrenStepState, "/inizia/figli?comune=001255")
    s.on_load()
    for _ in range(8):
        s.add()
    assert len(s.rows) == 6 and not s.can_add


def test_inline_errors_and_focus_on_submit(state, frozen_today):
    s = state(ChildrenStepState, "/inizia/figli?comune=001255")
    s.on_load()
    s.edit(0, "month", "12")
    s.edit(0, "year", "2026")
    assert "nel futuro" in s.rows[0].error  # right away, not only on submit
    s.edit(0, "year", "2025")
    s.add()
    s.edit(1, "month", "02")
    assert "figlio-1-mese" in script_of(s.submit())
    assert s.rows[1].error == "Scegli l'anno."


def test_edits_from_a_forged_event_are_ignored(state, frozen_today):
    s = state(ChildrenStepState, "/inizia/figli?comune=001255")
    s.on_load()
    s.edit(0, "month", "99")
    s.edit(5, "month", "01")
    s.edit(0, "__class__", "x")
    s.remove(42)
    assert [(r.month, r.year) for r in s.rows] == [("", "")]


def test_children_step_without_a_comune(state, frozen_today):
    s = state(ChildrenStepState, "/inizia/figli?nascita=2025-05")
    s.on_load()
    assert not s.has_comune
    assert redirect_target(s.submit())[0] == "/inizia/comune?nascita=2025-05"


def test_a_tampered_birth_month_is_shown_on_its_row(state, frozen_today):
    s = state(ChildrenStepState, "/inizia/figli?comune=001255&nascita=2031-01,2025-13")
    s.on_load()
    assert "nel futuro" in s.rows[0].error and "2025-13" in s.notices[0]


# ---- step 3: topics ---------------------------------------------------------------------------


def test_topics_toggle_in_place_and_go_to_the_path(state):
    s = state(TemiStepState, "/inizia/temi?comune=001255&nascita=2025-05")
    s.on_load()
    assert len(s.ages) == 1 and s.ready_for_path
    script = script_of(s.toggle("gioco-socialita"))
    assert "replaceState" in script and "temi=gioco-socialita" in script  # no new history entry
    assert [c.slug for c in s.chips if c.pressed] == ["gioco-socialita"]
    s.toggle("not-a-topic")
    assert redirect_target(s.submit()) == ("/percorso?comune=001255&nascita=2025-05&temi=gioco-socialita", False)
    assert redirect_target(s.skip()) == ("/percorso?comune=001255&nascita=2025-05", False)


def test_reload_keeps_the_toggled_topics(state):
    s = state(TemiStepState, "/inizia/temi?comune=001255&nascita=2025-05")
    s.on_load()
    s.toggle("sonno-pianto")
    version = s.chips_version
    navigate(s, "/inizia/temi?comune=001255&nascita=2025-05&temi=sonno-pianto")
    s.on_load()
    assert [c.slug for c in s.chips if c.pressed] == ["sonno-pianto"] and s.chips_version == version + 1


def test_topics_step_sends_back_when_something_is_missing(state):
    s = state(TemiStepState, "/inizia/temi?nascita=2025-05")
    s.on_load()
    assert not s.ready_for_path
    assert redirect_target(s.submit())[0] == "/inizia/comune?nascita=2025-05"


def test_after_a_navigation_focus_moves_to_the_new_heading(state):
    s = state(UiState, "/")
    s.on_load()
    navigate(s, "/informazioni?lang=en")
    assert "querySelector('h1')" in script_of(s.on_load())


def test_the_picked_name_echoed_back_keeps_the_list_closed(state):
    s = state(ComuneStepState, "/inizia/comune")
    s.on_load()
    s.search("chivas")
    s.pick(s.options[0].value)
    s.search("Chivasso")  # the input's blur flushes its value again
    assert not s.expanded and s.comune_code == "001082"


def test_a_cap_of_one_comune_counts_as_picked_and_blur_does_not_reopen_the_list(state):
    s = state(ComuneStepState, "/inizia/comune")
    s.on_load()
    s.search("10024")
    assert s.expanded and [o.name for o in s.options] == ["Moncalieri"]
    s.close()  # a tap elsewhere
    s.search("10024")  # the input sends its text again on blur
    assert not s.expanded
    assert redirect_target(s.submit())[0] == "/inizia/figli?comune=001156"
    s.search("baldissero")  # three comuni: the parent must choose
    assert s.expanded and len(s.options) == 3
    assert "comune-input" in script_of(s.submit()) and s.error


def test_back_to_an_earlier_step_then_continua_keeps_the_later_answers(state):
    """The phone's Back lands on /inizia/comune?comune=… (its URL predates the months): the tab's
    answers come back into that URL, and Continua carries them on."""
    figli = state(ChildrenStepState, "/inizia/figli?comune=001255&temi=sonno-pianto")
    figli.on_load()
    figli.edit(0, "month", "05")
    figli.edit(0, "year", "2025")
    root = figli.parent_state
    while root.parent_state is not None:
        root = root.parent_state
    comune = root.get_substate(ComuneStepState.get_full_name().split(".")[1:])
    navigate(root, "/inizia/comune?comune=001255")
    events = comune.on_load()
    assert any('"/inizia/comune?comune=001255&nascita=2025-05&temi=sonno-pianto"' in script_of(e) for e in events[1:])
    assert redirect_target(comune.submit())[0] == "/inizia/figli?comune=001255&nascita=2025-05&temi=sonno-pianto"
    # A link that carries its own months is never overridden.
    navigate(root, "/inizia/comune?comune=001255&nascita=2024-01")
    comune.on_load()
    assert redirect_target(comune.submit())[0] == "/inizia/figli?comune=001255&nascita=2024-01&temi=sonno-pianto"
