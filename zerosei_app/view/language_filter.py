"""What the path page shows for "Servizi nella mia lingua": the choices (links) and the filter's plain status."""

from __future__ import annotations

from dataclasses import dataclass, field

from babel import Locale, UnknownLocaleError

from zerosei_app.domain.link import PathQuery
from zerosei_app.i18n import t
from zerosei_app.i18n.format import language_name
from zerosei_app.schemas.percorso import PercorsoOut
from zerosei_app.view import urls

# Always offered: the largest communities of foreign residents in Piemonte (ISTAT; issue 18), and
# English. Any other language a serving centre states is added after them.
COMMUNITY_LANGS = ("ro", "ar", "sq", "zh", "es", "fr", "uk", "en")


@dataclass
class LanguageChoice:
    code: str
    name: str  # in the language itself: "العربية", "română"
    href: str
    current: bool = False


@dataclass
class LanguageFilterView:
    choices: list[LanguageChoice] = field(default_factory=list)
    status: str = ""  # set only when the link asks for a language
    all_href: str = ""  # the same path without the filter
    active: bool = False


def own_name(code: str) -> str:
    try:
        name = Locale.parse(code).languages.get(code, code)
    except (ValueError, UnknownLocaleError):
        name = code
    return name[:1].upper() + name[1:]


def language_filter(q: PathQuery, p: PercorsoOut | None) -> LanguageFilterView:
    if p is None:
        return LanguageFilterView()
    codes = list(COMMUNITY_LANGS) + [c for c in p.lingue_dichiarate if c not in COMMUNITY_LANGS]
    choices = [
        LanguageChoice(c, own_name(c), urls.link(urls.PERCORSO, q.model_copy(update={"lingua": c})), c == q.lingua)
        for c in codes
    ]
    if p.lingua is None:
        return LanguageFilterView(choices=choices)
    key = "ui.path.lingua.found" if p.lingua.trovata else "ui.path.lingua.none"
    if p.lingua.trovata and any(p.lingua.codice in c.lingue_mediazione for c in p.centri):
        key = "ui.path.lingua.found_mediazione"  # some services are kept for the centre's mediator, not stated
    return LanguageFilterView(
        choices=choices,
        status=t(key, q.lang, lingua=language_name(p.lingua.codice, q.lang)),
        all_href=urls.link(urls.PERCORSO, q.model_copy(update={"lingua": None})),
        active=True,
    )
