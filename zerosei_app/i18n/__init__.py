"""All interface text, in gettext PO catalogues keyed by symbolic ids (`error.bad_month`, …)."""

from . import babel_fix
from .catalogs import DEFAULT_LANG, LANGUAGES
from .translate import normalize_lang, plural, t

babel_fix.apply()  # before any page asks Babel for a month name: see its docstring

__all__ = ["DEFAULT_LANG", "LANGUAGES", "normalize_lang", "plural", "t"]
