"""The public-service frame: publisher settings, the accessibility declaration's texts, the 404's language."""

from __future__ import annotations

import pytest

from zerosei_app import settings
from zerosei_app.i18n import LANGUAGES, t
from zerosei_app.state.frame import lang_from_referrer
from zerosei_app.view import accessibilita


@pytest.fixture
def publisher_env(monkeypatch):
    """Set ZEROSEI_PUBLISHER_* for one test; the cached settings are read again."""

    def apply(**env):
        for key, value in env.items():
            monkeypatch.setenv(key, value)
        settings.get_publisher.cache_clear()
        return settings.get_publisher()

    yield apply
    settings.get_publisher.cache_clear()


def test_defaults_name_regione_piemonte(publisher_env):
    pub = publisher_env()
    assert pub.name == "Regione Piemonte"
    assert pub.url == "https://www.regione.piemonte.it"
    assert pub.privacy_controller == "Regione Piemonte"
    assert pub.logo is None
    # No separate feedback address set: accessibility feedback goes to the privacy contact.
    assert pub.feedback_email == str(pub.privacy_contact)


def test_environment_sets_another_publisher(publisher_env):
    pub = publisher_env(
        ZEROSEI_PUBLISHER_NAME="Comune di Biella",
        ZEROSEI_PUBLISHER_URL="https://www.comune.biella.it/",
        ZEROSEI_PUBLISHER_LOGO="favicon.svg",
        ZEROSEI_PUBLISHER_EMAIL="famiglie@comune.biella.it",
        ZEROSEI_PRIVACY_CONTROLLER="Comune di Biella",
        ZEROSEI_PRIVACY_CONTACT="privacy@comune.biella.it",
    )
    assert (pub.name, pub.url, pub.logo) == ("Comune di Biella", "https://www.comune.biella.it", "/favicon.svg")
    assert pub.feedback_email == "famiglie@comune.biella.it"
    assert pub.privacy_contact == "privacy@comune.biella.it"


@pytest.mark.parametrize(
    ("var", "value"),
    [
        ("ZEROSEI_PUBLISHER_LOGO", "../pyproject.toml"),
        ("ZEROSEI_PUBLISHER_LOGO", "missing.svg"),
        ("ZEROSEI_PUBLISHER_URL", "www.regione.piemonte.it"),
        ("ZEROSEI_PRIVACY_CONTACT", "not an address"),
        ("ZEROSEI_ACCESSIBILITY_DECLARATION_URL", "https://example.it/view/abc"),
        ("ZEROSEI_ACCESSIBILITY_DECLARATION_URL", "http://form.agid.gov.it/view/abc"),
        ("ZEROSEI_ACCESSIBILITY_DECLARATION_URL", "https://form.agid.gov.it/"),
    ],
)
def test_a_bad_setting_stops_with_its_name(publisher_env, var, value):
    with pytest.raises(SystemExit) as exc:
        publisher_env(**{var: value})
    assert var in str(exc.value)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_declaration_has_every_part_in_each_language(lang):
    texts = accessibilita.declaration_texts(lang)
    for key, text in texts.items():
        assert (text or key == "official_href") and "a11y." not in text and "{" not in text, (key, text)
    # No official declaration set: the page says so plainly, and links none.
    assert texts["official_href"] == "" and texts["official"] == t("a11y.official_missing", lang)
    if lang in ("it", "en"):
        assert ("non è ancora collegata" if lang == "it" else "not linked") in texts["official"]
    assert "Regione Piemonte" in texts["intro"] and "Regione Piemonte" in texts["feedback"]
    assert "UNI CEI EN 301549" in texts["status"] and "WCAG 2.1" in texts["status"]
    if lang in ("it", "en"):
        assert ("parzialmente conforme" if lang == "it" else "partially compliant") in texts["status"]
    assert "2026" in texts["prep"]
    assert texts["feedback_href"].startswith("mailto:dpo@regione.piemonte.it?subject=")
    assert accessibilita.AGID_PROCEDURE_URL.startswith("https://")


def test_status_is_one_of_agids():
    assert accessibilita.STATUS in ("conforme", "parzialmente_conforme")


@pytest.mark.parametrize(
    ("referrer", "lang"),
    [
        ("http://localhost:3000/percorso?comune=001272&nascita=2025-01&lang=en", "en"),
        ("https://zerosei.example/informazioni?LANG=EN", "en"),
        ("https://zerosei.example/informazioni", "it"),
        ("", None),
        (None, None),
        ("javascript:alert(1)?lang=en", None),
    ],
)
def test_404_language_from_the_page_before(referrer, lang):
    assert lang_from_referrer(referrer) == lang


def test_error_page_speaks_both_languages_and_shows_no_stack_trace():
    from zerosei_app.components.error_page import error_boundary

    rendered = str(error_boundary(True))
    for text in ("Qualcosa non ha funzionato", "Something went wrong", "Ricarica la pagina", "Back to the home page"):
        assert text in rendered
    assert "error.stack" not in rendered and "reflex.dev" not in rendered
    assert '"/?lang=en"' in rendered  # the way home keeps the language


def test_the_official_agid_declaration_is_linked_when_set(publisher_env, monkeypatch):
    address = "https://form.agid.gov.it/view/6d1a7a10-0000-4000-8000-000000000000"
    pub = publisher_env(ZEROSEI_ACCESSIBILITY_DECLARATION_URL=address)
    assert pub.accessibility_declaration_url == address
    monkeypatch.setattr(accessibilita, "get_publisher", lambda: pub)
    texts = accessibilita.declaration_texts("it")
    assert texts["official_href"] == address and "pubblicata sul sito di AgID" in texts["official"]
