"""Issue 17: a centre's confirmation older than the review cycle says so on the path."""

from __future__ import annotations

from datetime import timedelta

from zerosei_app.domain import clock
from zerosei_app.schemas.percorso import VoceOut
from zerosei_app.view.percorso_view import trust_text


def _voce(verificato_il):
    return VoceOut.model_construct(verificato_il=verificato_il, esempio=False, fonte=None)


def test_a_recent_confirmation_is_shown_as_such():
    assert trust_text(_voce(clock.today() - timedelta(days=10)), "it").startswith("Verificato dal centro il ")


def test_an_overdue_confirmation_asks_to_check_and_gives_its_day():
    text = trust_text(_voce(clock.today() - timedelta(days=181)), "it")
    assert text.startswith("Da confermare con il centro (ultima conferma: ") and text.endswith(")")
    assert "last confirmed on" in trust_text(_voce(clock.today() - timedelta(days=400)), "en")
