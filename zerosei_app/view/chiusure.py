"""A temporary closure in words, for the path, the Carta and the print edition (no Reflex)."""

from __future__ import annotations

from datetime import date

from zerosei_app.domain.chiusure import is_active, to_announce
from zerosei_app.i18n import t
from zerosei_app.view.wording import long_date


def closure_text(dal: date, al: date, motivo: str, in_corso: bool, kind: str, lang: str) -> str:
    """ "Centro chiuso dal 1 agosto 2027 al 31 agosto 2027 (ferie)"; `kind` is centro or voce."""
    text = t(
        f"closure.{kind}.{'now' if in_corso else 'soon'}{'_day' if dal == al else ''}",
        lang,
        dal=long_date(dal, lang),
        al=long_date(al, lang),
    )
    return t("closure.with_reason", lang, text=text, motivo=motivo) if motivo else text


def announce_text(windows, today: date, kind: str, lang: str) -> str:
    """The closure to announce today among `windows`, in words ("" when none)."""
    w = to_announce(windows or (), today)
    return "" if w is None else closure_text(w.dal, w.al, w.motivo, is_active(w, today), kind, lang)
