"""The shortcuts that keep t() and plural() cheap (they run a few hundred times per path page)."""

import pytest

from zerosei_app.i18n import LANGUAGES, plural, t
from zerosei_app.i18n.catalogs import CATALOGS


@pytest.mark.parametrize("lang", LANGUAGES)
def test_no_catalogue_text_uses_brace_escapes(lang):
    # t() returns a text without parameters as it is, which is only right without "{{" / "}}".
    assert [k for k, v in CATALOGS[lang].items() if "{{" in v or "}}" in v] == []


def test_plural_forms_and_fallbacks_still_hold():
    assert plural("age.months", 1, "it") == "1 mese"
    assert plural("age.months", 5, "it") == "5 mesi"
    assert plural("age.months", 1, "en") == "1 month"
    assert plural("age.months", 1, "xx") == "1 mese"  # unknown language: Italian
    assert plural("no.such.key", 2, "en") == "no.such.key.other"
    assert t("no.such.key", "en") == "no.such.key"
