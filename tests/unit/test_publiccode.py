"""publiccode.yml (the Italian public-software catalogue's file) stays true: required keys, version, licence, languages."""

from __future__ import annotations

import tomllib
from pathlib import Path

import yaml

from zerosei_app.i18n.catalogs import LANGUAGES

ROOT = Path(__file__).resolve().parents[2]
CODE = yaml.safe_load((ROOT / "publiccode.yml").read_text(encoding="utf-8"))
PROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]

# The keys the standard (v0.4) requires, and those its Italian extension requires.
REQUIRED = (
    "publiccodeYmlVersion",
    "name",
    "url",
    "platforms",
    "developmentStatus",
    "softwareType",
    "description",
    "legal",
    "maintenance",
    "localisation",
)


def test_the_required_keys_are_there():
    assert not [key for key in REQUIRED if key not in CODE]
    assert CODE["publiccodeYmlVersion"] == "0.4"
    assert CODE["maintenance"]["type"] in {"internal", "contract", "community", "none"}
    if CODE["maintenance"]["type"] in {"internal", "community"}:
        assert all(contact.get("name") for contact in CODE["maintenance"]["contacts"])
    assert CODE["it"]["countryExtensionVersion"] == "1.0"
    assert set(CODE["it"]) >= {"conforme", "piattaforme"}


def test_descriptions_in_italian_and_english_follow_the_standard():
    for lang in ("it", "en"):
        text = CODE["description"][lang]
        assert len(text["shortDescription"]) <= 150, lang
        assert 150 <= len(text["longDescription"]) <= 10000, lang
        assert text["features"] and all(len(feature) <= 100 for feature in text["features"]), lang


def test_version_licence_and_languages_match_the_app():
    assert CODE["softwareVersion"] == PROJECT["version"]
    assert CODE["legal"]["license"] == PROJECT["license"] == "EUPL-1.2"
    assert (ROOT / "LICENSE").read_text(encoding="utf-8").startswith("EUROPEAN UNION PUBLIC LICENCE v. 1.2")
    assert CODE["localisation"]["availableLanguages"] == list(LANGUAGES)
