"""One write from a staff handler: commit it, or roll it back and say why in the flash.

The staff states refuse writes the same way (someone saved first, a rule of the domain said no):
the message goes to `flash_error`, nothing is half written, and the form keeps its text.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from sqlmodel import Session

from zerosei_app.view import staff_messages as m

if TYPE_CHECKING:
    from zerosei_app.state.staff_base import StaffState

T = TypeVar("T")
Say = Mapping[type[Exception], Callable[[Any], str]]


def said(exc: Exception) -> str:
    """For refusals of the domain or a query: a refusal code's sentence (view/staff_messages.py)."""
    return m.refusal(exc)


def commit_or_say(state: StaffState, db: Session, write: Callable[[], T], say: Say) -> tuple[bool, T | None]:
    """(True, what `write` returned) once committed; (False, None) after a refusal named in `say`, whose
    message (from the exception) is put in the flash. Other exceptions pass through to staff_event."""
    try:
        result = write()
        db.commit()
    except tuple(say) as exc:
        db.rollback()
        state.flash_error = next(message(exc) for kind, message in say.items() if isinstance(exc, kind))
        return False, None
    return True, result
