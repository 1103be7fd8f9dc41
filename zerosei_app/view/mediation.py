"""A centre's cultural mediators in words (the path's centre card and the Carta page alike): each
language in its own name and script (the page gives each its `lang`), and, for a parent who asked for
one of them (`lingua=`), the line saying the centre mediates in it (domain/language.py's rule)."""

# No `from __future__ import annotations`: Reflex reads these field types at runtime.
from collections.abc import Sequence
from dataclasses import dataclass

from zerosei_app.domain.language import is_language_code
from zerosei_app.i18n import t
from zerosei_app.i18n.format import language_name
from zerosei_app.view.language_filter import own_name


@dataclass
class LanguageNameView:
    code: str  # the `lang` of its name
    name: str  # in the language itself: "العربية", "Română"
    sep: str = ""  # ", " before every name but the first


def mediation_languages_view(codes: Sequence[str] | None) -> list[LanguageNameView]:
    """The mediators' languages, Italian aside (every centre speaks it), in the centre's order."""
    shown = [c for c in (codes or ()) if is_language_code(c) and c != "it"]
    return [LanguageNameView(c, own_name(c), ", " if i else "") for i, c in enumerate(shown)]


def mediation_asked(codes: Sequence[str] | None, language: str | None, lang: str) -> str:
    """ "Mediazione culturale in arabo presso il centro", when the parent asked for a language it mediates."""
    if language is None or language not in (codes or ()):
        return ""
    return t("centro.mediazione.in_lingua", lang, lingua=language_name(language, lang))
