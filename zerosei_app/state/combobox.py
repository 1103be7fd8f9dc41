"""The comune combobox's state, after the ARIA 1.2 "combobox with listbox popup" pattern: a mixin
shared by the wizard's "Dove vivi?" and the Carta's "find a centre" (components/combobox.py renders it).

It holds the text, the options, the active option and the live region's words, and handles typing
and the navigation keys. A state using it supplies `pick(value)` (an event) and `_find(text)`, and
may change what Enter or Escape do when no option is active or the list is closed.
"""

from functools import cache
from typing import ClassVar

import reflex as rx
from pydantic import BaseModel, Field, ValidationError, create_model

from zerosei_app.view.comune_options import ComboOption

NAV_KEYS = ("ArrowDown", "ArrowUp", "Enter", "Escape", "Home", "End")
TRUNCATED_CHARS = 100  # what is kept of a text over the cap (the search reads no more)


def move(active: int, key: str, count: int) -> int:
    """The next active option for a navigation key (wrapping, as the ARIA practices suggest)."""
    if count == 0:
        return -1
    if key == "ArrowDown":
        return 0 if active < 0 or active >= count - 1 else active + 1
    if key == "ArrowUp":
        return count - 1 if active <= 0 else active - 1
    if key == "Home":
        return 0
    if key == "End":
        return count - 1
    return active


@cache
def _typed_model(max_chars: int) -> type[BaseModel]:
    return create_model("TypedText", text=(str, Field(default="", max_length=max_chars)))


def typed_text(value: object, max_chars: int) -> str:
    """What the browser sent as the input's text: a string up to `max_chars`, else its first 100 characters."""
    try:
        return _typed_model(max_chars)(text=value if isinstance(value, str) else "").text
    except ValidationError:
        return str(value)[:TRUNCATED_CHARS]


class ComboboxState(rx.State, mixin=True):
    text: str = ""  # what the input shows
    options: list[ComboOption] = []
    active: int = -1  # index of the highlighted option, -1 for none
    expanded: bool = False
    status: str = ""  # read by screen readers (polite live region)
    max_chars: ClassVar[int] = TRUNCATED_CHARS

    @rx.var
    def active_id(self) -> str:
        return self.options[self.active].dom_id if 0 <= self.active < len(self.options) else ""

    @rx.event
    def search(self, value: str):
        text = typed_text(value, self.max_chars)
        if text == self.text:
            return None  # the same text again (e.g. sent on blur): the list stays as it is, closed or open
        self.text = text
        return self._typed(text)

    @rx.event
    def key(self, key: str):
        if key not in NAV_KEYS:
            return None
        if key == "Escape":
            if self.expanded:
                self._collapse()
                return None
            return self._escape_when_closed()
        if key == "Enter":
            if self.expanded and 0 <= self.active < len(self.options):
                return type(self).pick(self.options[self.active].value)
            return self._enter_without_active()
        if not self.expanded and self.options:
            self.expanded = True
        self.active = move(self.active, key, len(self.options))
        return None

    @rx.event
    def close(self):
        self._collapse()

    def _collapse(self) -> None:
        self.expanded, self.active = False, -1

    def _typed(self, text: str):
        """After a change of text: the list for it (a state may do more first, and return events)."""
        self._show(text)

    def _show(self, text: str) -> None:
        if not text.strip():
            self._clear()
            return
        self.options, self.status = self._find(text)
        self.active, self.expanded = -1, bool(self.options)

    def _clear(self, status: str = "") -> None:
        self.options, self.active, self.expanded, self.status = [], -1, False, status

    def _find(self, text: str) -> tuple[list[ComboOption], str]:
        """The options for a text, and what the live region says about them."""
        raise NotImplementedError

    def _enter_without_active(self):
        return None

    def _escape_when_closed(self):
        self._collapse()
