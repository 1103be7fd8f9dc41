from hypothesis import given
from hypothesis import strategies as st

from zerosei_app.domain.text import fold


def test_spec_examples():
    assert fold("Sant'Ambrogio di Torino") == "sant ambrogio di torino"
    assert fold("SANT’AMBROGIO") == "sant ambrogio"


def test_accents_are_dropped():
    assert fold("Agliè") == "aglie"
    assert fold("MONDOVÌ") == "mondovi"
    assert fold("Cavaglià") == "cavaglia"
    assert fold("Crème Brûlée") == "creme brulee"  # accents inside a word, not only at the end


def test_apostrophes_hyphens_and_backticks_become_spaces():
    assert fold("Moransengo-Tonengo") == "moransengo tonengo"
    assert fold("Sant`Ambrogio") == "sant ambrogio"
    assert fold("Baldissero d'Alba") == "baldissero d alba"


def test_spaces_collapse_and_strip():
    assert fold("  Torre \t\n  Pellice  ") == "torre pellice"
    assert fold("") == ""
    assert fold(" '-’ ") == ""


def test_casefold_not_just_lower():
    assert fold("Straße") == "strasse"


@given(st.text())
def test_fold_is_idempotent_and_clean(s):
    folded = fold(s)
    assert fold(folded) == folded
    assert folded == folded.strip()
    assert "  " not in folded
    assert all(c.isalnum() or c == " " for c in folded)
