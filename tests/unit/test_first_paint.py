"""/percorso's compiled page starts the app's files after its first paint (web/first_paint.py)."""

import json
import re

from zerosei_app.web.first_paint import defer_app_scripts

PAGE = (
    '<html><head><link rel="modulepreload" href="/assets/manifest-1.js"/>'
    '<link rel="modulepreload" href="/assets/entry.client-2.js"/><title>x</title></head>'
    '<body><div id="zs-preview">copy</div><script>window.ctx={}</script>'
    '<script type="module" async="">import "/assets/manifest-1.js";\nwindow.r="</x>";\nimport("/assets/entry.client-2.js");</script>'
    "</body></html>"
)


def test_preloads_and_boot_wait_for_the_first_paint():
    out = defer_app_scripts(PAGE)
    assert '<link rel="modulepreload"' not in out and 'type="module"' not in out
    assert '<div id="zs-preview">copy</div><script>window.ctx={}</script>' in out  # the rest untouched
    data = json.loads(re.search(r"var d=(\{.*?\});function go", out).group(1).replace("<\\/", "</"))
    assert data["p"] == ["/assets/manifest-1.js", "/assets/entry.client-2.js"]  # same files, same order
    assert data["m"].startswith('import "/assets/manifest-1.js";') and 'window.r="</x>"' in data["m"]
    assert out.count("</script>") == PAGE.count("</script>")  # nothing in the data closes the script early
    assert "requestAnimationFrame(function(){setTimeout(go,0)})" in out and "visibilityState==='hidden'" in out


def test_a_page_without_the_boot_script_is_left_alone():
    assert defer_app_scripts("<html><body>x</body></html>") == "<html><body>x</body></html>"
