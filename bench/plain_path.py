"""Reads a /percorso answer on stdin, writes the same path as a plain HTML page (Lighthouse's yardstick).

The page keeps only the static copy of the path (web/path_preview.py) and the app's stylesheet: what
a hand-written HTML page of the same content would be. An empty `.app` sits beside it so styles.css
shows the copy as it does before the app runs.
"""

import re
import sys

page = sys.stdin.read()
copy = re.search(r'<div id="zs-preview".*?<script>.*?</script></div>', page, re.S)
if copy is None:
    sys.exit("no static copy of the path in the page")
title = re.search(r"<title>(.*?)</title>", page, re.S)
sys.stdout.write(
    '<!DOCTYPE html><html lang="it"><head><meta charset="utf-8">'
    '<meta name="viewport" content="width=device-width, initial-scale=1">'
    f"<title>{title.group(1) if title else 'ZeroSei'}</title>"
    '<meta name="description" content="Il percorso, come pagina HTML semplice.">'
    '<link rel="stylesheet" href="/styles.css"></head>'
    f'<body>{copy.group(0)}<div class="app" data-ready="false"></div></body></html>'
)
