"""The path page paints its static copy first, then fetches the app (issue 18: first paint as plain HTML).

The compiled page asks for the app's JavaScript (about 170 KB) in its <head> (`modulepreload`) and
starts it from a module script. On a slow phone those downloads share the line with the page and its
stylesheet, so the static copy of the path (web/path_preview.py) painted late. Here both wait until
the copy is on screen: the first animation frame after the page could paint, then a task. The same
files load in the same order, only later; a tab opened in the background starts at once (no frames
run there). React then hydrates as before and the copy gives way when the app is ready.
"""

from __future__ import annotations

import functools
import json
import re

_PRELOAD = re.compile(r'<link rel="modulepreload" href="(/assets/[^"<>]+)"\s*/?>')
_BOOT = re.compile(r'<script type="module"(?: async="")?>(.*?)</script>', re.S)

_LOADER = (
    "<script>(function(){{var d={data};function go(){{"
    "d.p.forEach(function(h){{var l=document.createElement('link');l.rel='modulepreload';l.href=h;"
    "document.head.appendChild(l)}});"
    "var s=document.createElement('script');s.type='module';s.textContent=d.m;document.body.appendChild(s)}}"
    "if(document.visibilityState==='hidden')go();"
    "else requestAnimationFrame(function(){{setTimeout(go,0)}})}})();</script>"
)


@functools.lru_cache(maxsize=4)  # the compiled template: one string per build (its hash is cached by Python)
def defer_app_scripts(page: str) -> str:
    """The page with its module preloads and boot script started after the first paint."""
    boot = _BOOT.search(page)
    if boot is None:
        return page
    data = json.dumps({"p": _PRELOAD.findall(page[: boot.start()]), "m": boot.group(1)})
    # Inside <script>: no "</" may close it early (a JSON string reads "<\/" as "</").
    loader = _LOADER.format(data=data.replace("</", "<\\/"))
    head = _PRELOAD.sub("", page[: boot.start()])
    return head + loader + page[boot.end() :]
