"""All interface text, in gettext PO catalogues keyed by symbolic ids (`error.bad_month`, …)."""

from .catalogs import DEFAULT_LANG, LANGUAGES
from .translate import normalize_lang, plural, t

__all__ = ["DEFAULT_LANG", "LANGUAGES", "normalize_lang", "plural", "t"]
