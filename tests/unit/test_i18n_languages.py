"""The nine catalogues: valid gettext, reviewed or marked for review, complete or with a documented fallback."""

import re
import shutil
import subprocess
import warnings
from pathlib import Path

import pytest

from zerosei_app.i18n import LANGUAGES, plural, t
from zerosei_app.i18n.catalogs import CATALOGS, COMPLETE_LANGUAGES, LOCALES_DIR, REVIEW, TO_REVIEW
from zerosei_app.i18n.coverage import direction, fallback_markdown, missing_keys

README = Path(__file__).resolve().parents[2] / "README.md"
# The Italian keys when the seven languages were written: they must be translated or documented.
# Keys added to it.po since then are listed by test_keys_added_later_are_listed, not failed.
KEYS_AT_TRANSLATION = set(Path(__file__).with_name("i18n_keys_h18a.txt").read_text().split())
NEW = [lang for lang in LANGUAGES if lang not in COMPLETE_LANGUAGES]


def documented_fallbacks() -> dict[str, set[str]]:
    text = README.read_text(encoding="utf-8")
    block = text.split("<!-- fallback:start -->", 1)[1].split("<!-- fallback:end -->", 1)[0]
    out: dict[str, set[str]] = {}
    for key, langs in re.findall(r"^- `([^`]+)`: (.+)$", block, re.MULTILINE):
        out[key] = {lang.strip() for lang in langs.split(",")}
    return out


def test_the_nine_languages_are_there():
    assert set(LANGUAGES) == {"it", "en", "ro", "ar", "sq", "zh", "es", "fr", "uk"}
    assert LANGUAGES[:2] == ("it", "en")


@pytest.mark.skipif(shutil.which("msgfmt") is None, reason="gettext's msgfmt is not installed")
@pytest.mark.parametrize("lang", LANGUAGES)
def test_msgfmt_check_passes(lang):
    done = subprocess.run(
        ["msgfmt", "--check", "-o", "/dev/null", str(LOCALES_DIR / f"{lang}.po")], capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr


@pytest.mark.parametrize("lang", LANGUAGES)
def test_babel_reads_every_catalogue(lang):
    assert len(CATALOGS[lang]) > 300


@pytest.mark.parametrize("lang", NEW)
def test_new_languages_carry_a_review_status(lang):
    assert REVIEW[lang] in (TO_REVIEW, "rivista")
    assert REVIEW["it"] == "lingua di riferimento"


@pytest.mark.parametrize("lang", NEW)
def test_every_key_is_translated_or_documented_as_italian(lang):
    documented = {key for key, langs in documented_fallbacks().items() if lang in langs}
    undocumented = sorted((set(missing_keys(lang)) & KEYS_AT_TRANSLATION) - documented)
    assert undocumented == [], f"{lang}.po lacks {undocumented} and the README does not list them"


def test_the_readme_list_is_what_the_catalogues_miss():
    """Only keys that exist at translation time: a key another branch adds later must not fail this."""
    documented = documented_fallbacks()
    for key, langs in documented.items():
        for lang in langs:
            assert key not in CATALOGS[lang], f"{key} is translated in {lang}: drop it from the README list"
    # The list is generated: the generator and the README agree on the keys both know.
    generated = {line for line in fallback_markdown().splitlines() if line.split("`")[1] in KEYS_AT_TRANSLATION}
    assert generated <= {f"- `{k}`: {', '.join(sorted(v, key=LANGUAGES.index))}" for k, v in documented.items()}


def test_keys_added_later_are_listed():
    later = {lang: sorted(set(missing_keys(lang)) - KEYS_AT_TRANSLATION) for lang in NEW}
    later = {lang: keys for lang, keys in later.items() if keys}
    if later:  # shown in Italian until translated: run `python -m zerosei_app.i18n.coverage` for the README
        warnings.warn(f"texts shown in Italian, not yet in the README list: {later}", stacklevel=1)


def test_parents_texts_are_all_translated():
    """Every key of the parents' pages exists in every language (only staff and feed labels fall back)."""
    for lang in NEW:
        parents = [
            k
            for k in missing_keys(lang)
            if k in KEYS_AT_TRANSLATION and not k.startswith(("category.", "error.session_", "ui.carta.staff_"))
        ]
        assert parents == [], (lang, parents)


@pytest.mark.parametrize(
    ("lang", "n", "expected"),
    [
        ("ro", 1, "1 lună"),
        ("ro", 2, "2 luni"),
        ("ro", 20, "20 de luni"),
        ("uk", 1, "1 місяць"),
        ("uk", 3, "3 місяці"),
        ("uk", 5, "5 місяців"),
        ("uk", 21, "21 місяць"),
        ("ar", 2, "شهران"),
        ("ar", 3, "3 أشهر"),
        ("ar", 11, "11 شهرًا"),
        ("zh", 1, "1 个月"),
        ("zh", 7, "7 个月"),
        ("fr", 1, "1 mois"),
        ("es", 2, "2 meses"),
        ("sq", 1, "1 muaj"),
    ],
)
def test_age_plurals_follow_each_language(lang, n, expected):
    assert plural("age.months", n, lang) == expected


def test_plural_placeholders_may_name_the_count():
    # Italian "one" is "1 comune trovato"; Ukrainian "one" also covers 21, so it names {n}.
    assert plural("wiz.comune.results", 21, "uk").startswith("Знайдено 21 ")


def test_direction_comes_from_cldr():
    assert direction("ar") == "rtl"
    assert {direction(lang) for lang in LANGUAGES if lang != "ar"} == {"ltr"}
    assert direction("xx") == "ltr"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_each_language_names_itself(lang):
    names = {t("ui.lang.name", code) for code in LANGUAGES}
    assert len(names) == len(LANGUAGES)
    assert t("ui.lang.name", lang) != t("ui.lang.name", "it") or lang == "it"


def test_a_chinese_month_name_does_not_leak_into_other_languages():
    """Babel 2.18 wrote one locale's resolved aliases into data shared by all (i18n/babel_fix.py)."""
    from babel.dates import get_month_names

    from zerosei_app.domain.months import YearMonth
    from zerosei_app.i18n.format import month_year

    assert get_month_names("wide", context="stand-alone", locale="zh")[3] == "三月"
    for lang, march in {"it": "marzo", "es": "marzo", "fr": "mars", "ro": "martie", "sq": "mars", "ar": "مارس"}.items():
        assert get_month_names("wide", context="stand-alone", locale=lang)[3] == march
        assert month_year(YearMonth(2027, 3), lang) == f"{march} 2027"
    assert month_year(YearMonth(2027, 3), "uk") == "березень 2027"
