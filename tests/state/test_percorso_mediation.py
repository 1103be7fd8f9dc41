"""Issue 18 on the path page: lingua=ar with a centre that has a mediator in Arabic."""

from datetime import date

import pytest
from sqlmodel import Session

from tests.state.conftest import run_async
from zerosei_app.db import get_engine
from zerosei_app.models import Centro
from zerosei_app.state.percorso import PercorsoState
from zerosei_app.web import carta_preview, path_preview

LINK = "comune=001255&nascita=2025-05"


def _set(centro_id: int, codes: list[str]) -> None:
    with Session(get_engine()) as db:
        centro = db.get(Centro, centro_id)
        centro.mediation_languages = codes
        db.add(centro)
        db.commit()


@pytest.fixture
def mediator(state):
    s = state(PercorsoState, f"/percorso?{LINK}")
    run_async(s.on_load())
    centro_id = s.centri[0].id
    _set(centro_id, ["ar"])
    yield centro_id
    _set(centro_id, [])


def test_the_card_says_it_and_the_filter_offers_it(state, mediator):
    s = state(PercorsoState, f"/percorso?{LINK}&lingua=ar")
    run_async(s.on_load())
    card = next(c for c in s.centri if c.id == mediator)
    assert card.mediation_asked == "Mediazione culturale in arabo presso il centro"
    assert [(n.code, n.name) for n in card.mediation] == [("ar", "العربية")]
    assert s.language_active and "mediatore culturale in arabo" in s.language_status
    assert "ar" in [c.code for c in s.language_choices]
    voci = [e for lst in s.now_lists for e in lst.cards]
    assert voci  # the centre's services are kept


def test_the_static_copies_say_it_too(mediator):
    """The path's and the Carta's plain-HTML copies (slow phones, offline) carry the same lines."""
    html = path_preview.render(f"{LINK}&lingua=ar", date(2026, 12, 6))
    assert '<p class="lingua-mediazione">Mediazione culturale in arabo presso il centro</p>' in html
    assert '<span lang="ar" dir="auto">العربية</span>' in html
    with Session(get_engine()) as db:
        slug = db.get(Centro, mediator).slug
    carta = carta_preview.preview_for(slug, "it", date(2026, 12, 6))
    assert '<strong>Mediazione culturale presso il centro:</strong> <span lang="ar" dir="auto">العربية</span>' in carta
