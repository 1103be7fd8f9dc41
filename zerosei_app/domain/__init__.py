"""Pure-Python domain core: no Reflex, no database; safe to import anywhere."""
