"""/i18n/ui.<lang>.js: one language's interface texts, loaded only by pages in that language."""

import json

import pytest
from starlette.applications import Starlette
from starlette.responses import PlainTextResponse
from starlette.testclient import TestClient

from zerosei_app.i18n import LANGUAGES
from zerosei_app.i18n.catalogs import CATALOGS
from zerosei_app.i18n.ui_script import lang_of_path, own_ui_texts, script_body, script_url, version
from zerosei_app.web.ui_script import UiScriptMiddleware


def _catalogue_in(body: bytes, lang: str) -> dict[str, str]:
    prefix = f'(globalThis.__zsUi=globalThis.__zsUi||{{}})["{lang}"]='.encode()
    assert body.startswith(prefix) and body.endswith(b";\n")
    return json.loads(body[len(prefix) : -2])


@pytest.mark.parametrize("lang", [lang for lang in LANGUAGES if lang != "it"])
def test_each_script_holds_the_language_s_own_interface_texts(lang):
    texts = _catalogue_in(script_body(lang), lang)
    assert texts == own_ui_texts(lang)
    assert texts["ui.lang.name"] == CATALOGS[lang]["ui.lang.name"]
    assert all(k.startswith("ui.") and v != CATALOGS["it"][k] for k, v in texts.items())


def test_the_scripts_are_small_and_italian_needs_none():
    assert lang_of_path("/i18n/ui.it.js") is None
    assert lang_of_path("/i18n/ui.xx.js") is None and lang_of_path("/i18n/ui.ar.json") is None
    assert lang_of_path("/i18n/ui.ar.js") == "ar"
    assert max(len(script_body(lang)) for lang in LANGUAGES if lang != "it") < 30_000


@pytest.fixture
def client():
    inner = Starlette(routes=[])
    inner.add_route("/{p:path}", lambda request: PlainTextResponse("app"))
    return TestClient(UiScriptMiddleware(inner))


def test_served_as_javascript_cached_for_its_version(client):
    r = client.get(script_url("ar"))
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/javascript")
    assert "immutable" in r.headers["cache-control"] and r.headers["x-content-type-options"] == "nosniff"
    assert _catalogue_in(r.content, "ar")["ui.lang.name"] == "العربية"
    stale = client.get("/i18n/ui.ar.js?v=old")
    assert stale.status_code == 200 and "must-revalidate" in stale.headers["cache-control"]
    again = client.get(script_url("ar"), headers={"If-None-Match": r.headers["etag"]})
    assert again.status_code == 304


def test_other_paths_pass_through(client):
    assert client.get("/i18n/ui.it.js").text == "app"
    assert client.get("/percorso").text == "app"
    assert version() in script_url("ro")
