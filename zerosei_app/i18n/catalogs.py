"""Load every `locales/<lang>.po` once at import; adding a language means adding one file."""

from __future__ import annotations

import re
from pathlib import Path

from babel.messages.pofile import read_po

DEFAULT_LANG = "it"
LOCALES_DIR = Path(__file__).with_name("locales")
# Languages whose catalogue must hold every Italian key (tests); the others may fall back to Italian
# for keys listed in the README ("Testi ancora in italiano").
COMPLETE_LANGUAGES = ("it", "en")
# The header field a translator updates once a person who speaks the language has reviewed it.
REVIEW_HEADER = "X-Review-Status"
TO_REVIEW = "traduzione da rivedere"
_REVIEW_RE = re.compile(rf'^"{REVIEW_HEADER}:\s*([^"\\]*)', re.MULTILINE)


def load_po(path: Path) -> dict[str, str]:
    """Translated, non-fuzzy entries only, as gettext itself would use them."""
    with path.open("rb") as f:
        catalog = read_po(f, locale=path.stem, ignore_obsolete=True)
    return {
        message.id: message.string
        for message in catalog
        if isinstance(message.id, str) and message.id and message.string and not message.fuzzy
    }


def review_status(path: Path) -> str:
    """The catalogue's review status ("lingua di riferimento", "rivista", "traduzione da rivedere")."""
    # Babel's reader drops header fields it does not know, so read the header line itself.
    match = _REVIEW_RE.search(path.read_text(encoding="utf-8")[:2000])
    return match.group(1).strip() if match else TO_REVIEW


# The picker's order: Italian, English, then by the size of the communities in Piemonte (ISTAT);
# a catalogue added later comes after them, alphabetically.
ORDER = ("it", "en", "ro", "ar", "sq", "zh", "es", "fr", "uk")


def _load_all() -> dict[str, dict[str, str]]:
    def key(p: Path) -> tuple[int, str]:
        return (ORDER.index(p.stem) if p.stem in ORDER else len(ORDER), p.stem)

    paths = sorted(LOCALES_DIR.glob("*.po"), key=key)
    return {path.stem: load_po(path) for path in paths}


CATALOGS: dict[str, dict[str, str]] = _load_all()
# Italian first: it is the reference language and the fallback.
LANGUAGES: tuple[str, ...] = tuple(CATALOGS)
REVIEW: dict[str, str] = {lang: review_status(LOCALES_DIR / f"{lang}.po") for lang in LANGUAGES}
