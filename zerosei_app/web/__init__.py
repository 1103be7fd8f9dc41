"""Server-side helpers for the HTML pages (not the JSON API): link previews of shared paths."""
