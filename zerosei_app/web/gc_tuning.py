"""Garbage-collector settings for the served app.

Each tab's state is a tree of small objects kept for an hour (Reflex's token expiry), and the
compiled pages and libraries are hundreds of thousands of objects that live as long as the
process. A full collection walks all of them: under load, those pauses stopped every tab at
once and made the slow tail of page loads. `gc.freeze()` after start-up moves what start-up
built out of the collector's sight, and a larger first threshold collects less often (each
collection still frees cycles; reference counting frees everything else at once).
"""

from __future__ import annotations

import gc

FIRST_GENERATION_THRESHOLD = 50_000  # Python's default is 700 allocations


def tune() -> None:
    """Called once the app is loaded (its pages compiled, its modules imported)."""
    gc.collect()
    gc.freeze()
    _, second, third = gc.get_threshold()
    gc.set_threshold(FIRST_GENERATION_THRESHOLD, second, third)
