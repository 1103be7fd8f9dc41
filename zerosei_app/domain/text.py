"""Text folding shared by search and sorting, so "Sant’Ambrogio" and "sant ambrogio" compare equal."""

import functools
import unicodedata


@functools.lru_cache(maxsize=8192)  # pure, and called in sort keys on every path
def fold(s: str) -> str:
    """Casefold, strip accents, turn every non letter/digit into a space, collapse spaces."""
    # Casefold again after NFKD: compatibility decomposition can produce characters
    # (e.g. from ligatures or enclosed letters) that are not yet casefolded.
    decomposed = unicodedata.normalize("NFKD", s.casefold()).casefold()
    chars = []
    for c in decomposed:
        if unicodedata.category(c).startswith("M"):
            continue  # combining marks: the accents we drop
        chars.append(c if c.isalnum() else " ")
    return " ".join("".join(chars).split())
