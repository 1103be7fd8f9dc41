"""Parents' URLs: steps carry the partial PathQuery; the language switch keeps everything else."""

from zerosei_app.domain.link import PathQuery
from zerosei_app.domain.months import YearMonth
from zerosei_app.view import urls


def test_link_is_the_canonical_query():
    q = PathQuery(comune="001255", nascita=(YearMonth(2025, 5),), temi=("sonno-pianto",))
    assert urls.link(urls.STEP_CHILDREN, q) == "/inizia/figli?comune=001255&nascita=2025-05&temi=sonno-pianto"
    assert urls.link(urls.STEP_COMUNE, PathQuery()) == "/inizia/comune"
    assert urls.link(urls.STEP_TEMI, q, anchor="temi").endswith("#temi")


def test_lang_only():
    assert urls.lang_only(urls.HOME, "it") == "/"
    assert urls.lang_only(urls.HOME, "en") == "/?lang=en"
    assert urls.lang_only(urls.HOME, "xx") == "/"


def test_with_lang_keeps_every_other_parameter_even_broken_ones():
    raw = "comune=999999&nascita=2025-13,2024-02&utm_source=x&lang=it"
    assert (
        urls.with_lang("/percorso", raw, "en") == "/percorso?comune=999999&nascita=2025-13,2024-02&utm_source=x&lang=en"
    )
    assert urls.with_lang("/percorso", "comune=001255&LANG=en&Lang=de", "it") == "/percorso?comune=001255"
    assert urls.with_lang("/", "", "en") == "/?lang=en"
    assert urls.with_lang("/", "?lang=en#x", "it") == "/"


def test_with_lang_drops_a_hostile_huge_query():
    assert urls.with_lang("/percorso", "comune=" + "9" * 5000, "en") == "/percorso?lang=en"


def test_replace_url_script_quotes_the_url_as_a_js_string():
    js = urls.replace_url_script('/percorso?comune=001255"); alert(1); ("')
    assert js.startswith("window.history.replaceState(window.history.state, '', ")
    assert '\\"); alert(1); (\\"' in js  # stays inside the string literal


def test_pages_that_only_carry_the_language_keep_all_nine():
    from zerosei_app.i18n import LANGUAGES
    from zerosei_app.view import urls

    assert urls.lang_only(urls.HOME, "it") == "/"
    for lang in LANGUAGES[1:]:
        assert urls.lang_only(urls.STEP_COMUNE, lang) == f"{urls.STEP_COMUNE}?lang={lang}"
    assert urls.lang_only(urls.HOME, "de") == "/"
