import string
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from zerosei_app.i18n import LANGUAGES, normalize_lang, plural, t
from zerosei_app.i18n.catalogs import CATALOGS, COMPLETE_LANGUAGES, LOCALES_DIR


def placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}


def test_languages_are_discovered_from_the_folder_italian_first():
    assert LANGUAGES[0] == "it"
    assert set(LANGUAGES) == {p.stem for p in Path(LOCALES_DIR).glob("*.po")}
    assert {"it", "en"} <= set(LANGUAGES)


@pytest.mark.parametrize("lang", COMPLETE_LANGUAGES)
def test_every_complete_catalogue_translates_every_italian_key(lang):
    # The other languages may fall back to Italian for a documented list (test_i18n_languages.py).
    assert set(CATALOGS[lang]) == set(CATALOGS["it"])


@pytest.mark.parametrize("lang", [lang for lang in LANGUAGES if lang != "it"])
def test_placeholders_match_italian(lang):
    for key, text in CATALOGS[lang].items():
        italian = CATALOGS["it"].get(key)
        if italian is None:  # a plural category Italian does not have (Arabic "two", Ukrainian "few"…)
            continue
        # A count may be named where Italian spells it out ("1 comune"): other languages' "one" covers 21.
        assert placeholders(text) - {"n"} == placeholders(italian) - {"n"}, key


def test_translate_and_format():
    assert t("error.bad_month", "it", value="2025-13") == (
        "Non riusciamo a leggere il mese «2025-13». Sceglilo di nuovo, per favore."
    )
    assert t("error.bad_month", "en", value="2025-13") == (
        "We couldn't read the month “2025-13”. Please choose it again."
    )


def test_default_language_is_italian():
    assert t("topic.sonno-pianto") == "Sonno e pianto"


def test_unknown_language_falls_back_to_italian():
    assert t("topic.sonno-pianto", "de") == "Sonno e pianto"
    assert t("topic.sonno-pianto", None) == "Sonno e pianto"  # type: ignore[arg-type]


def test_regional_variants_use_the_base_language():
    assert t("topic.sonno-pianto", "en-GB") == "Sleep and crying"
    assert normalize_lang("EN_us") == "en"


def test_missing_translation_falls_back_to_italian(monkeypatch):
    monkeypatch.setitem(CATALOGS["it"], "test.only_italian", "solo in italiano")
    assert t("test.only_italian", "en") == "solo in italiano"


def test_unknown_key_falls_back_to_the_key():
    assert t("does.not.exist", "en") == "does.not.exist"


def test_bad_params_give_the_unformatted_text():
    raw = CATALOGS["it"]["error.bad_month"]
    assert t("error.bad_month") == raw
    assert t("error.bad_month", wrong=1) == raw

    class Hostile:
        def __format__(self, spec):
            raise RuntimeError("boom")

    assert t("error.bad_month", value=Hostile()) == raw


# Placeholder names can't be t()'s own parameter names ("key", "lang"): Python refuses those.
_PARAM_NAMES = st.text(min_size=1).filter(lambda s: s not in ("key", "lang"))


@given(st.text(), st.one_of(st.text(), st.none(), st.integers()), st.dictionaries(_PARAM_NAMES, st.text()))
def test_t_never_raises(key, lang, params):
    assert isinstance(t(key, lang, **params), str)


@given(st.text(), st.one_of(st.integers(), st.floats(), st.none()), st.text())
def test_plural_never_raises(key_base, n, lang):
    assert isinstance(plural(key_base, n, lang), str)


@pytest.mark.parametrize(
    "n, lang, expected",
    [
        (0, "it", "0 mesi"),
        (1, "it", "1 mese"),
        (2, "it", "2 mesi"),
        (1_000_000, "it", "1000000 mesi"),  # CLDR "many" in Italian: falls back to "other"
        (0, "en", "0 months"),
        (1, "en", "1 month"),
        (11, "en", "11 months"),
    ],
)
def test_plural(n, lang, expected):
    assert plural("age.months", n, lang) == expected


def test_plural_of_unknown_key_does_not_raise():
    assert plural("nothing.here", 3, "en") == "nothing.here.other"
