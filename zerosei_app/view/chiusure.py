"""A temporary closure in words, for the path, the Carta and the print edition (no Reflex)."""

from __future__ import annotations

from datetime import date

from zerosei_app.domain.chiusure import is_active, to_announce
from zerosei_app.i18n import t
from zerosei_app.view.wording import long_date


def closure_text(starts_on: date, ends_on: date, reason: str, in_corso: bool, kind: str, lang: str) -> str:
    """ "Centro chiuso dal 1 agosto 2027 al 31 agosto 2027 (ferie)"; `kind` is centro or voce."""
    text = t(
        f"closure.{kind}.{'now' if in_corso else 'soon'}{'_day' if starts_on == ends_on else ''}",
        lang,
        dal=long_date(starts_on, lang),
        al=long_date(ends_on, lang),
    )
    return t("closure.with_reason", lang, text=text, motivo=reason) if reason else text


def announce_text(windows, today: date, kind: str, lang: str) -> str:
    """The closure to announce today among `windows`, in words ("" when none)."""
    w = to_announce(windows or (), today)
    return "" if w is None else closure_text(w.starts_on, w.ends_on, w.reason, is_active(w, today), kind, lang)
