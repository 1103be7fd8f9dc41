"""The interface texts compiled into the pages, and the keys the parents' code builds at run time."""

import pytest

from zerosei_app.i18n import LANGUAGES
from zerosei_app.i18n.catalogs import CATALOGS
from zerosei_app.state.ui import UI_PREFIX
from zerosei_app.view.languages import lang_links, ui_catalog
from zerosei_app.view.page_words import REPORT_OUTCOME_KEYS, SHARE_RESULTS

DYNAMIC = (
    [f"ui.wiz.step{n}" for n in (1, 2, 3)]
    + [f"path.centro.status.{s}" for s in ("parziale", "solo_nome", "incerto")]
    + [f"path.share.{r}" for r in SHARE_RESULTS if r != "aborted"]
    + list(REPORT_OUTCOME_KEYS.values())
)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_keys_built_at_run_time_exist(lang):
    assert [k for k in DYNAMIC if k not in CATALOGS[lang]] == []


@pytest.mark.parametrize("lang", LANGUAGES)
def test_ui_catalogue_only_carries_ui_keys_and_misses_none(lang):
    catalog = ui_catalog(lang)
    assert all(k.startswith(UI_PREFIX) for k in catalog)
    assert set(catalog) == {k for k in CATALOGS["it"] if k.startswith(UI_PREFIX)}


def test_ui_catalogue_falls_back_to_italian(monkeypatch):
    monkeypatch.setitem(CATALOGS["it"], "ui.test.only_it", "solo italiano")
    assert ui_catalog("en")["ui.test.only_it"] == "solo italiano"


def test_components_refuse_server_side_keys():
    from zerosei_app.components.i18n import t

    with pytest.raises(ValueError):
        t("path.now")


def test_a_page_text_carries_the_italian_and_reads_the_language_script():
    """The hydrate sends no catalogue, nor does the page carry every language: the compiled text is the
    Italian one, or the page language's own from its script (/i18n/ui.<lang>.js), picked by UiState.lang."""
    from zerosei_app.components.i18n import t
    from zerosei_app.state.ui import UiState

    code = str(t("ui.home.start"))
    assert '"Inizia"' in code and '"ui.home.start"' in code and "__zsUi" in code and "ui_state.lang" in code
    assert '"Start"' not in code
    assert not any(name.startswith("T") for name in UiState.computed_vars)
    with pytest.raises(KeyError):
        t("ui.no.such.key")


def test_a_text_without_translation_falls_back_to_italian(monkeypatch):
    from zerosei_app.components.i18n import t
    from zerosei_app.i18n.ui_script import own_ui_texts

    monkeypatch.setitem(CATALOGS["it"], "ui.test.only_it", "solo italiano")
    assert str(t("ui.test.only_it")).endswith('?? "solo italiano")')
    assert "ui.test.only_it" not in own_ui_texts("en")


def test_language_links_name_each_language_in_itself():
    links = lang_links("/percorso", "comune=001255&lang=en", "en")
    assert [(lang.code, lang.name, lang.current) for lang in links] == [
        ("it", "Italiano", False),
        ("en", "English", True),
        ("ro", "Română", False),
        ("ar", "العربية", False),
        ("sq", "Shqip", False),
        ("zh", "中文", False),
        ("es", "Español", False),
        ("fr", "Français", False),
        ("uk", "Українська", False),
    ]
    assert links[0].href == "/percorso?comune=001255"
