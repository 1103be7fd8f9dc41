"""The frame pages' states: the 404 picks its language from the link, the page before, or the referrer."""

from tests.state.conftest import navigate, script_of
from zerosei_app.state.frame import AccessibilitaState, NotFoundState


def test_404_takes_the_link_language(state):
    s = state(NotFoundState, "/sparita?lang=en")
    events = s.on_load()
    assert s.lang == "en" and s.home_href == "/?lang=en" and s.start_href == "/inizia/comune?lang=en"
    assert "document.documentElement.lang='en'" in script_of(events)


def test_404_on_a_fresh_load_asks_for_the_referrer(state):
    s = state(NotFoundState, "/sparita")
    events = s.on_load()
    assert s.lang == "it" and s.home_href == "/"
    assert any("document.referrer" in str(e) for e in events)
    s.from_referrer("https://zerosei.example/percorso?comune=001272&nascita=2025-01&lang=en")
    assert s.lang == "en" and s.home_href == "/?lang=en"
    s.from_referrer({"not": "a string"})  # anything a client sends is read safely
    assert s.lang == "en"


def test_404_after_a_link_inside_the_app_keeps_the_page_language(state):
    s = state(NotFoundState, "/informazioni?lang=en")
    s.on_load()  # the English page the parent was on (the same tab's state)
    navigate(s, "/pagina-sparita")
    s.on_load()
    assert s.lang == "en"


def test_declaration_follows_the_language(state):
    s = state(AccessibilitaState, "/accessibilita?lang=en")
    s.on_load()
    assert s.declaration["status"].startswith("ZeroSei digitale is partially compliant")
