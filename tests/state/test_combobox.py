"""One comune combobox (state/combobox.py, view/comune_options.py): the wizard's step 1 and the
Carta's search share its state mixin, its keys and its option type."""

import pytest

from tests.state.conftest import run_async
from zerosei_app.domain.comuni_search import ComuneRecord
from zerosei_app.state.carta import CartaState
from zerosei_app.state.combobox import ComboboxState, typed_text
from zerosei_app.state.wizard_comune import ComuneStepState
from zerosei_app.view.carta_view import DirCentroView
from zerosei_app.view.comune_options import MAX_OPTIONS, carta_options, comune_detail, comune_label, comune_options


@pytest.mark.parametrize("state_cls", [ComuneStepState, CartaState])
def test_both_comboboxes_are_the_one_mixin(state_cls):
    # If a Reflex upgrade changed how mixins bind, the handlers would no longer be this class's own events.
    assert ComboboxState._mixin and issubclass(state_cls, ComboboxState)
    for name in ("search", "key", "close", "pick"):
        assert name in state_cls.event_handlers, name
        assert state_cls.event_handlers[name].fn.__qualname__ == f"{state_cls.__name__}.{name}"
    assert {"text", "options", "active", "expanded", "status"} <= set(state_cls.base_vars)
    assert "active_id" in state_cls.computed_vars


def test_the_text_is_capped_as_the_browser_may_send_anything():
    assert typed_text("chivasso", 100) == "chivasso"
    assert typed_text(["x"], 100) == "" and typed_text(None, 500) == ""
    assert typed_text("a" * 300, 500) == "a" * 300  # the wizard keeps up to 500 characters…
    assert typed_text("a" * 300, 100) == "a" * 100  # …the Carta 100; over the cap, the first 100


def test_an_option_names_the_comune_and_its_province_and_caps():
    many = ComuneRecord("001272", "Torino", "TO", ("10121", "10122", "10123"), 850000)
    one = ComuneRecord("004077", "Crissolo", "CN", ("12030",), 170)
    none = ComuneRecord("001999", "Senzacap", "TO", (), 1)
    assert [comune_detail(r) for r in (many, one, none)] == ["TO · 10121, 10122…", "CN · 12030", "TO"]
    assert comune_label(one) == "Crissolo (CN)"
    options = comune_options([many, one] * MAX_OPTIONS)
    assert len(options) == MAX_OPTIONS and options[1].value == "004077" and options[1].dom_id == "comune-opzione-1"


def test_the_carta_lists_centres_named_like_the_text_before_comuni():
    centri = [DirCentroView(i, f"centro-{i}", f"Centro Chivasso {i}", "", "Chivasso", "", "", "") for i in range(5)]
    record = ComuneRecord("001082", "Chivasso", "TO", ("10034",), 27000)
    options = carta_options("chivasso", centri, [record], "it")
    assert [o.value for o in options] == ["s:centro-0", "s:centro-1", "s:centro-2", "c:001082"]
    assert [o.dom_id for o in options] == [f"carta-opzione-{i}" for i in range(4)]


def test_keys_on_the_carta_enter_picks_the_first_escape_only_closes(state):
    s = state(CartaState, "/carta")
    run_async(s.on_load())
    s.search("10024")
    follow = s.key("Enter")  # no active option: the first one
    assert follow.handler.fn.__qualname__ == "CartaState.pick"
    s.key("ArrowDown")
    assert s.active_id == "carta-opzione-0"
    assert s.key("Escape") is None and not s.expanded
    assert s.key("Escape") is None and s.text == "10024"  # unlike the wizard's, a second Escape keeps the text
