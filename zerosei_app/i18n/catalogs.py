"""Load every `locales/<lang>.po` once at import; adding a language means adding one file."""

from __future__ import annotations

from pathlib import Path

from babel.messages.pofile import read_po

DEFAULT_LANG = "it"
LOCALES_DIR = Path(__file__).with_name("locales")


def load_po(path: Path) -> dict[str, str]:
    """Translated, non-fuzzy entries only, as gettext itself would use them."""
    with path.open("rb") as f:
        catalog = read_po(f, locale=path.stem, ignore_obsolete=True)
    return {
        message.id: message.string
        for message in catalog
        if isinstance(message.id, str) and message.id and message.string and not message.fuzzy
    }


def _load_all() -> dict[str, dict[str, str]]:
    paths = sorted(LOCALES_DIR.glob("*.po"), key=lambda p: (p.stem != DEFAULT_LANG, p.stem))
    return {path.stem: load_po(path) for path in paths}


CATALOGS: dict[str, dict[str, str]] = _load_all()
# Italian first: it is the reference language and the fallback.
LANGUAGES: tuple[str, ...] = tuple(CATALOGS)
