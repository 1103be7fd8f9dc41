"""view/tappe_words.py: a tappa is translated only while its Italian is the text the translation was made from."""

from datetime import datetime

import pytest

from zerosei_app.data.tappe_seed import csv_tappe
from zerosei_app.i18n.catalogs import CATALOGS, LANGUAGES
from zerosei_app.view.tappe_out import tappe_out
from zerosei_app.view.tappe_view import print_tappe, tappa_view
from zerosei_app.view.tappe_words import FIELDS, ROW_FIELDS, Worded, tappa_key, tappa_text, tappa_words

TAPPE = csv_tappe(datetime(2026, 12, 6))
CONGEDO = next(x for x in TAPPE if x.id == "congedo_maternita")


def test_translated_when_unchanged():
    assert tappa_text(CONGEDO.id, "titolo", CONGEDO.title, "en") == Worded(
        "Maternity leave (congedo di maternità)", "en"
    )


def test_italian_marked_it_when_staff_edited_it():
    edited = CONGEDO.summary + " Aggiornato."
    assert tappa_text(CONGEDO.id, "sintesi", edited, "en") == Worded(edited, "it")
    # Only the edited field: the others stay translated.
    words = tappa_words(CONGEDO.model_copy(update={"summary": edited}), "en")
    assert words["sintesi"].lang == "it" and words["titolo"].lang == words["chi"].lang == "en"


def test_italian_for_italian_readers():
    assert tappa_words(CONGEDO, "it") == {key: Worded(getattr(CONGEDO, attr), "it") for key, attr in ROW_FIELDS.items()}


def test_a_tappa_the_catalogue_does_not_know_stays_italian():
    new = CONGEDO.model_copy(update={"id": "nuova_tappa"})
    assert {w.lang for w in tappa_words(new, "ar").values()} == {"it"}


def test_the_catalogue_italian_is_the_seeded_text():
    """Else the translation would never apply: a change to the CSV or the seed's rewrites must update it.po."""
    wrong = [
        tappa_key(x.id, key)
        for x in TAPPE
        for key, attr in ROW_FIELDS.items()
        if CATALOGS["it"].get(tappa_key(x.id, key)) != getattr(x, attr)
    ]
    assert wrong == []


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_language_translates_every_tappa(lang):
    missing = [tappa_key(x.id, f) for x in TAPPE for f in FIELDS if not CATALOGS[lang].get(tappa_key(x.id, f))]
    assert missing == []


def test_the_path_and_print_views_carry_the_language_and_the_note():
    unchanged, edited = tappe_out([CONGEDO, CONGEDO.model_copy(update={"timing": "quando vuoi"})])
    v = tappa_view(unchanged, "t0", "zh")
    assert (v.title_lang, v.summary_lang, v.timing_lang, v.who_lang, v.in_italian) == ("zh",) * 4 + (False,)
    assert v.title == CATALOGS["zh"][tappa_key(CONGEDO.id, "titolo")]
    e = tappa_view(edited, "t1", "zh")
    assert (e.timing, e.timing_lang, e.title_lang, e.in_italian) == ("quando vuoi", "it", "zh", True)
    assert tappa_view(edited, "t1", "it").in_italian is False  # Italian readers need no note
    p_unchanged, p_edited = print_tappe([unchanged, edited], "fr")
    assert (p_unchanged.title_lang, p_unchanged.in_italian) == ("fr", False)
    assert (p_edited.timing, p_edited.timing_lang, p_edited.in_italian) == ("quando vuoi", "it", True)


def test_the_server_rendered_preview_marks_each_text_with_its_language():
    from zerosei_app.web.path_preview import _tappa

    unchanged, edited = tappe_out([CONGEDO, CONGEDO.model_copy(update={"summary": "Testo nuovo."})])
    html = _tappa(tappa_view(unchanged, "t0", "ar"), "ar")
    assert 'class="tappa-title" lang="ar"' in html and 'lang="it"' in html  # the source's title stays Italian
    assert "tappa-it-note" not in html
    html = _tappa(tappa_view(edited, "t1", "ar"), "ar")
    assert '<p lang="it">Testo nuovo.</p>' in html and "tappa-it-note" in html


def test_italian_names_inside_arabic_keep_their_order():
    """In a right-to-left translation each Latin run is isolated (its brackets then mirror with the Arabic)."""
    nido = next(x for x in TAPPE if x.id == "bonus_asilo_nido")
    titolo = tappa_text(nido.id, "titolo", nido.title, "ar").text
    assert "\u2066INPS\u2069 (\u2066Bonus asilo nido\u2069)" in titolo
    assert titolo.replace("\u2066", "").replace("\u2069", "") == CATALOGS["ar"][tappa_key(nido.id, "titolo")]
    assert "\u2066" not in tappa_text(nido.id, "titolo", nido.title, "zh").text
    assert tappa_text(nido.id, "titolo", nido.title + "!", "ar").text == nido.title + "!"  # Italian: CSS isolates it
